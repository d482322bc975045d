import Foundation

/// Debian's headless Chromium, as `make test` installs it: loads a page as a browser does,
/// scripts and all, and hands back its DOM.
struct HeadlessChromium {
    static let package = "chromium-headless-shell"
    /// Where Debian's packages put it: the headless shell first (smaller), else the full browser.
    static let paths = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "no headless Chromium at \(HeadlessChromium.paths.joined(separator: " or ")): install Debian's \(HeadlessChromium.package) "
                + "(`make deps` does, or `sudo apt-get install --no-install-recommends \(HeadlessChromium.package)`)"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let path: String

    /// The installed browser. Its absence is an error, so the test fails (naming the package)
    /// rather than skips.
    static func installed() throws -> HeadlessChromium {
        guard let path = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw Missing() }
        return HeadlessChromium(path: path)
    }

    /// The DOM of `url` once the page has run `virtualMilliseconds` of its timers. Virtual
    /// time stands still while a fetch is pending, so each poll of the page completes. The
    /// browser is killed if it has not finished after `seconds` of real time.
    func dumpDOM(_ url: String, virtualMilliseconds: Int = 3000, seconds: Int = 120) async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/dom.html"
        guard FileManager.default.createFile(atPath: output, contents: nil) else { throw Failed(description: "cannot create \(output)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        defer { try? handle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // No sandbox: tests run as root in containers, where Chromium's sandbox cannot start.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(folder)/profile",
            "--dump-dom", "--virtual-time-budget=\(virtualMilliseconds)", url,
        ]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        var watchdog: Task<Bool, Never>?
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let pid = process.processIdentifier
            watchdog = Task {
                do { try await Task.sleep(for: .seconds(seconds)) } catch { return false }
                kill(pid, SIGKILL)
                return true
            }
        }
        watchdog?.cancel()
        if await watchdog?.value == true {
            throw Failed(description: "\(path) did not finish with \(url) within \(seconds) seconds; it was killed")
        }
        let dom = try String(contentsOfFile: output, encoding: .utf8)
        guard !dom.isEmpty else { throw Failed(description: "\(path) dumped no DOM for \(url) (exit status \(status))") }
        return dom
    }
}
