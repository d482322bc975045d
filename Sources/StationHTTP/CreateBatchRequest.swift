import Ledger
import Reporting
import TraceCodes

/// `POST /api/v1/batches`: a new open batch of one product.
struct CreateBatchRequest: JSONRequestBody {
    /// Far above any real batch, and low enough that the ledger's overage arithmetic cannot overflow.
    static let maximumQuantity = BatchSpec.maximumQuantity
    static let fieldNames: Set<String> = ["gtin", "lot", "production_date", "quantity", "overage_percent"]

    var gtin: String
    var lot: String
    /// YYMMDD, as AI (11) holds it.
    var productionDate: String?
    var quantity: Int
    var overagePercent: Int?

    enum CodingKeys: String, CodingKey {
        case gtin, lot, quantity
        case productionDate = "production_date"
        case overagePercent = "overage_percent"
    }

    /// The batch to create; each rule is checked on its own field so the refusal names it.
    func spec(products: [String: Product]?) throws(APIError) -> BatchSpec {
        let gtin14: String
        do {
            gtin14 = try GTIN(gtin).gtin14
        } catch {
            throw .invalidField("gtin", "is not a GTIN: \(error.description)")
        }
        if let products, products[gtin14] == nil {
            throw APIError(.unprocessableContent, "unknown-product",
                           "gtin \(gtin14) is not a product of the reporting profile; GET /api/v1/products lists them", field: "gtin")
        }
        do {
            try GS1ApplicationIdentifier.named("10")!.validate(lot)
        } catch {
            throw .invalidField("lot", "is not a GS1 lot (AI 10): \(error.description)")
        }
        if let productionDate {
            do {
                try GS1ApplicationIdentifier.named("11")!.validate(productionDate)
            } catch {
                throw .invalidField("production_date", "is not a production date YYMMDD (AI 11): \(error.description)")
            }
        }
        guard (1...Self.maximumQuantity).contains(quantity) else {
            throw .invalidField("quantity", "must be 1 to \(Self.maximumQuantity), not \(quantity)")
        }
        let overage = overagePercent ?? BatchSpec.defaultOveragePercent
        guard (0...100).contains(overage) else {
            throw .invalidField("overage_percent", "must be 0 to 100, not \(overage)")
        }
        do {
            return try BatchSpec(gtin: gtin14, lot: lot, productionDate: productionDate, quantity: quantity, overagePercent: overage)
        } catch {
            throw APIError(error)
        }
    }
}
