import ArgumentParser
import Imaging
import Symbology

struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Render one symbol (QR, Code 128, GS1-128, EAN-13, UPC-A) to a 1-bit PNG.",
        discussion: """
            The image holds the symbol and its standard quiet zone (QR 4 modules; Code 128 and \
            GS1-128 10 each side; EAN-13 11 left and 7 right; UPC-A 9 each side). Linear symbols \
            are \(RenderOptions.defaultBarHeightInModules) modules tall.

            What --data accepts:
              qr       any text; its UTF-8 bytes are encoded exactly (Chinese included).
              code128  ASCII characters; digit runs are packed two to a bar character.
              gs1-128  GS1 element strings without parentheses: AI and value run together, and \
            a variable-length value that is not last ends with GS (0x1D), written $'\\x1d' in bash, \
            e.g. --data $'010690123456789210LOT42\\x1d21SN0001'. FNC1 is added after \
            the start character and every GS becomes FNC1.
              ean13    12 digits (the check digit is added) or 13 (the check digit is verified).
              upca     11 digits (the check digit is added) or 12 (the check digit is verified).

            Example: tracestation encode --symbology qr --data 'https://id.gs1.org/01/06901234567892' \
            --out label.png --module 4 --ec Q
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

    @Option(help: "QR error correction level: L (~7 %), M (~15 %), Q (~25 %), H (~30 %); default M. QR only.")
    var ec: QRErrorCorrection?

    func validate() throws {
        guard out.lowercased().hasSuffix(".png") else {
            throw ValidationError("--out \(out): only PNG is written; give a file name ending in .png")
        }
        if ec != nil && symbology != .qr {
            throw ValidationError("--ec applies to QR only; \(symbology.rawValue) has no error correction level")
        }
    }

    func run() async throws {
        var options = RenderOptions(moduleSize: module)
        options.qr.errorCorrection = ec ?? .m
        let bitmap = try Symbol.render(symbology, text: data, options: options)
        try ImageFile.write(PNG.encode(bitmap), to: out)
    }
}

extension SymbologyKind: ExpressibleByArgument {}

extension QRErrorCorrection: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}
