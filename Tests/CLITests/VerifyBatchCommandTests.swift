import Foundation
import Imaging
import Symbology
import Testing

/// `verify --batch` against a real ledger file, driven only through the command line.
@Suite("tracestation verify --batch")
struct VerifyBatchCommandTests {
    /// A ledger in a fresh folder, with the commands a test needs.
    struct Station {
        let folder: String
        var db: String { folder + "/station.sqlite" }

        init() throws {
            folder = try CommandRunner.temporaryFolder()
        }

        /// Runs a ledger command on this station's database, expecting it to succeed.
        @discardableResult
        func run(_ arguments: String...) throws -> CommandRunner.Result {
            try run(arguments)
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> CommandRunner.Result {
            let result = try CommandRunner.run(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }

        func createBatch(lot: String) throws -> String {
            try run("batch", "create", "--gtin", "06901234567892", "--lot", lot, "--quantity", "10", "--date", "250301").lines[0]
        }

        func issue(_ batch: String, count: Int) throws -> [String] {
            try run("batch", "issue", batch, "--count", String(count)).lines
        }

        func record(_ batch: String, _ event: String, _ codes: [String], reason: String? = nil) throws {
            guard !codes.isEmpty else { return }
            let file = folder + "/codes-\(UUID().uuidString).txt"
            try Data(codes.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
            try run(["batch", "record", batch, "--event", event, "--codes", file] + (reason.map { ["--reason", $0] } ?? []))
        }

        /// A label image of `data` in `symbology`, written by `tracestation encode`.
        func label(_ name: String, _ data: String, symbology: String = "qr") throws -> String {
            let path = "\(folder)/\(name)"
            let result = try CommandRunner.run("encode", "--symbology", symbology, "--data", data, "--out", path)
            #expect(result.status == 0, "\(result.stderr)")
            return path
        }

        func reconcile(_ batch: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(run("batch", "reconcile", batch, "--json").stdout.utf8)) as! [String: Any]
        }
    }

    /// The element string of a code issued with production date 250301, its date first,
    /// where the Digital Link carries it last.
    static func elementString(of link: String) -> String {
        let path = link.prefix { $0 != "?" }.split(separator: "/")
        return "(01)\(path[path.count - 5])(11)250301(10)\(path[path.count - 3])(21)\(path[path.count - 1])"
    }

    /// A time budget no load can use up, so that whether a wrong read is confirmed depends on
    /// the image alone, not on how busy the machine running the tests is.
    static let unhurried = ["--budget-ms", "60000"]

    static func objects(_ result: CommandRunner.Result) throws -> [[String: Any]] {
        try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("printed and unprinted labels pass and are recorded; a second image is a duplicate; wrong names another batch or a void")
    func verdictsAndRecords() throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let batch = try station.createBatch(lot: "B1")
        let other = try station.createBatch(lot: "B2")
        let codes = try station.issue(batch, count: 4)
        let foreign = try station.issue(other, count: 1)[0]
        try station.record(batch, "printed", Array(codes[0...1]))
        try station.record(batch, "voided", [codes[3]], reason: "scrapped")

        let first = try station.label("a.png", codes[0])
        let images = [
            first,
            try station.label("b.png", Self.elementString(of: codes[1]), symbology: "gs1-128"),
            try station.label("c.png", codes[2]),
            first,
            try station.label("other.png", foreign),
            try station.label("voided.png", codes[3]),
        ]
        let blank = station.folder + "/blank.pgm"
        try Data("P5\n200 200\n255\n".utf8 + [UInt8](repeating: 240, count: 200 * 200)).write(to: URL(fileURLWithPath: blank))
        let corrupt = station.folder + "/corrupt.png"
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: corrupt))

        let result = try CommandRunner.run(["verify", "--json", "--batch", batch, "--db", station.db, "--station", "camera-1"]
            + Self.unhurried + images + [blank, corrupt])
        #expect(result.status == 1)
        let lines = try Self.objects(result)
        #expect(lines.map { $0["status"] as? String } == ["pass", "pass", "pass", "duplicate", "wrong", "wrong", "unreadable", "error"])
        #expect(lines[0]["recorded"] as? [String] == ["verified-pass"])
        #expect(lines[1]["expected"] as? String == codes[1])
        #expect(lines[2]["recorded"] as? [String] == ["printed", "verified-pass"])
        #expect(lines[3]["reason"] as? String == "verified-pass" && lines[3]["recorded"] == nil)
        #expect(lines[4]["reason"] as? String == "other-batch" && lines[4]["batch"] as? Int == Int(other))
        #expect(lines[5]["reason"] as? String == "voided")

