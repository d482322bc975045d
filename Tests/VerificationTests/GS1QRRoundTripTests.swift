import Imaging
import PropertyBased
import Symbology
import Testing
import TraceCodes
import Verification

/// GS1 QR symbols rendered to PNG and read back by zbar.
///
/// What zbar (0.23.92) gives for a QR symbol with FNC1 in first position: the GS1 modifier
/// (`isGS1`), and the data without the leading FNC1 and without a symbology identifier (no
/// `]Q3`). Numeric and byte segments come back as written, so a GS in byte mode is a GS; in
/// alphanumeric segments zbar turns `%` into GS and `%%` into `%`. So `bytes` equals the symbol
/// data that was encoded, GS (0x1D) for every FNC1 separator, and parses back to the element
/// string.
@Suite("GS1 QR round trips")
struct GS1QRRoundTripTests {
    static let cset82 = Array("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
    /// CSET 82 characters that alphanumeric mode holds, so values that favour it (and its `%`).
    static let alphanumericSubset = Array("%*+-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static let gtinBody = Gen.number.string(of: 13)
    static let value = Gen<Character?>.element(of: cset82).map { $0! }.string(of: 1...20)
    static let alphanumericValue = Gen<Character?>.element(of: alphanumericSubset).map { $0! }.string(of: 1...20)
    static let date = zip(Gen.int(in: 0...99), Gen.int(in: 1...12), Gen.int(in: 0...28)).map { year, month, day in
        [year, month, day].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }

    /// (01) GTIN-14, optional (11) production and (17) expiry dates, (10) lot, (21) serial.
    static func elementString(
        body: String, production: String?, expiry: String?, lot: String, serial: String
    ) throws -> GS1ElementString {
        var elements = [GS1Element(ai: "01", value: try GTIN(body: body).digits)]
        if let production { elements.append(GS1Element(ai: "11", value: production)) }
        if let expiry { elements.append(GS1Element(ai: "17", value: expiry)) }
        elements += [GS1Element(ai: "10", value: lot), GS1Element(ai: "21", value: serial)]
        return try GS1ElementString(elements)
    }

    /// The single symbol zbar reads from `matrix` drawn at `moduleSize` dots and sent through PNG.
    static func decode(_ matrix: ModuleMatrix, moduleSize: Int) throws -> [DecodedSymbol] {
        let png = try PNG.encode(matrix.bitmap(moduleSize: moduleSize))
        return try BarcodeDecoder(options: .init(symbologies: [.qr])).decode(PNG.decode(png))
    }

    static func expectRoundTrip(_ code: GS1ElementString, level: QRErrorCorrection, moduleSize: Int) throws {
        let data = Array(code.symbolData().utf8)
        let matrix = try QRCode.matrix(for: data, options: QROptions(errorCorrection: level), gs1: true)
        let symbols = try decode(matrix, moduleSize: moduleSize)
        #expect(symbols.count == 1)
        #expect(symbols.first?.isGS1 == true)
        #expect(symbols.first?.bytes == data)
        #expect(try symbols.first.map { try GS1ElementString(symbolData: $0.text) } == code)
    }

    @Test("random item codes read back as the same GS1 data at 2–8 dots per module")
    func randomCodes() async {
        let dates = Self.date.optional
        await propertyCheck(
            count: 100,
            input: Self.gtinBody, dates, dates, Self.value, Self.value, Gen<QRErrorCorrection>.case, Gen.int(in: 2...8)
        ) { body, production, expiry, lot, serial, level, moduleSize in
            let code = try Self.elementString(body: body, production: production, expiry: expiry, lot: lot, serial: serial)
            try Self.expectRoundTrip(code, level: level, moduleSize: moduleSize)
        }
    }

    @Test("upper-case values, written in alphanumeric mode with % for FNC1, read back the same")
    func alphanumericCodes() async {
        await propertyCheck(
            count: 100,
            input: Self.gtinBody, Self.alphanumericValue, Self.alphanumericValue, Gen<QRErrorCorrection>.case,
            Gen.int(in: 2...8)
        ) { body, lot, serial, level, moduleSize in
            let code = try Self.elementString(body: body, production: nil, expiry: nil, lot: lot, serial: serial)
            try Self.expectRoundTrip(code, level: level, moduleSize: moduleSize)
        }
    }

    @Test("a % inside a value is a literal % both in alphanumeric and in byte mode")
    func percent() throws {
        for lot in ["AB%CD%%EF", "ab%cd%%ef"] {
            let code = try Self.elementString(body: "0690123456789", production: nil, expiry: nil, lot: lot, serial: "X%1")
            try Self.expectRoundTrip(code, level: .m, moduleSize: 3)
        }
    }

    @Test("a GTIN reads back from every version 1–40 at every level", arguments: QRErrorCorrection.allCases)
    func everyVersion(_ level: QRErrorCorrection) throws {
        // 16 digits after FNC1 take 72 bits: exactly version 1-H.
        let data = Array("0106901234567892".utf8)
        for version in 1...40 {
            let matrix = try QRCode.matrix(
                for: data, options: QROptions(errorCorrection: level, minimumVersion: version), gs1: true)
            #expect(matrix.version == version)
            let symbols = try Self.decode(matrix, moduleSize: 2)
            #expect(symbols.map(\.bytes) == [data], "version \(version)-\(level.rawValue)")
            #expect(symbols.first?.isGS1 == true)
        }
    }
}
