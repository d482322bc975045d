import Foundation

/// The in-process C lower bounds from `shared/bench/anchors`: small programs that call
/// libqrencode, libpng and libzbar directly, and a raw TCP client and sink for print jobs.
/// Built here with gcc so they link the same libraries as the station, and run in the same
/// loop as the station's own timings.
struct AnchorProbes {
    let binFolder: String

    /// Compiles the probes from `sourceFolder` into `binFolder`.
    static func build(from sourceFolder: String, into binFolder: String) throws -> AnchorProbes {
        for file in ["qr_png_bench.c", "zbar_bench.c", "tcp_zpl_bench.c", "bench_util.h"] {
            guard FileManager.default.fileExists(atPath: "\(sourceFolder)/\(file)") else {
                throw BenchError("\(sourceFolder): no \(file) here; --anchors must name the folder holding the C probes (shared/bench/anchors)")
            }
        }
        try FileManager.default.createDirectory(atPath: binFolder, withIntermediateDirectories: true)
        let builds = [
            ("qr_png_bench", "libqrencode libpng", ""),
            ("zbar_bench", "zbar libpng", "-ljpeg"),
            ("tcp_zpl_bench", "", ""),
        ]
        for (name, packages, extra) in builds {
            let flags = packages.isEmpty ? "" : "$(pkg-config --cflags --libs \(packages))"
            try run("/bin/sh", ["-c", "gcc -O2 -o '\(binFolder)/\(name)' '\(sourceFolder)/\(name).c' \(flags) \(extra)"])
        }
        return AnchorProbes(binFolder: binFolder)
    }

    /// Microseconds per label for QR encoding alone.
    func qrEncode(labels: Int) throws -> Double {
        try number("per_label_us_median", in: probe("qr_png_bench", ["encode", String(labels), "1", "5", "4"]))
    }

    /// Microseconds per label for QR encoding plus a 1-bit PNG in memory (scale 5, margin 4).
    func qrPNG(labels: Int) throws -> Double {
        try number("per_label_us_median", in: probe("qr_png_bench", ["mem", String(labels), "1", "5", "4"]))
    }

    /// Milliseconds per decode of `file` with only QR enabled: the scan alone, and load plus scan.
    func decode(file: String, iterations: Int) throws -> (scan: Double, total: Double) {
        let result = try probe("zbar_bench", [file, String(iterations), "qr", "10"])
        guard (result["symbols"] as? Int ?? 0) > 0 else { throw BenchError("the C zbar probe found no symbol in \(file)") }
        return (try number("decode_ms_median", in: result), try number("total_ms_median", in: result))
    }

    /// How raw 9100 jobs travel over loopback: one persistent connection (the transport's
    /// ceiling) or a new connection per job (how such jobs are usually sent).
    enum TCPMode: String { case stream, conn }

    /// Microseconds per job of `jobBytes` bytes, C client to C sink on loopback, for `seconds`.
    func tcpJobs(_ mode: TCPMode, jobBytes: Int, seconds: Double) throws -> Double {
        try number("us_per_job", in: probe("tcp_zpl_bench", [mode.rawValue, String(jobBytes), String(seconds), "1"]))
    }

    private func probe(_ name: String, _ arguments: [String]) throws -> [String: Any] {
        let output = try Self.run("\(binFolder)/\(name)", arguments)
        guard let line = output.split(separator: "\n").last,
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { throw BenchError("\(name) printed no JSON line: \(output)") }
        return object
    }

    private func number(_ key: String, in object: [String: Any]) throws -> Double {
        guard let value = object[key] as? Double ?? (object[key] as? Int).map(Double.init) else {
            throw BenchError("probe result has no \(key): \(object)")
        }
        return value
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // The concurrency pool's threads block most signals and a child inherits the mask; the
        // TCP probe stops its sink with SIGTERM, so the child must start with none blocked.
        var none = sigset_t(), saved = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus)): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
