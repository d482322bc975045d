/// What the stream parser found in the bytes received so far.
public enum ZPLStreamEvent: Sendable, Equatable {
    /// A `~` command, surfaced as soon as it is complete, even in the middle of a format.
    case control(ZPLCommand)
    /// One whole `^XA`…`^XZ` format.
    case format(ZPLScript)
    /// An SGD line outside any format, such as `! U1 getvar "odometer.total_label_count"`,
    /// without its line ending.
    case setGetDo(String)
    /// Input the parser dropped: a format or a `~` command over the size limit.
    case refused(ZPLError)
}

/// The commands of one `^XA`…`^XZ` format, without `^XA` and `^XZ` and without the `~`
/// commands received inside it, with the raw bytes it arrived as.
public struct ZPLScript: Sendable, Hashable {
    public let commands: [ZPLCommand]
    /// The bytes from `^XA` to `^XZ` as received, `~` commands and line breaks included.
    public let bytes: [UInt8]

    public init(commands: [ZPLCommand], bytes: [UInt8]) {
        self.commands = commands
        self.bytes = bytes
    }
}
