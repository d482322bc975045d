import ArgumentParser
import Foundation
import TraceCodes

/// `tracestation codes`: issue and check trace codes from the command line. Operators'
/// scripts depend on these options and on the one-line-per-code output.
struct CodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "Generate GS1 item codes and validate trace codes.",
        discussion: """
            generate  prints serialized GS1 codes for one batch, one per line.
            validate  checks codes of one scheme and prints `ok` or `invalid: <reason>` per value.
            """,
        subcommands: [Generate.self, Validate.self]
    )
}

extension CodesCommand {
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print serialized GS1 codes for one GTIN and lot, one per line.",
            discussion: """
                Each code holds (01) GTIN, (11) production date if given, (10) lot and (21) a \
                random serial drawn from the system's cryptographic random source over \
                0-9A-HJ-NPR-Z (33 symbols, no I, O or Q; about 5.04 bits per character, \
                60.5 bits for the default 12). Serials are distinct within one run.

                Forms:
                  dl       GS1 Digital Link URI (default), for QR codes
                  element  symbol data with the GS byte (0x1D) between variable-length elements,
                           for GS1 QR, GS1 DataMatrix and GS1-128 (FNC1 is added by the symbol)
                  hri      bracketed text (01)…(11)…(10)…(21)…

                Examples:
                  tracestation codes generate --gtin 06901234567892 --lot B20250301 --count 3
                  tracestation codes generate --gtin 6901234567892 --lot B20250301 \\
                      --date 250301 --count 100 --serial-length 16 --form hri
                  tracestation codes generate --gtin 06901234567892 --lot L1 --count 10 \\
                      --domain https://trace.example.cn/p
                """
        )

        enum Form: String, ExpressibleByArgument, CaseIterable {
            case dl, element, hri
        }

        @Option(help: "GTIN-8, -12, -13 or -14 with its check digit.")
        var gtin: String

        @Option(help: "Batch/lot for AI (10): 1 to 20 characters of GS1 CSET 82, no space.")
        var lot: String

        @Option(help: "Production date YYMMDD for AI (11); DD = 00 means day not given.")
        var date: String?

        @Option(help: "How many codes to print (1 to \(Self.maximumCount)).")
        var count: Int

        @Option(help: "Characters per random serial (6 to 20).")
        var serialLength = 12

        @Option(help: "Output form: dl, element or hri.")
        var form: Form = .dl

        @Option(help: "Digital Link domain, with an optional path prefix.")
        var domain = GS1DigitalLink.defaultDomain

        static let maximumCount = 1_000_000

        func validate() throws {
            _ = try builder()
            _ = try serials()
            _ = try outputForm()
            guard (1...Self.maximumCount).contains(count) else {
                throw ValidationError("--count \(count): must be 1 to \(Self.maximumCount)")
            }
        }

        func run() async throws {
            let builder = try builder()
            var serials = try serials()
            let form = try outputForm()
            var issued: Set<String> = []
            while issued.count < count {
                let serial = try serials.next()
                // A repeat within the run is drawn again.
                guard issued.insert(serial).inserted else { continue }
                print(try form.render(builder.code(serial: serial)))
            }
        }

        private func builder() throws -> GS1ItemCodeBuilder {
            do {
                _ = try GTIN(gtin)
            } catch {
                throw ValidationError("--gtin: \(error)")
            }
            if let date {
                do {
                    try GS1Date.validate(date, subject: "date \(date)")
                } catch {
                    throw ValidationError("--date: \(error)")
                }
            }
            do {
                return try GS1ItemCodeBuilder(gtin: gtin, lot: lot, productionDate: date)
            } catch {
                throw ValidationError("--lot: \(error)")
            }
        }

        private func serials() throws -> RandomSerialGenerator<SystemRandomNumberGenerator> {
            do {
                return try RandomSerialGenerator(length: serialLength)
            } catch {
                throw ValidationError("--serial-length: \(error)")
            }
        }

        private func outputForm() throws -> GS1OutputForm {
            switch form {
            case .dl:
                do {
                    return .digitalLink(domain: try GS1DigitalLink.normalizedDomain(domain))
                } catch {
                    throw ValidationError("--domain: \(error)")
                }
            case .element: return .symbolData
            case .hri: return .bracketed
            }
        }
    }
}

