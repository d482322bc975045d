import Ledger

/// A reconciliation as JSON: the same keys as `Reconciliation.json` (the CLI's `--json`), so
/// scripts read the API and the command alike.
struct ReconciliationBody: Encodable {
    let reconciliation: Reconciliation

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var scope = container.nestedContainer(keyedBy: Key.self, forKey: Key("scope"))
        switch reconciliation.scope {
        case .batch(let id):
            try scope.encode(id, forKey: Key("batch"))
        case .shift(let from, let to):
            try scope.encode(Timestamp.iso8601(from), forKey: Key("from"))
            try scope.encode(Timestamp.iso8601(to), forKey: Key("to"))
        }
        for field in reconciliation.fields {
            try container.encode(field.value, forKey: Key(field.name))
        }
        try container.encode(reconciliation.isBalanced, forKey: Key("balanced"))
        try container.encode(reconciliation.problems, forKey: Key("problems"))
    }
}
