import Crypto

/// The hash chain over ledger events.
///
/// `hash(n) = SHA-256(hash(n−1) ‖ encoding(n))`, with `hash(0)` 32 zero bytes. The canonical
/// encoding of an event is the 5 ASCII bytes `TSEV1` followed by seven fields in this fixed
/// order, each as a 4-byte big-endian byte count and then its UTF-8 bytes:
///
/// 1. `seq` in decimal ASCII, no sign or leading zeros
/// 2. `time`, milliseconds since 1970-01-01 UTC, in decimal ASCII
/// 3. station id
/// 4. batch id in decimal ASCII, or empty when the event has no batch
/// 5. code value (the GS1 Digital Link URI), or empty when the event has no code
/// 6. kind (`batch-created`, `issued`, `sent`, `printed`, `unconfirmed`, `verified-pass`,
///    `verified-fail`, `voided`, `batch-closed`)
/// 7. details, the stored JSON text byte for byte
///
/// Length prefixes make the encoding unambiguous without escaping; hashing the stored details
/// text means a verifier needs no JSON library to check the chain.
public enum EventHash {
    public static let genesis = [UInt8](repeating: 0, count: 32)
    static let tag = Array("TSEV1".utf8)

    public static func hash(
        previous: [UInt8], seq: Int64, time: Int64, station: String, batch: Int64?, code: String?, kind: String, details: String
    ) -> [UInt8] {
        var encoding = tag
        encoding.reserveCapacity(64 + station.utf8.count + (code?.utf8.count ?? 0) + details.utf8.count)
        for field in [String(seq), String(time), station, batch.map(String.init) ?? "", code ?? "", kind, details] {
            appendField(field, to: &encoding)
        }
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: encoding)
        return Array(hasher.finalize())
    }

    /// A 4-byte big-endian length, then the UTF-8 bytes.
    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let count = UInt32(utf8.count)
        bytes.append(contentsOf: [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)])
        bytes.append(contentsOf: utf8)
    }
}

extension Array where Element == UInt8 {
    /// Lowercase hex, two digits a byte.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes from hex text (either case); nil when the text is not whole hex bytes.
    init?(hex text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
