import ArgumentParser
import Dispatch
import Foundation
import PlatformSim
import Reporting

/// `tracestation platform-sim`: the reference receiver for `batch report`, for tests and the demo.
struct PlatformSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platform-sim",
        abstract: "Run a reference receiver for batch reports that checks, stores and counts them, with injectable faults.",
        discussion: """
            Routes, over plain HTTP (for loopback; a real platform is HTTPS):
              POST /reports   one signed report chunk: 200, 400, 401, 413 or 422
              GET  /stats     counts as JSON (codes, chunks, duplicates, ...)
              GET  /health    200

            The token and HMAC secret come from --token and --secret, else from the variables the \
            reporting profile names (TRACESTATION_PLATFORM_TOKEN and TRACESTATION_PLATFORM_SECRET \
            by default), as for the station; without them it uses the demo values demo-token and \
            demo-secret and says so on stderr. The profile's field mapping names the fields.

            Faults: --fail-rate answers 503 and --drop-rate closes the connection without an \
            answer; of those, --after-store-share happen after the chunk is stored, so only its \
            acknowledgement is lost and the resend counts as a duplicate.

            Prints one line with the endpoint URL when listening; stops on SIGINT or SIGTERM.
            """
    )

    @Option(help: "TCP port; 0 picks a free one (the printed endpoint says which).")
    var port = PlatformReceiver.defaultPort

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Folder of the store (chunks.jsonl), kept across restarts.")
    var store = PlatformReceiver.defaultStoreFolder

    @Option(help: "Share of requests answered 503, 0 to 1.")
    var failRate = 0.0

    @Option(help: "Share of requests whose connection is closed without an answer, 0 to 1.")
    var dropRate = 0.0

    @Option(help: "Of the injected failures, the share that come after the chunk is stored, 0 to 1.")
    var afterStoreShare = 0.5

    @Option(name: .customLong("latency-ms"), help: "Delay before each request is handled, in milliseconds.")
    var latency = 0

    @Option(help: "Seed of the fault draws, to repeat a run; random when not given.")
    var seed: UInt64?

    @Option(help: "Refuse larger request bodies with 413.")
    var maxBodyBytes = 16 << 20

    @Option(help: ArgumentHelp("Reporting profile: its platform.field_mapping names the fields of the bodies; "
                               + "default config/reporting.yaml, else the station's own names.", valueName: "FILE"))
    var profile: String?

    @Option(help: "Bearer token; default: the variable the profile's token_env names (TRACESTATION_PLATFORM_TOKEN), else the demo token.")
    var token: String?

    @Option(help: "HMAC secret; default: the variable the profile's secret_env names (TRACESTATION_PLATFORM_SECRET), else the demo secret.")
    var secret: String?

    func run() async throws {
        let termination = TerminationSignals()
        // The same profile and variables as the station's, so both sides agree without flags.
        let platform = try ReportingProfile.load(path: profile).platform
        let environment = ProcessInfo.processInfo.environment
        let token = token ?? environment[platform.tokenVariable]
        let secret = secret ?? environment[platform.secretVariable]
        let missing = [token == nil ? "token" : nil, secret == nil ? "secret" : nil].compactMap { $0 }
        if !missing.isEmpty {
            FileHandle.standardError.write(Data(("warning: using the demo \(missing.joined(separator: " and ")); set "
                + "\(platform.tokenVariable) and \(platform.secretVariable) for anything but a demo\n").utf8))
        }
        let faults = ReceiverFaults(failRate: failRate, dropRate: dropRate, latencyMilliseconds: latency, afterStoreShare: afterStoreShare)
        let receiver = try await PlatformReceiver.start(.init(
            host: host, port: port, storeFolder: store, token: token ?? PlatformReceiver.demoToken,
            secret: Array((secret ?? PlatformReceiver.demoSecret).utf8), faults: faults,
            seed: seed ?? UInt64.random(in: .min ... .max), maximumBodyBytes: maxBodyBytes, mapping: platform.fieldMapping))
        // Written unbuffered: scripts wait for this line before they send.
        FileHandle.standardOutput.write(Data("platform-sim on \(receiver.endpoint.absoluteString) with the store in \(store)\n".utf8))
        await termination.wait()
        await receiver.stop()
    }
}

/// SIGINT and SIGTERM, caught from creation on, so that they stop the receiver instead of the process.
private struct TerminationSignals {
    private let sources: [any DispatchSourceSignal]
    private let signals: AsyncStream<Void>

    init() {
        let (signals, continuation) = AsyncStream<Void>.makeStream()
        self.signals = signals
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
    }

    func wait() async {
        var iterator = signals.makeAsyncIterator()
        await iterator.next()
        sources.forEach { $0.cancel() }
    }
}
