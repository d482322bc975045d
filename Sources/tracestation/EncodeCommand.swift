import ArgumentParser
import Imaging
import Symbology
import TraceCodes

struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Render one symbol (QR, GS1 QR, Code 128, GS1-128, EAN-13, UPC-A) to a 1-bit PNG.",
        discussion: """
            The image holds the symbol and its standard quiet zone (QR and GS1 QR 4 modules; \
            Code 128 and GS1-128 10 each side; EAN-13 11 left and 7 right; UPC-A 9 each side). \
            Linear symbols are \(RenderOptions.defaultBarHeightInModules) modules tall.

            What --data accepts:
              qr       any text; its UTF-8 bytes are encoded exactly (Chinese included).
              code128  ASCII characters; digit runs are packed two to a bar character.
              gs1-128  GS1 element strings without parentheses: AI and value run together, and \
            a variable-length value that is not last ends with GS (0x1D), written $'\\x1d' in bash, \
            e.g. --data $'010690123456789210LOT42\\x1d21SN0001'. FNC1 is added after \
            the start character and every GS becomes FNC1.
              gs1-qr   GS1 element strings as for gs1-128, in a QR Code with FNC1 in first \
            position; characters of GS1 CSET 82 only. A reader reports GS1 data (symbology \
            identifier ]Q3), with GS between elements.
              ean13    12 digits (the check digit is added) or 13 (the check digit is verified).
              upca     11 digits (the check digit is added) or 12 (the check digit is verified).

            gs1-128 and gs1-qr also take the bracketed form (01)06901234567892(10)LOT42(21)SN0001 \
            (write a literal '(' in a value as '\\('). It is checked against the GS1 rules (AIs, \
            formats, check digits, dates, required pairs) and encoded with GS only where a \
            variable-length value is followed by another element.

            Examples:
              tracestation encode --symbology qr --data 'https://id.gs1.org/01/06901234567892' \
            --out label.png --module 4 --ec Q
              tracestation encode --symbology gs1-qr --data '(01)06901234567892(10)LOT42(21)SN0001' \
            --out label.png --module 4
            """
    )

    @Option(help: "Symbology: \(SymbologyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var symbology: SymbologyKind

    @Option(help: "The text to encode (see below for what each symbology accepts).")
    var data: String

    @Option(help: ArgumentHelp("PNG file to write.", valueName: "file.png"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "Dots per module (narrowest bar or QR cell), \(RenderOptions.moduleSizes.lowerBound)…\(RenderOptions.moduleSizes.upperBound).",
            valueName: "dots"))
    var module: Int = RenderOptions().moduleSize

    @Option(help: "QR error correction level: L (~7 %), M (~15 %), Q (~25 %), H (~30 %); default M. QR and GS1 QR only.")
    var ec: QRErrorCorrection?

    func validate() throws {
        guard out.lowercased().hasSuffix(".png") else {
            throw ValidationError("--out \(out): only PNG is written; give a file name ending in .png")
        }
        if ec != nil && ![.qr, .gs1QR].contains(symbology) {
            throw ValidationError("--ec applies to QR and GS1 QR only; \(symbology.rawValue) has no error correction level")
        }
        _ = try symbolData()
    }

    func run() async throws {
        var options = RenderOptions(moduleSize: module)
        options.qr.errorCorrection = ec ?? .m
        let bitmap = try Symbol.render(symbology, text: symbolData(), options: options)
        try ImageFile.write(PNG.encode(bitmap), to: out)
    }

    /// `--data` as the symbol encodes it: for GS1 symbologies the bracketed form becomes
    /// validated symbol data with GS separators; everything else is taken as given.
    private func symbolData() throws -> String {
        guard [.gs1_128, .gs1QR].contains(symbology), data.hasPrefix("(") else { return data }
        do {
            return try GS1ElementString(bracketed: data).symbolData()
        } catch {
            throw ValidationError("--data: \(error)")
        }
    }
}

extension SymbologyKind: ExpressibleByArgument {}

extension QRErrorCorrection: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}
