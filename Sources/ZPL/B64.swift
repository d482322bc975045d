/// Zebra's B64 encoding of binary data: `:B64:<base64>:<CRC>`, uncompressed.
public enum B64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The data inside `text`, after checking the CRC.
    public static func decode(_ text: String) throws(ZPLError) -> [UInt8] {
        try Base64Frame.payload(of: text, kind: "B64")
    }

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        Base64Frame.append(kind: "B64", payload: bytes, to: &out)
    }
}
