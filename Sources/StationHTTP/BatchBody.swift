import Ledger

/// A batch as the API shows it, with its reconciliation when asked for one batch.
struct BatchBody: Encodable {
    let id: Int64
    let gtin: String
    let lot: String
    let productionDate: String?
    let quantity: Int
    let overagePercent: Int
    /// The quantity plus its overage: at most this many codes.
    let limit: Int
    let domain: String
    let serialLength: Int
    let createdAt: String
    let state: Batch.State
    let issued: Int
    let reconciliation: ReconciliationBody?

    init(_ batch: Batch, reconciliation: Reconciliation? = nil) {
        id = batch.id
        gtin = batch.spec.gtin
        lot = batch.spec.lot
        productionDate = batch.spec.productionDate
        quantity = batch.spec.quantity
        overagePercent = batch.spec.overagePercent
        limit = batch.limit
        domain = batch.spec.domain
        serialLength = batch.spec.serialLength
        createdAt = Timestamp.iso8601(batch.createdAt)
        state = batch.state
        issued = batch.issuedCount
        self.reconciliation = reconciliation.map(ReconciliationBody.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, gtin, lot, quantity, limit, domain, state, issued, reconciliation
        case productionDate = "production_date"
        case overagePercent = "overage_percent"
        case serialLength = "serial_length"
        case createdAt = "created_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(gtin, forKey: .gtin)
        try container.encode(lot, forKey: .lot)
        // Always present, null when the batch has no production date, so clients see the field.
        try container.encode(productionDate, forKey: .productionDate)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(overagePercent, forKey: .overagePercent)
        try container.encode(limit, forKey: .limit)
        try container.encode(domain, forKey: .domain)
        try container.encode(serialLength, forKey: .serialLength)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(state, forKey: .state)
        try container.encode(issued, forKey: .issued)
        try container.encodeIfPresent(reconciliation, forKey: .reconciliation)
    }
}

/// `GET /api/v1/batches`.
struct BatchListBody: Encodable {
    let batches: [BatchBody]
}
