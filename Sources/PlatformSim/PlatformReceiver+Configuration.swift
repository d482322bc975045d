import Reporting

extension PlatformReceiver {
    public static let defaultPort = 8790
    public static let defaultStoreFolder = "./data/platform-sim"
    /// For the simulator and the demo only; a real platform issues its own.
    public static let demoToken = "demo-token"
    public static let demoSecret = "demo-secret"
    public static let reportsPath = "/reports"

    public struct Configuration: Sendable {
        /// Address to listen on; loopback unless the receiver must be reached from elsewhere.
        public var host: String
        /// 0 picks a free port; `PlatformReceiver.port` tells which.
        public var port: Int
        /// Folder of the durable store; created when missing.
        public var storeFolder: String
        /// The bearer token every request must carry.
        public var token: String
        /// The HMAC-SHA256 key of the request signatures.
        public var secret: [UInt8]
        public var faults: ReceiverFaults
        /// Seeds the fault draws, so a run with the same requests in the same order fails the same way.
        public var seed: UInt64
        /// Larger bodies are refused with 413.
        public var maximumBodyBytes: Int
        /// The field names bodies arrive in: the station's own (`.identity`) or those of the
        /// reporting profile's `platform.field_mapping`.
        public var mapping: FieldMapping
        /// Logs warnings only, without the start-up line: for a receiver inside another command.
        public var quiet = false

        public init(host: String = "127.0.0.1", port: Int = PlatformReceiver.defaultPort,
                    storeFolder: String = PlatformReceiver.defaultStoreFolder, token: String = PlatformReceiver.demoToken,
                    secret: [UInt8] = Array(PlatformReceiver.demoSecret.utf8), faults: ReceiverFaults = .none,
                    seed: UInt64 = UInt64.random(in: .min ... .max), maximumBodyBytes: Int = 16 << 20,
                    mapping: FieldMapping = .identity) {
            self.host = host
            self.port = port
            self.storeFolder = storeFolder
            self.token = token
            self.secret = secret
            self.faults = faults
            self.seed = seed
            self.maximumBodyBytes = maximumBodyBytes
            self.mapping = mapping
        }

        func validated() throws(PlatformSimError) -> Self {
            guard (0...65535).contains(port) else {
                throw PlatformSimError("port \(port)", .outOfRange("must be between 0 and 65535"))
            }
            guard maximumBodyBytes > 0 else {
                throw PlatformSimError("maximum body size \(maximumBodyBytes)", .outOfRange("must be at least 1 byte"))
            }
            guard !token.isEmpty, !secret.isEmpty else {
                throw PlatformSimError("token and secret", .outOfRange("must not be empty"))
            }
            _ = try faults.validated()
            return self
        }
    }
}
