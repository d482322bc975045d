import Crypto
import Foundation

/// The Ed25519 key that signs batch checkpoints.
///
/// Configured by `--signing-key` or `TRACESTATION_SIGNING_KEY`: either 64 hex digits (the raw
/// 32-byte private key) or the path of a file holding those hex digits or the 32 raw bytes.
/// Without a key the station refuses to close a batch rather than write an unsigned
/// checkpoint; `tracestation audit keygen` makes a key file.
public struct CheckpointSigner: Sendable {
    public static let environmentVariable = "TRACESTATION_SIGNING_KEY"
    /// The raw key: swift-crypto's key type is not `Sendable`, its bytes are.
    public let privateKey: [UInt8]
    public let publicKey: [UInt8]

    public init(privateKey: [UInt8]) throws(LedgerError) {
        do {
            publicKey = Array(try Curve25519.Signing.PrivateKey(rawRepresentation: privateKey).publicKey.rawRepresentation)
        } catch {
            throw LedgerError("signing key", .badSigningKey("\(privateKey.count) bytes"))
        }
        self.privateKey = privateKey
    }

    /// A new random key.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        privateKey = Array(key.rawRepresentation)
        publicKey = Array(key.publicKey.rawRepresentation)
    }

    /// The key from `option` if given, else from `environment[TRACESTATION_SIGNING_KEY]`.
    public init(option: String?, environment: [String: String]) throws(LedgerError) {
        guard let setting = option ?? environment[Self.environmentVariable], !setting.isEmpty else {
            throw LedgerError("batch close", .noSigningKey)
        }
        try self.init(privateKey: KeyMaterial.bytes(setting, subject: "signing key"))
    }

    func sign(_ message: [UInt8]) throws(LedgerError) -> [UInt8] {
        do {
            return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: privateKey).signature(for: message))
        } catch {
            throw LedgerError("signing key", .badSigningKey("signing failed: \(error)"))
        }
    }
}

/// Reads 32-byte keys given as hex or as a file.
public enum KeyMaterial {
    public static func bytes(_ setting: String, subject: String) throws(LedgerError) -> [UInt8] {
        let trimmed = setting.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = [UInt8](hex: trimmed) { return bytes }
        guard let data = FileManager.default.contents(atPath: setting) else {
            throw LedgerError(subject, .badSigningKey("not 64 hex digits, and no readable file at \(setting)"))
        }
        if data.count == 32 { return Array(data) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count == 64, let bytes = [UInt8](hex: text) else {
            throw LedgerError(subject, .badSigningKey("file \(setting) holds neither 64 hex digits nor 32 raw bytes"))
        }
        return bytes
    }

    /// An Ed25519 public key given as hex or a file, for checking checkpoints.
    public static func publicKey(_ setting: String) throws(LedgerError) -> [UInt8] {
        let bytes = try Self.bytes(setting, subject: "public key")
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else {
            throw LedgerError("public key", .badSigningKey("not an Ed25519 public key"))
        }
        return bytes
    }
}

extension [UInt8] {
    /// Lowercase hex, for keys shown to operators.
    public var hexString: String { hex }
}
