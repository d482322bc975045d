import Foundation

/// The bearer token and the HMAC secret agreed with the platform. Read from the environment
/// only, never from a file in the repository.
public struct PlatformCredentials: Sendable, Hashable {
    /// The reference receiver's and the demo's values, used only for a loopback endpoint.
    public static let demo = PlatformCredentials(token: "demo-token", secret: Array("demo-secret".utf8))

    public let token: String
    public let secret: [UInt8]

    public init(token: String, secret: [UInt8]) {
        self.token = token
        self.secret = secret
    }

    /// The credentials for `endpoint` from the variables the profile names. For a loopback
    /// endpoint (the reference receiver) a missing variable falls back to the demo value, and
    /// `warning` says so; for any other endpoint it is an error.
    public static func fromEnvironment(_ environment: [String: String], platform: ReportingProfile.Platform, endpoint: String)
        throws(ReportingError) -> (credentials: PlatformCredentials, warning: String?) {
        let token = environment[platform.tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment[platform.secretVariable].flatMap { $0.isEmpty ? nil : $0 }
        if let token, let secret { return (PlatformCredentials(token: token, secret: Array(secret.utf8)), nil) }
        let missing = token == nil ? platform.tokenVariable : platform.secretVariable
        guard isLoopback(endpoint) else { throw ReportingError("endpoint \(endpoint)", .missingSecret(variable: missing)) }
        let credentials = PlatformCredentials(token: token ?? demo.token, secret: secret.map { Array($0.utf8) } ?? demo.secret)
        return (credentials, "\(missing) is not set; using the demo credentials, which only the local reference receiver accepts")
    }

    /// Whether `url` names this machine: localhost, 127.0.0.0/8 or ::1.
    public static func isLoopback(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        let isIPv4Loopback = octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
        return host == "localhost" || host == "::1" || host == "[::1]" || isIPv4Loopback
    }
}
