import Ledger

/// The answer to a void: the voided code and, for a reprint, its replacement.
struct VoidBody: Encodable {
    struct Replacement: Encodable {
        let code: String
        let elementString: String
        let serial: String
        let batch: Int64

        enum CodingKeys: String, CodingKey {
            case code, serial, batch
            case elementString = "element_string"
        }
    }

    let voided: String
    let reason: String
    let batch: Int64
    let replacement: Replacement?

    init(voided: String, reason: String, batch: Int64, replacement: IssuedCode?) {
        self.voided = voided
        self.reason = reason
        self.batch = batch
        self.replacement = replacement.map {
            Replacement(code: $0.value, elementString: $0.elementString, serial: $0.serial, batch: $0.batch)
        }
    }
}
