import Foundation
import Testing
@testable import Reporting

/// The CBV 2.0 event hash against the reference implementation's published examples.
///
/// Source: github.com/RalphTro/epcis-event-hash-generator (MIT licence, © 2019 RalphTro),
/// `tests/examples/documents/epcisDocWithVariousEventTypes.jsonld` (events 1, 2, 4 and 9) and
/// `tests/examples/expected/CBV2.0/epcisDocWithVariousEventTypes.{hashes,prehashes}`.
@Suite("CBV 2.0 event hash")
struct CBVEventHashTests {
    /// The document's own context: `example:` and `cbvmda:` (with its trailing colon).
    static let namespaces = ["example": "https://ns.example.com/epcis/", "cbvmda": "urn:epcglobal:cbv:mda:"]

    static let vectors: [(event: String, hash: String)] = [
        (#"""
        {"type":"ObjectEvent","eventTime":"2019-10-21T11:00:30.000+01:00","eventTimeZoneOffset":"+01:00",
         "epcList":["urn:epc:id:sscc:5200001.0111111146"],"action":"OBSERVE","bizStep":"departing",
         "readPoint":{"id":"urn:epc:id:sgln:5200001.99901.0"},
         "bizTransactionList":[{"type":"desadv","bizTransaction":"urn:epcglobal:cbv:bt:5200001000008:4711"},
                               {"type":"inv","bizTransaction":"urn:epcglobal:cbv:bt:5200001000008:RE1099"}],
         "sourceList":[{"type":"possessing_party","source":"urn:epc:id:pgln:5200001.00000"}],
         "destinationList":[{"type":"possessing_party","destination":"urn:epc:id:pgln:4000001.98765"},
                            {"type":"location","destination":"urn:epc:id:sgln:4012345.00012.0"}]}
        """#, "253f0178f96349eedc207505b49044a602129605cf692e3d9f1f36c8bd1dfb0d"),
        (#"""
        {"type":"ObjectEvent","eventTime":"2019-10-21T12:00:30.000+01:00","eventTimeZoneOffset":"+01:00",
         "epcList":["urn:epc:id:sscc:5200001.0111111146"],"action":"OBSERVE","bizStep":"receiving",
         "readPoint":{"id":"urn:epc:id:sgln:4012345.00012.0"},
         "bizTransactionList":[{"type":"desadv","bizTransaction":"urn:epcglobal:cbv:bt:5200001000008:4711"},
                               {"type":"inv","bizTransaction":"urn:epcglobal:cbv:bt:5200001000008:RE1099"}],
         "sourceList":[{"type":"possessing_party","source":"urn:epc:id:pgln:4000001.00012"},
                       {"type":"owning_party","source":"urn:epc:id:pgln:4000001.00012"}],
         "destinationList":[{"type":"possessing_party","destination":"urn:epc:id:pgln:4012345.00000"},
                            {"type":"owning_party","destination":"urn:epc:id:pgln:4012345.00000"},
                            {"type":"location","destination":"urn:epc:id:sgln:4012345.00012.0"}]}
        """#, "ef43acf0e69951f79739f603f714893784648a41bac3f58035b5830a978a2631"),
        (#"""
        {"type":"ObjectEvent","eventTime":"2019-10-21T14:58:56.000+02:00","eventTimeZoneOffset":"+02:00",
         "quantityList":[{"epcClass":"urn:epc:class:lgtin:4054739.099914.20160711","quantity":600,"uom":"KGM"}],
         "action":"ADD","bizStep":"commissioning","readPoint":{"id":"urn:epc:id:sgln:4054739.00001.0"},
         "ilmd":{"cbvmda:bestBeforeDate":"2019-10-21"}}
        """#, "5f396ea5cb32fe4d0980cb79f5a5eb9640559e9f5a6cefa5c98a7d6ad554b50b"),
        (#"""
        {"type":"TransactionEvent","eventTime":"2019-10-21T00:05:00-06:00","eventTimeZoneOffset":"-06:00",
         "epcList":["urn:epc:id:sgtin:0614141.107340.1","urn:epc:id:sgtin:0614141.107340.2"],
         "action":"ADD","bizStep":"shipping","readPoint":{"id":"urn:epc:id:sgln:4012345.00000.5"},
         "bizLocation":{"id":"urn:epc:id:sgln:4012345.00000.0"},
         "bizTransactionList":[{"type":"po","bizTransaction":"urn:epcglobal:cbv:bt:4012345123456:RE100099"}]}
        """#, "cf6559dc931963f19ed9cd2fe33c02ef64c8cfd557e5a96b086a87db315b7122"),
    ]

    @Test("The reference examples hash to the published event IDs", arguments: vectors.indices)
    func referenceVectors(index: Int) throws {
        let vector = Self.vectors[index]
        let event = try JSONTree.parse(Array(vector.event.utf8), subject: "vector \(index)")
        #expect(CBVEventHash.eventID(of: event, namespaces: Self.namespaces) == "ni:///sha-256;\(vector.hash)?ver=CBV2.0")
    }

    @Test("The commissioning example gives the published pre-hash string")
    func commissioningPreHash() throws {
        let event = try JSONTree.parse(Array(Self.vectors[2].event.utf8), subject: "vector")
        #expect(CBVEventHash.preHash(of: event, namespaces: Self.namespaces)
                == "eventType=ObjectEventeventTime=2019-10-21T12:58:56.000ZeventTimeZoneOffset=+02:00quantityList"
                + "quantityElementepcClass=https://id.gs1.org/01/04054739999148/10/20160711quantity=600uom=KGMaction=ADD"
                + "bizStep=https://ref.gs1.org/cbv/BizStep-commissioningreadPointid=https://id.gs1.org/414/4054739000011"
                + "ilmd{urn:epcglobal:cbv:mda:}bestBeforeDate=2019-10-21")
    }

    @Test("The hash ignores key order, list order, time zone and eventID, and sees every value")
    func invariance() throws {
        let a = try JSONTree.parse(Array(#"""
            {"type":"ObjectEvent","eventTime":"2025-03-01T08:00:00.000+08:00","eventTimeZoneOffset":"+08:00",
             "epcList":["https://id.gs1.org/01/06901234567892/21/A1","https://id.example.com/01/6901234567892/10/L/21/A2"],
             "action":"ADD","bizStep":"commissioning","ilmd":{"cbvmda:lotNumber":"L"}}
            """#.utf8), subject: "a")
        let b = try JSONTree.parse(Array(#"""
            {"ilmd":{"cbvmda:lotNumber":"L"},"eventID":"x","bizStep":"commissioning","action":"ADD",
             "epcList":["https://id.gs1.org/01/06901234567892/21/A2","https://id.gs1.org/01/06901234567892/21/A1"],
             "eventTimeZoneOffset":"+08:00","eventTime":"2025-03-01T00:00:00Z","type":"ObjectEvent"}
            """#.utf8), subject: "b")
        #expect(CBVEventHash.eventID(of: a) == CBVEventHash.eventID(of: b))
        guard case .object(var fields) = b else { return }
        fields["ilmd"] = .object(["cbvmda:lotNumber": .string("M")])
        #expect(CBVEventHash.eventID(of: .object(fields)) != CBVEventHash.eventID(of: b))
    }

    @Test("ISO 8601 times become UTC milliseconds", arguments: [
        ("2019-10-21T00:05:00-06:00", "2019-10-21T06:05:00.000Z"),
        ("2025-03-01T08:00:00.123+08:00", "2025-03-01T00:00:00.123Z"),
        ("2024-02-29T23:59:59.9996Z", "2024-03-01T00:00:00.000Z"),
        ("1999-12-31T23:30:00.000-01:00", "2000-01-01T00:30:00.000Z"),
    ])
    func times(input: String, utc: String) {
        #expect(EPCISTime.utcMilliseconds(input) == utc)
    }

    @Test("Not a time, no conversion", arguments: ["2025-02-30T00:00:00Z", "2025-03-01T08:00:00", "2025-03-01", "2025-03-01T08:00:00+8:00"])
    func notTimes(input: String) {
        #expect(EPCISTime.utcMilliseconds(input) == nil)
    }
}
