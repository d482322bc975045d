import Foundation
import PlatformSim
import Testing

@Suite struct ReceiverStatsTests {
    @Test func statsUseTheDocumentedKeys() throws {
        let json = try JSONEncoder().encode(ReceiverStats(codes: 3, chunks: 2, duplicates: 1))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Int])
        #expect(object["codes"] == 3 && object["chunks"] == 2 && object["duplicates"] == 1)
    }
}
