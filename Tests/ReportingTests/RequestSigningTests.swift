import Foundation
import Reporting
import Testing

@Suite struct RequestSigningTests {
    let secret = Array("shared-secret".utf8)
    let body = Array(#"{"schema":"tracestation.report/1"}"#.utf8)

    @Test func aSignatureChecksItsOwnRequest() {
        let key = RequestSigning.idempotencyKey(body: body)
        let signature = RequestSigning.signature(secret: secret, method: "POST", path: "/reports", timestampMilliseconds: 1,
                                                 idempotencyKey: key, body: body)
        #expect(signature.hasPrefix("v1="))
        #expect(RequestSigning.isValid(signature: signature, secret: secret, method: "POST", path: "/reports",
                                       timestampMilliseconds: 1, idempotencyKey: key, body: body))
    }

    @Test func anyChangedByteOrFieldIsRefused() {
        let key = RequestSigning.idempotencyKey(body: body)
        let signature = RequestSigning.signature(secret: secret, method: "POST", path: "/reports", timestampMilliseconds: 1,
                                                 idempotencyKey: key, body: body)
        for index in body.indices {
            var tampered = body
            tampered[index] ^= 0x01
            #expect(!RequestSigning.isValid(signature: signature, secret: secret, method: "POST", path: "/reports",
                                            timestampMilliseconds: 1, idempotencyKey: key, body: tampered))
        }
        #expect(!RequestSigning.isValid(signature: signature, secret: secret, method: "POST", path: "/reports",
                                        timestampMilliseconds: 2, idempotencyKey: key, body: body))
        #expect(!RequestSigning.isValid(signature: signature, secret: Array("other".utf8), method: "POST", path: "/reports",
                                        timestampMilliseconds: 1, idempotencyKey: key, body: body))
        #expect(!RequestSigning.isValid(signature: signature, secret: secret, method: "POST", path: "/other",
                                        timestampMilliseconds: 1, idempotencyKey: key, body: body))
    }

    @Test func theIdempotencyKeyIsTheBodysHash() {
        #expect(RequestSigning.idempotencyKey(body: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
