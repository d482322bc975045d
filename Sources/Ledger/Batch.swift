import TraceCodes

/// One production batch (lot) of one product, and the codes the station may issue for it.
public struct Batch: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case open, closed
    }

    public let id: Int64
    public let spec: BatchSpec
    public let createdAt: Int64
    public let state: State
    /// Codes issued so far, reprints included.
    public let issuedCount: Int

    /// At most this many codes: the quantity plus its overage, rounded up.
    public var limit: Int { spec.limit }
}

/// What a batch is made from; checked when made, so issuance cannot fail on bad batch data.
public struct BatchSpec: Sendable, Hashable {
    public static let defaultOveragePercent = 5
    public static let defaultSerialLength = 12
    /// A billion labels: more than any lot, and far from where the overage arithmetic overflows.
    public static let maximumQuantity = 1_000_000_000

    /// GTIN-14.
    public let gtin: String
    public let lot: String
    /// YYMMDD for AI (11), or nil.
    public let productionDate: String?
    public let quantity: Int
    public let overagePercent: Int
    /// Digital Link domain with an optional path prefix.
    public let domain: String
    public let serialLength: Int

    public init(
        gtin: String, lot: String, productionDate: String? = nil, quantity: Int,
        overagePercent: Int = defaultOveragePercent, domain: String = GS1DigitalLink.defaultDomain,
        serialLength: Int = defaultSerialLength
    ) throws(LedgerError) {
        let subject = "batch \(gtin) lot \(lot)"
        guard (1...Self.maximumQuantity).contains(quantity) else {
            throw LedgerError(subject, .invalidInput("quantity must be 1 to \(Self.maximumQuantity), not \(quantity)"))
        }
        guard (0...100).contains(overagePercent) else {
            throw LedgerError(subject, .invalidInput("overage must be 0 to 100 percent, not \(overagePercent)"))
        }
        do {
            let builder = try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: productionDate)
            _ = try RandomSerialGenerator(length: serialLength)
            self.gtin = builder.gtin.gtin14
            self.domain = try GS1DigitalLink.normalizedDomain(domain)
        } catch {
            throw LedgerError(subject, .invalidInput(error.description))
        }
        self.lot = lot
        self.productionDate = productionDate
        self.quantity = quantity
        self.overagePercent = overagePercent
        self.serialLength = serialLength
    }

    public var limit: Int { quantity + (quantity * overagePercent + 99) / 100 }

    func codeBuilder() throws(LedgerError) -> GS1ItemCodeBuilder {
        do {
            return try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: productionDate)
        } catch {
            throw LedgerError("batch \(gtin) lot \(lot)", .invalidInput(error.description))
        }
    }

    /// The `batch-created` event's details.
    var details: String {
        var members: [String: CanonicalJSON] = [
            "gtin": .string(gtin), "lot": .string(lot), "quantity": .integer(Int64(quantity)),
            "overage_percent": .integer(Int64(overagePercent)), "domain": .string(domain),
            "serial_length": .integer(Int64(serialLength)),
        ]
        if let productionDate { members["production_date"] = .string(productionDate) }
        return CanonicalJSON.text(members)
    }
}
