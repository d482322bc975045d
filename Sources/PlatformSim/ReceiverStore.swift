import Foundation

/// What the receiver has accepted, kept durably: one JSON line per accepted chunk in
/// `chunks.jsonl`, appended and fsynced before the chunk is acknowledged. Opening a store
/// reads the file back, so a restarted receiver knows every key and code it has taken.
///
/// Writes are synchronous inside the actor, so checking a key and storing its chunk cannot
/// interleave with another request for the same key.
actor ReceiverStore {
    static let fileName = "chunks.jsonl"

    /// One accepted chunk as stored; `body` is exactly what was received.
    struct Record: Codable, Sendable {
        var key: String
        var receipt: String
        var receivedAt: String
        var codes: [String]
        var voids: [String]
        var body: String

        enum CodingKeys: String, CodingKey {
            case key, receipt, codes, voids, body
            case receivedAt = "received_at"
        }
    }

    struct Acknowledgement: Sendable, Equatable {
        var receipt: String
        var codes: Int
    }

    /// Everything the stored chunks hold that answers and stats need.
    struct Accepted {
        var acknowledgements: [String: Acknowledgement] = [:]
        var codes: Set<String> = []
        var voids: Set<String> = []
        var repeatedCodes = 0

        mutating func remember(_ record: Record) {
            acknowledgements[record.key] = Acknowledgement(receipt: record.receipt, codes: record.codes.count)
            for code in record.codes where !codes.insert(code).inserted {
                repeatedCodes += 1
            }
            voids.formUnion(record.voids)
        }
    }

    let path: String
    private let handle: FileHandle
    private var accepted = Accepted()
    private var duplicates = 0
    private var rejected = 0
    private var injectedFaults = 0

    /// Opens the store in `folder`, creating it when missing. A last line cut short by a crash
    /// was never acknowledged, so it is dropped; any other unreadable line stops the receiver.
    init(folder: String) throws(PlatformSimError) {
        path = URL(fileURLWithPath: folder).appendingPathComponent(Self.fileName).path
        let contents: Data
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw PlatformSimError(path, .storage("cannot create the file"))
                }
                try Self.synchronizeFolder(folder)
            }
            contents = try Data(contentsOf: URL(fileURLWithPath: path))
            handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        } catch let error as PlatformSimError {
            throw error
        } catch {
            throw PlatformSimError(folder, .storage("\(error)"))
        }
        let records = try Self.records(in: contents, path: path)
        do {
            if records.validLength < contents.count {
                try handle.truncate(atOffset: UInt64(records.validLength))
                try handle.synchronize()
            }
            try handle.seekToEnd()
        } catch {
            throw PlatformSimError(path, .storage("\(error)"))
        }
        for record in records.records {
            accepted.remember(record)
        }
    }

    /// The acknowledgement given for `key`, if its chunk was accepted before.
    func acknowledgement(forKey key: String) -> Acknowledgement? {
        accepted.acknowledgements[key]
    }

    /// Counts a request with an accepted key: answered again, not stored again.
    func noteDuplicate() {
        duplicates += 1
    }

    func noteRejected() {
        rejected += 1
    }

    func noteInjectedFault() {
        injectedFaults += 1
    }

    /// Stores an accepted chunk and returns its acknowledgement; a key stored before keeps its
    /// first acknowledgement and counts as a duplicate.
    func store(key: String, codes chunkCodes: [String], voids chunkVoids: [String], body: [UInt8],
               receivedAt: String) throws(PlatformSimError) -> (acknowledgement: Acknowledgement, duplicate: Bool) {
        if let earlier = accepted.acknowledgements[key] {
            duplicates += 1
            return (earlier, true)
        }
        let record = Record(key: key, receipt: Self.receipt(number: accepted.acknowledgements.count + 1), receivedAt: receivedAt,
                            codes: chunkCodes, voids: chunkVoids, body: String(decoding: body, as: UTF8.self))
        let end = (try? handle.offset()) ?? 0
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var line = try encoder.encode(record)
            line.append(UInt8(ascii: "\n"))
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch {
            // Cut off what part of the line was written, so the next record starts on a line of its own.
            try? handle.truncate(atOffset: end)
            throw PlatformSimError(path, .storage("\(error)"))
        }
        accepted.remember(record)
        return (accepted.acknowledgements[key]!, false)
    }

    func stats() -> ReceiverStats {
        ReceiverStats(codes: accepted.codes.count, chunks: accepted.acknowledgements.count, duplicates: duplicates, rejected: rejected,
                      injectedFaults: injectedFaults, repeatedCodes: accepted.repeatedCodes, voids: accepted.voids.count)
    }

    func close() {
        try? handle.close()
    }

    /// `ps-000001`, numbered in the order chunks were accepted.
    private static func receipt(number: Int) -> String {
        let digits = String(number)
        return "ps-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The records in `contents` and the length of the part that holds only whole, readable lines.
    private static func records(in contents: Data, path: String) throws(PlatformSimError) -> (records: [Record], validLength: Int) {
        var records: [Record] = []
        var start = contents.startIndex
        var lineNumber = 0
        let decoder = JSONDecoder()
        while start < contents.endIndex {
            lineNumber += 1
            let newline = contents[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? contents.endIndex
            let record = try? decoder.decode(Record.self, from: contents[start..<end])
            guard let record, newline != nil else {
                // Only the last line may be torn: it was being written when the receiver stopped.
                if newline == nil || contents[(end + 1)...].isEmpty {
                    return (records, start - contents.startIndex)
                }
                throw PlatformSimError("\(path) line \(lineNumber)", .damagedRecord("not a stored chunk"))
            }
            records.append(record)
            start = end + 1
        }
        return (records, contents.count)
    }

    /// Makes a new file's directory entry durable, not only its contents.
    private static func synchronizeFolder(_ folder: String) throws {
        guard let directory = FileHandle(forReadingAtPath: folder) else {
            throw PlatformSimError(folder, .storage("cannot open the folder to sync it"))
        }
        defer { try? directory.close() }
        try directory.synchronize()
    }
}
