import ArgumentParser
import Foundation
import Verification

struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode the barcodes in image files and print their text.",
        discussion: """
            Prints each symbol's text on one line, exactly as encoded (a text holding line breaks \
            is only exact with --json). Exits 1 when an image has no symbol or cannot be read, \
            after processing every image.
            """
    )

    @Argument(help: "PNG, JPEG or PNM images.")
    var images: [String]

    @Option(
        help: ArgumentHelp(
            "Symbologies to look for, repeatable or comma-separated: \(BarcodeSymbology.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "S"
        )
    )
    var symbology: [String] = []

    @Flag(help: "Print one JSON object per symbol per line: file, text, symbology, gs1, bytes_hex, position, ms.")
    var json = false

    @Option(
        name: .customLong("budget-ms"),
        help: ArgumentHelp(
            "Milliseconds an image may take when the first pass finds nothing and rescaled or enhanced copies are tried; 0 for one pass only.",
            valueName: "N"
        )
    )
    var budgetMilliseconds = Int(BarcodeDecoder.Options.defaultTimeBudget / .milliseconds(1))

    @Flag(help: "Also read light-on-dark symbols.")
    var inverted = false

    @Flag(help: "EAN-2/EAN-5 add-ons: by default appended to the EAN/UPC text when two reads agree on them.")
    var addOns: AddOnChoice?

    @Option(name: .customLong("expect-add-on"), help: AddOnChoice.expectHelp)
    var expectAddOn: Int?

    @Option(help: ArgumentHelp("Scan only this rectangle of each image, in pixels from the top-left corner.", valueName: "x,y,width,height"))
    var region: String?

    func validate() throws {
        _ = try symbologies()
        _ = try regionOfInterest()
        guard budgetMilliseconds >= 0 else { throw ValidationError("--budget-ms must be 0 or more, not \(budgetMilliseconds)") }
        _ = try AddOnChoice.mode(addOns, expected: expectAddOn)
    }

    func run() async throws {
        let options = BarcodeDecoder.Options(
            symbologies: try symbologies(), tryInverted: inverted, eanAddOns: try AddOnChoice.mode(addOns, expected: expectAddOn),
            timeBudget: .milliseconds(budgetMilliseconds), regionOfInterest: try regionOfInterest()
        )
        var failed = false
        for path in images {
            do {
                // A fresh decoder per image: zbar keeps state between scans, and a file's
                // result must not depend on the files before it.
                let symbols = try BarcodeDecoder(options: options).decode(file: path)
                if symbols.isEmpty {
                    failed = true
                    Self.printError("\(path): no barcode found")
                }
                for symbol in symbols {
                    print(json ? try DecodeLine(file: path, symbol: symbol).json() : symbol.text)
                }
            } catch {
                failed = true
                Self.printError("\(error)")
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func symbologies() throws -> Set<BarcodeSymbology> {
        let names = symbology.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty else { return BarcodeSymbology.common }
        return Set(try names.map { name in
            guard let value = BarcodeSymbology(name: name) else {
                throw ValidationError("unknown symbology '\(name)'; expected one of \(BarcodeSymbology.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        })
    }

    private func regionOfInterest() throws -> BarcodeDecoder.Region? {
        guard let region else { return nil }
        let numbers = region.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, let x = numbers[0], let y = numbers[1], let width = numbers[2], let height = numbers[3],
              x >= 0, y >= 0, width > 0, height > 0 else {
            throw ValidationError("--region '\(region)' must be x,y,width,height in whole pixels, with a positive width and height")
        }
        return BarcodeDecoder.Region(x: x, y: y, width: width, height: height)
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("tracestation decode: \(message)\n".utf8))
    }
}

/// `--add-ons` or `--no-add-ons`, for `decode` and `verify`; neither keeps the confirmed default.
enum AddOnChoice: EnumerableFlag {
    case always, never

    var mode: BarcodeDecoder.Options.EANAddOns { self == .always ? .always : .never }

    static func name(for value: AddOnChoice) -> NameSpecification {
        .customLong(value == .always ? "add-ons" : "no-add-ons")
    }

    static func help(for value: AddOnChoice) -> ArgumentHelp? {
        value == .always
            ? "Append any EAN-2/EAN-5 add-on read, even once."
            : "Ignore EAN-2/EAN-5 add-ons: report the main EAN/UPC number."
    }

    /// `--expect-add-on`: a value rather than a flag, so a script can pass what it knows per
    /// image (`--expect-add-on $HAS_ADD_ON`).
    static let expectHelp = ArgumentHelp(
        "Whether the labels carry an EAN-2/EAN-5 add-on: 1 reports EAN/UPC codes only with their add-on, 0 ignores add-ons.",
        valueName: "0|1"
    )

    /// The add-on mode of `--add-ons`, `--no-add-ons` or `--expect-add-on`, at most one of them;
    /// none keeps the confirmed default.
    static func mode(_ choice: AddOnChoice?, expected: Int?) throws -> BarcodeDecoder.Options.EANAddOns {
        switch (choice, expected) {
        case (nil, nil): return .confirmed
        case let (choice?, nil): return choice.mode
        case (nil, 0): return .never
        case (nil, 1): return .expected
        case let (nil, value?): throw ValidationError("--expect-add-on must be 0 or 1, not \(value)")
        case (_?, _?): throw ValidationError("give --expect-add-on or --add-ons/--no-add-ons, not both")
        }
    }
}

/// One `--json` output line.
private struct DecodeLine: Encodable {
    let file: String
    let text: String
    let symbology: String
    let gs1: Bool
    let bytesHex: String
    /// Outline points as `[x, y]` pairs in image pixels.
    let position: [[Int]]
    let ms: Double

    enum CodingKeys: String, CodingKey {
        case file, text, symbology, gs1, position, ms
        case bytesHex = "bytes_hex"
    }

    init(file: String, symbol: DecodedSymbol) {
        self.file = file
        text = symbol.text
        symbology = symbol.symbology.rawValue
        gs1 = symbol.isGS1
        bytesHex = symbol.bytes.map { String(format: "%02x", $0) }.joined()
        position = symbol.position.map { [$0.x, $0.y] }
        // Microsecond resolution is plenty for a decode time and keeps lines short.
        ms = (symbol.decodeTime.microseconds).rounded() / 1e3
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
