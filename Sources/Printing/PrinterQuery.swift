/// A request to the printer and how its answer is framed. Answers carry no length, so each
/// query says where its answer ends; every query has a deadline.
public struct PrinterQuery: Sendable, Hashable, CustomStringConvertible {
    public enum Framing: Sendable, Hashable {
        /// No answer: a job, `~JA`, `~PP`, `~PS`.
        case none
        /// This many `<STX>…<ETX>` frames.
        case frames(Int)
        /// One double-quoted string, as SGD answers.
        case quoted
    }

    public let bytes: [UInt8]
    public let framing: Framing
    public let description: String

    public init(bytes: [UInt8], framing: Framing, description: String) {
        self.bytes = bytes
        self.framing = framing
        self.description = description
    }

    /// Three frames: printer, media and password fields.
    public static let hostStatus = PrinterQuery(bytes: Array("~HS".utf8), framing: .frames(3), description: "~HS")
    public static let extendedStatus = PrinterQuery(bytes: Array("~HQES".utf8), framing: .frames(1), description: "~HQES")
    public static let identity = PrinterQuery(bytes: Array("~HI".utf8), framing: .frames(1), description: "~HI")
    public static let cancelAll = PrinterQuery(bytes: Array("~JA".utf8), framing: .none, description: "~JA")
    public static let pause = PrinterQuery(bytes: Array("~PP".utf8), framing: .none, description: "~PP")
    public static let resume = PrinterQuery(bytes: Array("~PS".utf8), framing: .none, description: "~PS")

    /// `! U1 getvar "name"`, on its own line as SGD needs.
    public static func getVariable(_ name: String) -> PrinterQuery {
        PrinterQuery(bytes: Array("! U1 getvar \"\(name)\"\r\n".utf8), framing: .quoted, description: "getvar \(name)")
    }

    public static let odometer = getVariable("odometer.total_label_count")
}
