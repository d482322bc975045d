import Foundation
import PropertyBased
@testable import Reporting
import Testing
import TraceCodes

@Suite("Delivery policy and outcomes")
struct DeliveryPolicyTests {
    @Test("Backoff waits are whole milliseconds between zero and a bound that doubles per failure up to the maximum")
    func backoffStaysUnderItsBound() async {
        await propertyCheck(input: Gen.int(in: 1...50), Gen.int(in: 1...2_000), Gen.int(in: 0...Int.max)) { failures, initial, seed in
            let policy = DeliveryPolicy(initialBackoff: .milliseconds(initial), maximumBackoff: .seconds(30))
            let ceiling = policy.backoffCeiling(afterFailures: failures)
            let doubled = Double(initial) * pow(2, Double(failures - 1))
            #expect(ceiling == .milliseconds(Int64(min(doubled, 30_000))))
            var random = SplitMix64(seed: UInt64(seed))
            let wait = policy.backoff(afterFailures: failures, using: &random)
            #expect(wait >= .zero && wait <= ceiling)
        }
    }

    @Test("Full jitter spreads the waits over the whole range, not near its bound")
    func jitterSpreads() {
        let policy = DeliveryPolicy(initialBackoff: .milliseconds(100), maximumBackoff: .seconds(10))
        var random = SplitMix64(seed: 11)
        let waits = (0..<2000).map { _ in policy.backoff(afterFailures: 4, using: &random) }
        #expect(waits.min()! < .milliseconds(40))
        #expect(waits.max()! > .milliseconds(760))
    }

    @Test("2xx acknowledges with the receipt; 5xx, 408, 425 and 429 retry; other statuses refuse with the platform's reason")
    func outcomes() async {
        await propertyCheck(input: Gen.int(in: 100...599)) { status in
            let answer = Array(#"{"receipt":"R-9","duplicate":true,"codes":3,"error":"producer.uscc: check character"}"#.utf8)
            let outcome = PlatformClient.outcome(status: status, answer: answer)
            switch status {
            case 200..<300: #expect(outcome == .acknowledged(receipt: "R-9", duplicate: true))
            case 408, 425, 429, 500...: #expect(outcome == .retryLater(reason: "HTTP \(status): producer.uscc: check character"))
            default: #expect(outcome == .rejected(status: status, reason: "HTTP \(status): producer.uscc: check character"))
            }
        }
        #expect(PlatformClient.outcome(status: 401, answer: Array("bad signature\n".utf8)) == .rejected(status: 401, reason: "HTTP 401: bad signature"))
    }

    @Test("Credentials come from the profile's variables; only a loopback endpoint falls back to the demo values")
    func credentials() throws {
        let platform = ReportingProfile.Platform()
        let set = ["TRACESTATION_PLATFORM_TOKEN": "t0k", "TRACESTATION_PLATFORM_SECRET": "s3cret"]
        let found = try PlatformCredentials.fromEnvironment(set, platform: platform, endpoint: "https://platform.example/reports")
        #expect(found.credentials == PlatformCredentials(token: "t0k", secret: Array("s3cret".utf8)))
        #expect(found.warning == nil)

        let local = try PlatformCredentials.fromEnvironment([:], platform: platform, endpoint: "http://127.0.0.1:8790/reports")
        #expect(local.credentials == .demo)
        #expect(local.warning?.contains("TRACESTATION_PLATFORM_TOKEN") == true)

        let error = #expect(throws: ReportingError.self) {
            try PlatformCredentials.fromEnvironment(["TRACESTATION_PLATFORM_TOKEN": "t0k"], platform: platform, endpoint: "https://platform.example/reports")
        }
        #expect(error?.rule == .missingSecret(variable: "TRACESTATION_PLATFORM_SECRET"))
        #expect(PlatformCredentials.isLoopback("http://localhost:8790/reports") && PlatformCredentials.isLoopback("http://[::1]:1/r"))
        #expect(!PlatformCredentials.isLoopback("http://127.example.com/reports"))
    }

    @Test("The signature covers the endpoint's path as sent")
    func signedPath() {
        #expect(PlatformClient.signedPath(of: "http://127.0.0.1:8790/reports") == "/reports")
        #expect(PlatformClient.signedPath(of: "https://platform.example") == "/")
        #expect(PlatformClient.signedPath(of: "https://platform.example/api/v1/trace%20reports?x=1") == "/api/v1/trace%20reports")
    }
}

