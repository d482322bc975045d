/// The one error of the printer link.
public enum PrintingError: Error, Sendable, Equatable, CustomStringConvertible {
    case connectFailed(host: String, port: Int, reason: String)
    case notConnected(host: String, port: Int)
    case connectionClosed
    case writeTimeout
    /// No whole answer in time; `partial` when some bytes came that did not complete one.
    case readTimeout(query: String, partial: Bool)
    case unreadableAnswer(query: String, answer: String)
    case linkClosed

    public var description: String {
        switch self {
        case let .connectFailed(host, port, reason):
            "cannot connect to the printer at \(host):\(port): \(reason); check the address, the cable and that no other program holds port \(port)"
        case let .notConnected(host, port): "no connection to the printer at \(host):\(port)"
        case .connectionClosed: "the printer closed the connection"
        case .writeTimeout: "the printer did not take the data in time; check that it is not stopped or busy with another host"
        case let .readTimeout(query, partial):
            partial ? "the answer to \(query) was incomplete or garbled" : "the printer did not answer \(query) in time"
        case let .unreadableAnswer(query, answer): "the answer to \(query) is not one: \(answer.debugDescription)"
        case .linkClosed: "the printer link is closed"
        }
    }
}