        let counts = try station.reconcile(batch)
        #expect(counts["verified_pass"] as? Int == 3)
        #expect(counts["printed_confirmed"] as? Int == 0 && counts["unused"] as? Int == 0 && counts["voided"] as? Int == 1)
        #expect(try station.reconcile(other)["verified_pass"] as? Int == 0)
        #expect(try station.run("audit", "verify").stdout.hasPrefix("Ledger intact"))
    }

    @Test("text lines name the reason, batch and events; a minimum grade no clean label can meet is refused as a letter")
    func textAndOptions() throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let batch = try station.createBatch(lot: "B1")
        let code = try station.issue(batch, count: 1)[0]
        try station.record(batch, "printed", [code])
        let image = try station.label("a.png", code)

        let passed = try CommandRunner.run("verify", "--batch", batch, "--db", station.db, "--min-grade", "b", image)
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(passed.lines == ["\(image): pass \(code) [batch \(batch); recorded verified-pass] (grade A 4.0, estimated, not ISO-certified)"])
        let again = try CommandRunner.run("verify", "--batch", batch, "--db", station.db, image)
        #expect(again.lines == ["\(image): duplicate \(code) [verified-pass; batch \(batch)]"])

        let letter = try CommandRunner.run("verify", "--batch", batch, "--db", station.db, "--min-grade", "E", image)
        #expect(letter.status != 0 && letter.stderr.contains("--min-grade E: give A, B, C or D"))
        let both = try CommandRunner.run("verify", "--batch", batch, "--db", station.db, "--expect", code, image)
        #expect(both.status != 0 && both.stderr.contains("without --expect"))
    }

    @Test("an unknown or closed batch, or a missing ledger file, is refused before any image is read, and no ledger is created")
    func refusals() throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let batch = try station.createBatch(lot: "B1")
        let image = try station.label("a.png", "TS-0001")
        let unknown = try CommandRunner.run("verify", "--batch", "9", "--db", station.db, image)
        #expect(unknown.status == 1 && unknown.stdout.isEmpty && unknown.stderr.contains("no such batch"))
        let key = station.folder + "/station.key"
        _ = try CommandRunner.run("audit", "keygen", "--out", key)
        try station.run("batch", "close", batch, "--signing-key", key)
        let closed = try CommandRunner.run("verify", "--batch", batch, "--db", station.db, image)
        #expect(closed.status == 1 && closed.stdout.isEmpty && closed.stderr.contains("batch \(batch): the batch is closed"))
        let missing = station.folder + "/elsewhere/station.sqlite"
        let none = try CommandRunner.run("verify", "--batch", "1", "--db", missing, image)
        #expect(none.status != 0 && none.stderr.contains("no ledger there"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("a watched folder's labels are verified against the batch, recorded, and moved to done or failed")
    func watch() throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let batch = try station.createBatch(lot: "B1")
        let codes = try station.issue(batch, count: 2)
        try station.record(batch, "printed", codes)
        let camera = station.folder + "/camera"
        try FileManager.default.createDirectory(atPath: camera, withIntermediateDirectories: true)
        let first = try station.label("camera/a.png", codes[0])
        _ = try station.label("camera/b.png", Self.elementString(of: codes[1]), symbology: "gs1-128")
        try FileManager.default.copyItem(atPath: first, toPath: camera + "/c.png")

        let result = try CommandRunner.run("verify", "--watch", camera, "--idle-exit-ms", "600", "--json", "--batch", batch, "--db", station.db)
        #expect(result.status == 0, "\(result.stderr)")
        let statuses = try Self.objects(result).map { "\($0["file"] as! String): \($0["status"] as! String)" }
        #expect(statuses == ["\(camera)/a.png: pass", "\(camera)/b.png: pass", "\(camera)/c.png: duplicate"])
        for name in ["done/a.png", "done/b.png", "failed/c.png"] {
            #expect(FileManager.default.fileExists(atPath: "\(camera)/\(name)"), "\(name)")
        }
        #expect(try station.reconcile(batch)["verified_pass"] as? Int == 2)
    }

    @Test("frames on standard input are verified against the batch and recorded, one line each as it is read")
    func stream() throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let batch = try station.createBatch(lot: "B1")
        let codes = try station.issue(batch, count: 2)
        try station.record(batch, "printed", codes)
        // A camera's frames, back to back: both labels, then the first again.
        let frames = try [codes[0], codes[1], codes[0]].flatMap { code in
            PNM.encode(try Symbol.render(.qr, text: code, options: RenderOptions(moduleSize: 4)))
        }
        let result = try CommandRunner.run(["verify", "--stream", "-", "--json", "--batch", batch, "--db", station.db] + Self.unhurried,
                                           input: Data(frames))
        // As with --watch, a stream's verdicts are its lines; the run itself succeeded.
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.objects(result)
        #expect(lines.map { $0["status"] as? String } == ["pass", "pass", "duplicate"])
        #expect(lines.compactMap { $0["recorded"] as? [String] } == [["verified-pass"], ["verified-pass"]])
        #expect(try station.reconcile(batch)["verified_pass"] as? Int == 2)
    }

    @Test("ledger options without --batch are refused, naming the option, rather than ignored", arguments: [
        ["--db", "x.sqlite"], ["--station", "camera-1"], ["--busy-timeout", "2"],
    ])
    func ledgerOptionsNeedBatch(_ options: [String]) throws {
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let image = try station.label("a.png", "TS-0001")
        let result = try CommandRunner.run(["verify", image, "--expect", "TS-0001"] + options)
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.contains("\(options[0]) names where verdicts are recorded, which only --batch does"))
    }

    /// Random subsets of a batch's codes printed, voided and photographed (some twice, in
    /// random order): each image's verdict and the ledger's counts follow from the model.
    @Test("verdicts and counts follow the printed, voided and photographed subsets", arguments: [1, 2, 3, 4] as [UInt64])
    func randomSubsets(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let station = try Station()
        defer { try? FileManager.default.removeItem(atPath: station.folder) }
        let batch = try station.createBatch(lot: "B1")
        let codes = try station.issue(batch, count: 6)
        let printed = codes.filter { _ in Bool.random(using: &random) }
        let voided = codes.filter { !printed.contains($0) && Int.random(in: 0..<3, using: &random) == 0 }
        try station.record(batch, "printed", printed)
        try station.record(batch, "voided", voided, reason: "scrapped")
        var shots: [String] = []
        for (index, code) in codes.enumerated() {
            let copies = Int.random(in: 0...2, using: &random)
            guard copies > 0 else { continue }
            // Half the labels carry the Digital Link, half the element string in a GS1 QR.
            let link = Bool.random(using: &random)
            let image = try station.label("\(index).png", link ? code : Self.elementString(of: code), symbology: link ? "qr" : "gs1-qr")
            shots += Array(repeating: image, count: copies)
        }
        shots.shuffle(using: &random)
        guard !shots.isEmpty else { return }

        let result = try CommandRunner.run(["verify", "--json", "--batch", batch, "--db", station.db] + Self.unhurried + shots)
        var verified: Set<String> = []
        let expected = shots.map { shot -> String in
            let code = codes[Int(URL(fileURLWithPath: shot).deletingPathExtension().lastPathComponent)!]
            if voided.contains(code) { return "wrong voided" }
            return verified.insert(code).inserted ? "pass" : "duplicate verified-pass"
        }
        let actual = try Self.objects(result).map { [$0["status"] as? String, $0["reason"] as? String].compactMap { $0 }.joined(separator: " ") }
        #expect(actual == expected, "seed \(seed)")
        let counts = try station.reconcile(batch)
        #expect(counts["verified_pass"] as? Int == verified.count, "seed \(seed)")
        #expect(counts["voided"] as? Int == voided.count, "seed \(seed)")
        #expect(counts["printed_confirmed"] as? Int == printed.filter { !verified.contains($0) }.count, "seed \(seed)")
        #expect(counts["unused"] as? Int == codes.filter { !printed.contains($0) && !voided.contains($0) && !verified.contains($0) }.count)
    }
}

/// A small seeded generator, so a failing subset can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
