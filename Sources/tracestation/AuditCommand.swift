import ArgumentParser
import Foundation
import Ledger

/// `tracestation audit`: prove the ledger is what the station wrote.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the ledger's hash chain and checkpoints; make checkpoint signing keys.",
        subcommands: [Verify.self, Keygen.self]
    )
}

extension AuditCommand {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every event's hash link, every signed checkpoint and every derived table.",
            discussion: """
                Exits 0 when the ledger is intact; 1 naming the first broken event (a row edited, \
                deleted, reordered or inserted outside the station) or the derived table that \
                disagrees with the events; 2 when the ledger cannot be read.

                With --public-key (or TRACESTATION_PUBLIC_KEY) every checkpoint must be signed by \
                that key; otherwise any valid signature is accepted and its key is reported.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Trusted checkpoint key: 64 hex digits or a file.", valueName: "KEY"))
        var publicKey: String?

        func run() async throws {
            let report: AuditReport
            do {
                let trusted = try (publicKey ?? ProcessInfo.processInfo.environment["TRACESTATION_PUBLIC_KEY"]).map(KeyMaterial.publicKey)
                report = try await ledger.open(readOnly: true).verifyAudit(trustedKey: trusted)
            } catch let error as LedgerError {
                FileHandle.standardError.write(Data("tracestation audit verify: \(error)\n".utf8))
                throw ExitCode(2)
            }
            print(report.summary)
            if !report.isIntact { throw ExitCode(1) }
        }
    }

    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an Ed25519 checkpoint signing key; print its public key.",
            discussion: "The key file holds 64 hex digits, readable by its owner only. Keep the public key for `audit verify --public-key`."
        )

        @Option(help: ArgumentHelp("Key file to create (refused if it exists).", valueName: "FILE"))
        var out: String

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: out) else {
                throw ValidationError("--out \(out): the file exists; a signing key is never overwritten")
            }
            let signer = CheckpointSigner()
            guard FileManager.default.createFile(atPath: out, contents: Data((signer.privateKey.hexString + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("--out \(out): cannot create the file")
            }
            print(signer.publicKey.hexString)
        }
    }
}
