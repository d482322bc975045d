import Foundation
import StationHTTP
import Testing

@Suite("API error bodies")
struct APIErrorBodyTests {
    @Test("An error body round-trips through JSON and leaves out an absent field")
    func roundTrip() throws {
        let body = APIErrorBody(error: "batch-closed", message: "Batch 7 is closed.")
        let data = try JSONEncoder().encode(body)
        #expect(try JSONDecoder().decode(APIErrorBody.self, from: data) == body)
        #expect(!String(decoding: data, as: UTF8.self).contains("field"))
    }
}
