/// One request's worth of a batch report, in the station's own field names (snake_case JSON).
/// A `FieldMapping` renames the fields for a platform whose names differ; the receiver in
/// `PlatformSim` reads this form.
///
/// A report is split into chunks of at most N codes; every chunk repeats the producer, product
/// and batch blocks so the platform can take each one on its own, in any order, more than once.
public struct ReportChunk: Codable, Sendable, Hashable {
    /// The value of `schema`, raised when a field changes meaning.
    public static let schemaVersion = "tracestation.report/1"

    public var schema: String
    /// Which report and which part of it.
    public var report: ReportHeader
    /// 生产单位基本信息.
    public var producer: Producer
    /// 产品信息.
    public var product: Product
    public var batch: BatchInfo
    /// Codes commissioned: printed and not voided.
    public var codes: [CodeRecord]
    /// Codes voided since issue, with why.
    public var voids: [VoidRecord]
    /// 流向信息.
    public var shipments: [Shipment]

    public init(report: ReportHeader, producer: Producer, product: Product, batch: BatchInfo,
                codes: [CodeRecord], voids: [VoidRecord], shipments: [Shipment] = []) {
        schema = Self.schemaVersion
        self.report = report
        self.producer = producer
        self.product = product
        self.batch = batch
        self.codes = codes
        self.voids = voids
        self.shipments = shipments
    }
}

public struct ReportHeader: Codable, Sendable, Hashable {
    /// Stable per report: the station id and the report's ledger number.
    public var id: String
    /// 1-based.
    public var chunk: Int
    public var chunks: Int
    /// ISO 8601 with offset.
    public var createdAt: String

    public init(id: String, chunk: Int, chunks: Int, createdAt: String) {
        self.id = id
        self.chunk = chunk
        self.chunks = chunks
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, chunk, chunks
        case createdAt = "created_at"
    }
}

/// 生产单位基本信息.
public struct Producer: Codable, Sendable, Hashable {
    /// 统一社会信用代码 (GB 32100), 18 characters.
    public var uscc: String
    public var name: String
    public var address: String
    /// 工业产品生产许可证编号.
    public var productionLicences: [String]
    /// CCC 证书编号.
    public var cccCertificates: [String]
    public var factoryCode: String?
    public var contact: String?

    public init(uscc: String, name: String, address: String, productionLicences: [String] = [], cccCertificates: [String] = [],
                factoryCode: String? = nil, contact: String? = nil) {
        self.uscc = uscc
        self.name = name
        self.address = address
        self.productionLicences = productionLicences
        self.cccCertificates = cccCertificates
        self.factoryCode = factoryCode
        self.contact = contact
    }

    enum CodingKeys: String, CodingKey {
        case uscc, name, address, contact
        case productionLicences = "production_licences"
        case cccCertificates = "ccc_certificates"
        case factoryCode = "factory_code"
    }
}

/// 产品信息.
public struct Product: Codable, Sendable, Hashable {
    public var gtin: String
    public var name: String
    /// 规格型号.
    public var model: String?
    /// Catalogue category / sub-item.
    public var category: String?
    public var brand: String?
    /// 执行标准号.
    public var standard: String?
    /// 生产许可证编号 or CCC 证书编号 that covers the product.
    public var licence: String?
    /// `GS1`, `ECODE`, `DID` or `CCC`.
    public var codeScheme: String
    public var inspection: Inspection?

    public init(gtin: String, name: String, model: String? = nil, category: String? = nil, brand: String? = nil,
                standard: String? = nil, licence: String? = nil, codeScheme: String = "GS1", inspection: Inspection? = nil) {
        self.gtin = gtin
        self.name = name
        self.model = model
        self.category = category
        self.brand = brand
        self.standard = standard
        self.licence = licence
        self.codeScheme = codeScheme
        self.inspection = inspection
    }

    enum CodingKeys: String, CodingKey {
        case gtin, name, model, category, brand, standard, licence, inspection
        case codeScheme = "code_scheme"
    }
}

