import Foundation
import NIOCore
import NIOPosix
import Printing
import VirtualPrinter

/// The line's printer and its link: a virtual printer started in-process on a free loopback
/// port, or a printer on the network. The link keeps at most the line's `labelsInPrinter`
/// labels in the printer, so a fault or a stop leaves only that many in doubt.
struct LinePrinter: Sendable {
    let link: PrinterLink
    /// The in-process printer, whose renders verify the labels; nil for a network printer.
    let virtual: VirtualPrinter?
    private let server: Channel?

    /// The loops in-process virtual printers run on. A virtual printer renders every label on
    /// its loop, which must not hold up the links on the shared loops, so they have their own
    /// threads; like NIO's singleton group they live as long as the process, so a printer's
    /// actor can be asked for its odometer even after its line has closed.
    static let renderingLoops = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)

    static func start(_ settings: LineSettings, dotsPerMillimetre: Int, labelFolder: String,
                      faults: PrinterFaults, linkConfiguration: PrinterLink.Configuration,
                      keptLabelFiles: Int?) async throws(StationError) -> LinePrinter {
        let subject = "line \(settings.id), printer"
        var configuration = linkConfiguration
        configuration.window = max(1, settings.labelsInPrinter)
        configuration.maximumWindow = configuration.window
        switch settings.printer {
        case let .network(host, port):
            guard !host.isEmpty, (1...65535).contains(port) else {
                throw StationError(subject, "\(host):\(port) is not a printer address; give a host and a port from 1 to 65535")
            }
            return LinePrinter(link: PrinterLink(host: host, port: port, configuration: configuration), virtual: nil, server: nil)
        case .virtual:
            do {
                try FileManager.default.createDirectory(atPath: labelFolder, withIntermediateDirectories: true)
            } catch {
                throw StationError(subject, "cannot create the label folder \(labelFolder): \(error)")
            }
            let group = Self.renderingLoops
            // Drawing is most of a virtual printer's work, and only verification looks at the
            // drawings (its renders, or a simulated camera fed from them); a printer that does
            // not draw has no label images to write either.
            let renders = settings.verification != .none
            let printer: VirtualPrinter
            let server: Channel
            do {
                printer = VirtualPrinter(
                    configuration: .init(dotsPerMillimetre: dotsPerMillimetre, outputDirectory: renders ? labelFolder : nil,
                                         faults: faults, renders: renders, keptLabelFiles: keptLabelFiles),
                    fonts: try PrinterFonts.installed(), eventLoop: group.next())
                server = try await PrinterServer.start(printer: printer, host: "127.0.0.1", port: 0, group: group)
            } catch {
                throw StationError(subject, "cannot start the virtual printer: \(error)")
            }
            guard let port = server.localAddress?.port else {
                try? await server.close()
                throw StationError(subject, "the virtual printer has no local port")
            }
            return LinePrinter(link: PrinterLink(host: "127.0.0.1", port: port, configuration: configuration), virtual: printer,
                               server: server)
        }
    }

    /// Closes the link (jobs still queued are cancelled) and stops the virtual printer.
    func close() async {
        await link.close()
        await virtual?.finishPrintedLabels()
        try? await server?.close()
    }
}
