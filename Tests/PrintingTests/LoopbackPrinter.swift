import NIOCore
import Printing
import VirtualPrinter

/// A virtual printer on a free loopback port, and a link to it with short deadlines.
struct LoopbackPrinter {
    let printer: VirtualPrinter
    let server: Channel
    let link: PrinterLink

    /// Short enough that faults show quickly, long enough that a loaded machine running the
    /// suites in parallel does not miss a status answer and call a held job unconfirmed.
    static let fastDeadlines = PrinterLink.Configuration(
        connectTimeout: .seconds(2), writeTimeout: .seconds(2), readTimeout: .seconds(1),
        reconnectDelay: .milliseconds(20), maximumReconnectDelay: .milliseconds(200), reconnectAttempts: 4,
        pollInterval: .milliseconds(10), confirmationTimeout: .seconds(5), window: 8)

    init(faults: [String] = [], renders: Bool = true, keptLabels: Int = 64, speedMillimetresPerSecond: Double? = nil,
         configuration: PrinterLink.Configuration = Self.fastDeadlines) async throws {
        var set = PrinterFaults()
        for fault in faults { try set.set(fault) }
        printer = VirtualPrinter(configuration: .init(speedMillimetresPerSecond: speedMillimetresPerSecond, faults: set,
                                                      renders: renders, keptLabels: keptLabels),
                                 fonts: try PrinterFonts.installed())
        server = try await PrinterServer.start(printer: printer, port: 0)
        link = PrinterLink(host: "127.0.0.1", port: server.localAddress!.port!, configuration: configuration)
    }

    func stop() async throws {
        await link.close()
        try await server.close()
    }

    /// A small label whose bytes differ by `number`.
    static func label(_ number: Int) -> [UInt8] {
        Array("^XA^PW200^LL100^FO10,10^GB\(20 + number % 50),20,2^FS^FO10,40^A0N,20,20^FD#\(number)^FS^PQ1^XZ".utf8)
    }

    /// The state of each job, in submission order.
    static func states(of ids: [PrintJob.ID], on link: PrinterLink) async -> [PrintJobState] {
        var states: [PrintJobState] = []
        for id in ids { states.append(await link.state(of: id) ?? .queued) }
        return states
    }
}