/// 检验结论 and the report that states it.
public struct Inspection: Codable, Sendable, Hashable {
    public var conclusion: String
    public var reportNumber: String?

    public init(conclusion: String, reportNumber: String? = nil) {
        self.conclusion = conclusion
        self.reportNumber = reportNumber
    }

    enum CodingKeys: String, CodingKey {
        case conclusion
        case reportNumber = "report_number"
    }
}

public struct BatchInfo: Codable, Sendable, Hashable {
    /// The ledger's batch number.
    public var id: Int64
    public var lot: String
    /// `YYYY-MM-DD`, when the batch has one.
    public var productionDate: String?
    public var quantity: Int

    public init(id: Int64, lot: String, productionDate: String?, quantity: Int) {
        self.id = id
        self.lot = lot
        self.productionDate = productionDate
        self.quantity = quantity
    }

    enum CodingKeys: String, CodingKey {
        case id, lot, quantity
        case productionDate = "production_date"
    }
}

/// One commissioned code: 单件码.
public struct CodeRecord: Codable, Sendable, Hashable {
    public enum Verification: String, Codable, Sendable, Hashable {
        case pass, fail, unverified
        /// Sent to the printer and never proven printed; reported because it may be on a product.
        case unconfirmed
    }

    /// `GS1`, `ECODE`, `DID` or `CCC`.
    public var scheme: String
    /// The code's value (for GS1, its Digital Link URI).
    public var code: String
    /// What the carrier holds in its own syntax (for GS1, the bracketed element string).
    public var payload: String
    /// ISO 8601 with offset.
    public var printedAt: String
    /// The station (line) that printed it.
    public var line: String
    public var verification: Verification

    public init(scheme: String, code: String, payload: String, printedAt: String, line: String, verification: Verification) {
        self.scheme = scheme
        self.code = code
        self.payload = payload
        self.printedAt = printedAt
        self.line = line
        self.verification = verification
    }

    enum CodingKeys: String, CodingKey {
        case scheme, code, payload, line, verification
        case printedAt = "printed_at"
    }
}

public struct VoidRecord: Codable, Sendable, Hashable {
    public var scheme: String
    public var code: String
    /// ISO 8601 with offset.
    public var voidedAt: String
    public var reason: String
    /// The code printed in its place, if it was reprinted.
    public var replacedBy: String?

    public init(scheme: String, code: String, voidedAt: String, reason: String, replacedBy: String? = nil) {
        self.scheme = scheme
        self.code = code
        self.voidedAt = voidedAt
        self.reason = reason
        self.replacedBy = replacedBy
    }

    enum CodingKeys: String, CodingKey {
        case scheme, code, reason
        case voidedAt = "voided_at"
        case replacedBy = "replaced_by"
    }
}

/// 流向信息: goods leaving the plant, by code or by batch and quantity.
public struct Shipment: Codable, Sendable, Hashable {
    public var id: String
    public var consigneeUSCC: String
    public var consigneeName: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// Codes shipped, when shipped by code; empty when shipped by batch and quantity.
    public var codes: [String]
    public var quantity: Int?
    public var unit: String?
    /// Waybill or delivery-note number.
    public var documentNumber: String?

    public init(id: String, consigneeUSCC: String, consigneeName: String, date: String, codes: [String] = [],
                quantity: Int? = nil, unit: String? = nil, documentNumber: String? = nil) {
        self.id = id
        self.consigneeUSCC = consigneeUSCC
        self.consigneeName = consigneeName
        self.date = date
        self.codes = codes
        self.quantity = quantity
        self.unit = unit
        self.documentNumber = documentNumber
    }

    enum CodingKeys: String, CodingKey {
        case id, date, codes, quantity, unit
        case consigneeUSCC = "consignee_uscc"
        case consigneeName = "consignee_name"
        case documentNumber = "document_number"
    }
}
