import Hummingbird
import Ledger
import Station

/// What the handlers share: ledger calls answered as API errors, and the path and query
/// parameters read with their rules.
extension StationAPI {
    /// `body`'s result; a ledger refusal becomes its API answer (`APIError(_:)`).
    func ledgerCall<T>(field: String? = nil, _ body: () async throws(LedgerError) -> T) async throws(APIError) -> T {
        do {
            return try await body()
        } catch {
            throw APIError(error, field: field)
        }
    }

    /// The `{batch}` path parameter: a positive integer.
    func batchID(_ context: StationRequestContext) throws(APIError) -> Int64 {
        let text = context.parameters.get("batch") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw .invalidParameter("batch", "must be a positive integer batch id, not \"\(text)\"")
        }
        return id
    }

    /// The configured line named `id`; nil when none is named. An unknown name is a bad query
    /// parameter (400) or a bad body field (422).
    func line(named id: String?, field: String, inQuery: Bool) throws(APIError) -> LineSettings? {
        guard let id else { return nil }
        guard let line = settings.lines.first(where: { $0.id == id }) else {
            let known = settings.lines.map(\.id).joined(separator: ", ")
            let rule = "names no line of this station; the lines are \(known.isEmpty ? "(none)" : known)"
            throw APIError(inQuery ? .badRequest : .unprocessableContent, "unknown-line", "\(field) \"\(id)\" \(rule)", field: field)
        }
        return line
    }

    /// The metrics' line label for a label step not tied to a configured line.
    static let unassignedLine = "unassigned"
}
