import Crypto
import Foundation

/// The signed statement written when a batch closes: the batch, the chain head at that moment
/// and its counts, and, when it did not balance, the lead's override.
///
/// The signed message is the 5 ASCII bytes `TSCP1` followed by these fields, each as a 4-byte
/// big-endian byte count and its UTF-8 bytes (as in `EventHash`): batch id, last seq, last
/// hash in lowercase hex, the counts `issued,sent,printed_confirmed,unconfirmed,verified_pass,
/// verified_fail,voided,reprinted,unused` as decimals joined by commas, override reason (or
/// empty), lead (or empty). The signature is Ed25519 (RFC 8032).
public struct Checkpoint: Sendable, Hashable {
    public let batch: Int64
    /// The last event before the close event; the close event itself follows it.
    public let lastSeq: Int64
    public let lastHash: [UInt8]
    public let counts: Reconciliation
    public let override: CloseOverride?
    public let publicKey: [UInt8]
    public let signature: [UInt8]

    static let tag = Array("TSCP1".utf8)
    /// Counts derived from others, or kept outside the chain, that a checkpoint does not hold.
    static let unsignedFields: Set<String> = ["printed", "reported", "acknowledged"]

    static func message(batch: Int64, lastSeq: Int64, lastHash: [UInt8], counts: Reconciliation, override: CloseOverride?) -> [UInt8] {
        let numbers = [counts.issued, counts.sent, counts.printedConfirmed, counts.unconfirmed, counts.verifiedPass,
                       counts.verifiedFail, counts.voided, counts.reprinted, counts.unused]
        var bytes = tag
        for field in [String(batch), String(lastSeq), lastHash.hex, numbers.map(String.init).joined(separator: ","),
                      override?.reason ?? "", override?.lead ?? ""] {
            EventHash.appendField(field, to: &bytes)
        }
        return bytes
    }

    public var message: [UInt8] {
        Self.message(batch: batch, lastSeq: lastSeq, lastHash: lastHash, counts: counts, override: override)
    }

    /// Whether the signature is the holder of `publicKey`'s over `message`.
    public var hasValidSignature: Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    /// The `batch-closed` event's details.
    var details: String {
        var members: [String: CanonicalJSON] = [
            "last_seq": .integer(lastSeq), "last_hash": .string(lastHash.hex),
            "counts": .object(Dictionary(uniqueKeysWithValues: counts.fields.filter { !Self.unsignedFields.contains($0.name) }
                .map { ($0.name, .integer(Int64($0.value))) })),
            "public_key": .string(publicKey.hex), "signature": .string(signature.hex),
        ]
        if let override {
            members["override_reason"] = .string(override.reason)
            members["lead"] = .string(override.lead)
        }
        return CanonicalJSON.text(members)
    }
}

/// A shift lead's decision to close a batch that does not balance.
public struct CloseOverride: Sendable, Hashable {
    public let reason: String
    public let lead: String

    public init(reason: String, lead: String) throws(LedgerError) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty, !lead.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LedgerError("close override", .invalidInput("needs both a reason and the lead's name"))
        }
        self.reason = reason
        self.lead = lead
    }
}