extension CodesCommand {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check trace codes; print `ok` or `invalid: <reason>` for each, in order.",
            discussion: """
                Exits 1 if any value is invalid, 0 if all are valid.

                Schemes:
                  gs1      (default) a bracketed element string (01)…(21)…, a GS1 Digital Link
                           URI, symbol data with GS separators (optionally starting with a
                           symbology identifier such as ]Q3), or a bare GTIN-8/12/13/14
                  ecode    Ecode V + NSI + MD, checked against the Ecode version table
                  ccc      CCC certificate number, 16 digits
                  uscc     统一社会信用代码, 18 characters with GB 32100 check character
                  licence  工业产品生产许可证编号, XK08-001-04763 or (鄂)XK12-001-00018
                  did      数字身份码, checked against the configured length, charset and pattern

                The bundled Ecode table is an unconfirmed recollection of GB/T 31866-2015; load \
                the confirmed one with --ecode-table.

                Examples:
                  tracestation codes validate '(01)06901234567892(10)B20250301(21)A0001'
                  tracestation codes validate https://id.gs1.org/01/06901234567892/21/A0001
                  tracestation codes validate --scheme uscc 91350100M000100Y43
                  tracestation codes validate --scheme licence '(鄂)XK12-001-00018'
                """
        )

        enum Scheme: String, ExpressibleByArgument, CaseIterable {
            case gs1, ecode, ccc, uscc, licence, did
        }

        @Option(help: "Code scheme: gs1, ecode, ccc, uscc, licence or did.")
        var scheme: Scheme = .gs1

        @Flag(help: "gs1: check lot and serial against the GB/T 33993-2017 set (CSET 82 without % & / < > ?).")
        var gbt33993 = false

        @Option(help: "ecode: JSON Ecode version table to use instead of the bundled one.")
        var ecodeTable: String?

        @Option(help: "did: regular expression the whole code must match.")
        var didPattern: String?

        @Option(help: "did: maximum length.")
        var didMaxLength = 64

        @Argument(help: "The codes to check.")
        var values: [String]

        func validate() throws {
            _ = try checker()
        }

        func run() async throws {
            let check = try checker()
            var allValid = true
            for value in values {
                do {
                    try check(value)
                    print("ok")
                } catch {
                    allValid = false
                    print("invalid: \(error)")
                }
            }
            if !allValid { throw ExitCode(1) }
        }

        private func checker() throws -> (String) throws(TraceCodeError) -> Void {
            switch scheme {
            case .gs1:
                let options: GS1ValidationOptions = gbt33993 ? .gbt33993 : .gs1
                return { value throws(TraceCodeError) in try Self.checkGS1(value, options: options) }
            case .ecode:
                let table: EcodeTable
                do {
                    table = try ecodeTable.map { try EcodeTable(contentsOf: URL(fileURLWithPath: $0)) } ?? EcodeTable.bundled()
                } catch {
                    throw ValidationError("--ecode-table: \(error)")
                }
                return { value throws(TraceCodeError) in _ = try Ecode(value, table: table) }
            case .ccc:
                return { value throws(TraceCodeError) in _ = try CCCCertificateNumber(value) }
            case .uscc:
                return { value throws(TraceCodeError) in _ = try SocialCreditCode(value) }
            case .licence:
                return { value throws(TraceCodeError) in _ = try ProductionLicenceNumber(value) }
            case .did:
                let rules: DigitalIdentityCode.Rules
                do {
                    rules = try DigitalIdentityCode.Rules(maxLength: didMaxLength, pattern: didPattern)
                } catch {
                    throw ValidationError("--did-pattern/--did-max-length: \(error)")
                }
                return { value throws(TraceCodeError) in _ = try DigitalIdentityCode(value, rules: rules) }
            }
        }

        private static func checkGS1(_ value: String, options: GS1ValidationOptions) throws(TraceCodeError) {
            let lowercased = value.lowercased()
            if lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") {
                _ = try GS1ElementString(digitalLink: value, options: options)
            } else if value.hasPrefix("(") {
                _ = try GS1ElementString(bracketed: value, options: options)
            } else if value.allSatisfy({ $0.isASCII && $0.isNumber }), GTIN.allowedLengths.contains(value.count) {
                _ = try GTIN(value)
            } else {
                _ = try GS1ElementString(symbolData: value, options: options)
            }
        }
    }
}
