import Foundation
import Imaging
import NIOCore
import NIOPosix
import Printing
import VirtualPrinter
import ZPL

/// Print jobs through `PrinterLink` to an in-process virtual printer on loopback, render off:
/// the station's whole print path (queue, send, odometer proof, events) minus the drawing.
struct LoopbackPrintWorkload {
    /// The C transport probe's job size, so the two move the same bytes per job.
    static let jobBytes = 2048
    let printer: VirtualPrinter
    let server: Channel
    let formats: [[UInt8]]
    let linkConfiguration: PrinterLink.Configuration

    /// `formats` are sent in turn, padded to `jobBytes` unless `padded` is false, on links
    /// configured as `link`.
    init(formats: [[UInt8]], padded: Bool = true, link: PrinterLink.Configuration = PrinterLink.Configuration()) async throws {
        self.formats = padded ? try formats.map(Self.padded) : formats
        linkConfiguration = link
        printer = VirtualPrinter(configuration: .init(renders: false), fonts: try PrinterFonts.installed())
        server = try await PrinterServer.start(printer: printer, port: 0)
    }

    /// Microseconds per job for `count` jobs on a new link, from the first submit until every
    /// job is proven printed by the odometer; fails unless every one was.
    func run(jobs count: Int) async throws -> Double {
        let before = await printer.odometer
        let clock = ContinuousClock()
        let start = clock.now
        let link = PrinterLink(host: "127.0.0.1", port: server.localAddress!.port!, configuration: linkConfiguration, group: linkLoop)
        // The station must consume the events; counting them is part of the path timed.
        let printed = Task {
            var printed = 0
            for await case let .jobs(updates) in link.events {
                printed += updates.count { $0.state == .printed }
            }
            return printed
        }
        for index in 0..<count { await link.submit(formats[index % formats.count]) }
        await link.waitUntilIdle()
        let elapsed = clock.now - start
        await link.close()
        let confirmed = await printed.value
        let odometer = await printer.odometer
        guard confirmed == count, odometer - before == count else {
            throw BenchError("loopback printing confirmed \(confirmed) of \(count) jobs; the odometer moved \(odometer - before)")
        }
        return elapsed.microseconds / Double(count)
    }

    func stop() async throws { try await server.close() }

    /// A loop of the shared group other than the printer's, when there is one: the station and
    /// a real printer do not share a thread, and on one thread the two would take turns.
    private var linkLoop: EventLoop {
        let loops = MultiThreadedEventLoopGroup.singleton.makeIterator()
        return loops.first { $0 !== printer.eventLoop } ?? printer.eventLoop
    }

    /// The format with a `^FX` comment before `^XZ`, to `jobBytes` in all.
    private static func padded(_ format: [UInt8]) throws -> [UInt8] {
        let end = Array("^XZ".utf8)
        guard format.count + 3 < jobBytes, format.suffix(end.count).elementsEqual(end) else {
            throw BenchError("a bench print job does not fit in \(jobBytes) bytes or does not end in ^XZ")
        }
        let filler = Array("^FX".utf8) + Array(repeating: UInt8(ascii: "."), count: jobBytes - format.count - 3)
        return format.dropLast(end.count) + filler + end
    }
}

/// The virtual printer drawing product labels, as it does for every format it prints.
struct PrinterRenderWorkload {
    let renderer: FormatRenderer
    let scripts: [ZPLScript]

    init(formats: [[UInt8]]) throws {
        var parser = ZPLStreamParser()
        var scripts: [ZPLScript] = []
        for format in formats {
            for case let .format(script) in parser.feed(format) { scripts.append(script) }
        }
        self.scripts = scripts
        guard scripts.count == formats.count else { throw BenchError("a bench label did not parse as one ZPL format") }
        renderer = FormatRenderer(dotsPerMillimetre: 8, fonts: try PrinterFonts.installed())
    }

    /// Dots in the label number `index`, drawn.
    func render(_ index: Int) throws -> Int {
        var memory = PrinterMemory()
        guard let format = renderer.render(scripts[index % scripts.count], memory: &memory) else {
            throw BenchError("the virtual printer drew nothing for the product label")
        }
        return format.bitmap.width * format.bitmap.height
    }
}
