/// Zebra's Z64 encoding of binary data: `:Z64:<base64 of zlib-compressed data>:<CRC>`, as
/// `^GF`, `~DG` and `~DY` accept it.
public enum Z64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The data inside `text`, after checking the CRC and inflating at most `maximumSize` bytes.
    ///
    /// - Parameter maximumSize: the most the data may inflate to, such as a graphic's byte
    ///   count; more is refused as soon as inflating passes it.
    public static func decode(_ text: String, maximumSize: Int) throws(ZPLError) -> [UInt8] {
        let compressed = try Base64Frame.payload(of: text, kind: "Z64")
        return try Zlib.decompress(compressed, maximumSize: maximumSize, subject: "Z64 data")
    }

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        Base64Frame.append(kind: "Z64", payload: Zlib.compress(bytes), to: &out)
    }
}
