import Testing
@testable import Ledger

@Suite("Event hash chain encoding")
struct EventHashTests {
    @Test("The hash of an event matches the documented encoding computed independently")
    func knownVector() {
        // SHA-256(32 zero bytes ‖ "TSEV1" ‖ length-prefixed fields), computed with Python's hashlib.
        let hash = EventHash.hash(previous: EventHash.genesis, seq: 1, time: 1_700_000_000_000, station: "line-1", batch: 7,
                                  code: "https://id.gs1.org/01/06901234567892/10/B1/21/ABC", kind: "issued", details: "{}")
        #expect(hash.hex == "41e35b4518afb30d3772037bbca1be069522f47cd7b6d60b59be87079cd923bd")
    }

    @Test("Moving bytes between fields changes the hash")
    func fieldsAreUnambiguous() {
        let first = EventHash.hash(previous: EventHash.genesis, seq: 1, time: 2, station: "ab", batch: nil, code: "c", kind: "k", details: "{}")
        let second = EventHash.hash(previous: EventHash.genesis, seq: 1, time: 2, station: "a", batch: nil, code: "bc", kind: "k", details: "{}")
        #expect(first != second)
    }

    @Test("Details JSON has sorted keys and escapes only what JSON requires")
    func canonicalJSON() {
        let text = CanonicalJSON.text(["b": .integer(2), "a": .string("x\"y\n批号"), "c": .bool(true)])
        #expect(text == #"{"a":"x\"y\n批号","b":2,"c":true}"#)
    }
}
