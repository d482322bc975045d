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
        var encoding: [UInt8] = []
        return hash(previous: previous, seq: seq, time: time, station: station, batch: batch, code: code, kind: kind,
                    details: details, encoding: &encoding)
    }

    /// As `hash(previous:…)`, encoding into `encoding`, which callers hashing many events
    /// reuse so that its storage is allocated once.
    static func hash(
        previous: [UInt8], seq: Int64, time: Int64, station: String, batch: Int64?, code: String?, kind: String, details: String,
        encoding: inout [UInt8]
    ) -> [UInt8] {
        encoding.removeAll(keepingCapacity: true)
        encoding.append(contentsOf: tag)
        appendField(seq, to: &encoding)
        appendField(time, to: &encoding)
        appendField(station, to: &encoding)
        if let batch { appendField(batch, to: &encoding) } else { appendField("", to: &encoding) }
        appendField(code ?? "", to: &encoding)
        appendField(kind, to: &encoding)
        appendField(details, to: &encoding)
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: encoding)
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }

    /// A positive integer's decimal digits as a field, without making a string.
    static func appendField(_ number: Int64, to bytes: inout [UInt8]) {
        guard number > 0 else { return appendField(String(number), to: &bytes) }
        var digits = 0, rest = number
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        appendLength(digits, to: &bytes)
        var index = bytes.count + digits - 1, value = number
        bytes.append(contentsOf: repeatElement(0, count: digits))
        while value > 0 {
            bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            index -= 1
        }
    }

    private static func appendLength(_ count: Int, to bytes: inout [UInt8]) {
        let count = UInt32(count)
        bytes.append(UInt8(count >> 24))
        bytes.append(UInt8(count >> 16 & 0xFF))
        bytes.append(UInt8(count >> 8 & 0xFF))
        bytes.append(UInt8(count & 0xFF))
    }

    /// A 4-byte big-endian length, then the UTF-8 bytes.
    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        appendLength(utf8.count, to: &bytes)
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
