import Foundation
import PlatformSim
import Testing

@Suite("The receiver's durable store")
struct ReceiverStoreTests {
    @Test("a restarted receiver with the same store knows its keys, receipts and codes")
    func restartKeepsKeysAndCodes() async throws {
        let folder = try ReceiverHarness.temporaryFolder()
        let bodies = try (0..<3).map { try ReceiverHarness.body(ReceiverHarness.chunk(serials: ReceiverHarness.serials(4, prefix: "R\($0)-"))) }
        let receipts = try await ReceiverHarness.with(folder: folder) { harness in
            try await bodies.asyncMap { try #require(try await harness.post($0).json["receipt"] as? String) }
        }
        try await ReceiverHarness.with(folder: folder) { harness in
            #expect(await harness.receiver.stats() == ReceiverStats(codes: 12, chunks: 3))
            for (body, receipt) in zip(bodies, receipts) {
                let answer = try await harness.post(body)
                #expect(answer.json["receipt"] as? String == receipt && answer.json["duplicate"] as? Bool == true)
            }
            let next = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["R9"])))
            #expect(next.json["receipt"] as? String == "ps-000004")
        }
    }

    @Test("a code sent again in a chunk with another key counts once in codes and once in repeated_codes")
    func repeatedCodes() async throws {
        try await ReceiverHarness.with { harness in
            _ = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["T1", "T2", "T3"], part: 1)))
            _ = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["T3", "T4"], part: 2)))
            #expect(await harness.receiver.stats() == ReceiverStats(codes: 4, chunks: 2, repeatedCodes: 1))
        }
    }

    @Test("a last line cut short by a crash was never acknowledged: it is dropped and the store goes on")
    func tornLastLine() async throws {
        let folder = try ReceiverHarness.temporaryFolder()
        let path = try await ReceiverHarness.with(folder: folder) { harness in
            _ = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["U1"])))
            return harness.receiver.storePath
        }
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"body":"{\"schema\":"#.utf8))
        try handle.close()
        try await ReceiverHarness.with(folder: folder) { harness in
            #expect(await harness.receiver.stats() == ReceiverStats(codes: 1, chunks: 1))
            let kept = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(kept == whole)
            let next = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["U2"])))
            #expect(next.status == 200)
        }
        try await ReceiverHarness.with(folder: folder) { harness in
            #expect(await harness.receiver.stats() == ReceiverStats(codes: 2, chunks: 2))
        }
    }

    @Test("a damaged line before the last stops the receiver from starting, naming the file and line")
    func damagedRecord() async throws {
        let folder = try ReceiverHarness.temporaryFolder()
        let path = try await ReceiverHarness.with(folder: folder) { harness in
            for part in 1...2 {
                _ = try await harness.post(try ReceiverHarness.body(ReceiverHarness.chunk(serials: ["W\(part)"], part: part)))
            }
            return harness.receiver.storePath
        }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.replaceSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: 1), with: "#")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await ReceiverHarness.start(folder: folder)
        } throws: { error in
            (error as? PlatformSimError)?.subject == "\(path) line 1"
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self {
            results.append(try await transform(element))
        }
        return results
    }
}
