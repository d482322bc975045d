import Foundation
import Imaging
import Symbology
import Testing
import Verification

@Suite("Decoding images")
struct BarcodeDecoderTests {
    @Test("an all-white image holds no symbols and is not an error")
    func whiteImage() throws {
        #expect(try BarcodeDecoder().decode(GrayImage(width: 320, height: 240)).isEmpty)
    }

    @Test("a zero-size image is refused with an error naming its size")
    func zeroSizeImage() throws {
        #expect(throws: VerificationError.emptyImage(width: 0, height: 10)) {
            try BarcodeDecoder().decode(GrayImage(width: 0, height: 10))
        }
        #expect(VerificationError.emptyImage(width: 0, height: 10).description.contains("0x10"))
    }

    @Test("an unreadable file is an error that names the file")
    func unreadableFile() throws {
        #expect {
            try BarcodeDecoder().decode(file: "/nonexistent/label.png")
        } throws: { error in
            "\(error)".contains("/nonexistent/label.png")
        }
    }

    @Test("a QR code holding UTF-8 Chinese comes back byte for byte, its four corners around where it was drawn")
    func chineseQR() throws {
        let text = "追溯码 一码贯通 テスト"
        let symbol = try Symbol.render(.qr, text: text, options: RenderOptions(moduleSize: 4))
        var canvas = Bitmap(width: symbol.width + 100, height: symbol.height + 60)
        canvas.draw(symbol, x: 70, y: 40)

        let symbols = try BarcodeDecoder(options: .init(symbologies: [.qr])).decode(canvas.grayImage())
        #expect(symbols.map(\.text) == [text])
        #expect(symbols.first?.bytes == Array(text.utf8))
        #expect(symbols.first?.symbology == .qr)
        let corners = try #require(symbols.first?.position)
        #expect(corners.count == 4)
        for corner in corners {
            #expect((70...70 + symbol.width).contains(corner.x) && (40...40 + symbol.height).contains(corner.y))
        }
    }

    @Test("a linear symbol's position is the rectangle around its bars, clockwise from the top left")
    func linearPosition() throws {
        let symbol = try Symbol.render(.code128, text: "RI476394652CH", options: RenderOptions(moduleSize: 3, barHeight: 90))
        var canvas = Bitmap(width: symbol.width + 120, height: symbol.height + 80)
        canvas.draw(symbol, x: 50, y: 30)

        let symbols = try BarcodeDecoder(options: .init(symbologies: [.code128])).decode(canvas.grayImage())
        let box = try #require(symbols.first?.position)
        #expect(box.count == 4)
        #expect(box[0].x == box[3].x && box[1].x == box[2].x && box[0].y == box[1].y && box[2].y == box[3].y)
        #expect(box[0].x < box[1].x && box[0].y <= box[3].y)
        for corner in box {
            #expect((50...50 + symbol.width).contains(corner.x) && (30...30 + symbol.height).contains(corner.y))
        }
    }

    @Test("a QR code is not reported when only linear symbologies are asked for", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func symbologyFilter() throws {
        let image = try #require(Self.fixtureImage("qrcode-1/1.png"))
        #expect(try BarcodeDecoder(options: .init(symbologies: [.ean13, .code128])).decode(image).isEmpty)
        #expect(try !BarcodeDecoder(options: .init(symbologies: [.qr])).decode(image).isEmpty)
    }

    @Test("a UPC-A reads as 13 digits with a leading 0, also when only EAN-13 is asked for", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func upcA() throws {
        let image = try #require(Self.fixtureImage("upca-1/2.png"))
        for asked in [Set([BarcodeSymbology.upcA]), [.ean13]] {
            let symbols = try BarcodeDecoder(options: .init(symbologies: asked)).decode(image)
            #expect(symbols.map(\.text) == ["0036602301467"])
            #expect(symbols.map(\.symbology) == [.upcA])
        }
    }

    @Test("an EAN-13 add-on both decoders read is appended to the main number by default", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func addOn() throws {
        let image = try #require(Self.fixtureImage("ean13-extension-1/1.png"))
        for mode in [BarcodeDecoder.Options.EANAddOns.confirmed, .always] {
            let symbols = try BarcodeDecoder(options: .init(eanAddOns: mode)).decode(image)
            #expect(symbols.map(\.text) == ["978073520044951299"])
            #expect(symbols.first?.position.isEmpty == false)
        }
        #expect(try BarcodeDecoder(options: .init(eanAddOns: .never)).decode(image).map(\.text) == ["9780735200449"])
    }

    @Test("with an add-on expected, an EAN-13 is reported with its add-on or not at all", .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository"))
    func expectedAddOn() throws {
        let book = try #require(Self.fixtureImage("ean13-extension-1/1.png"))
        #expect(try BarcodeDecoder(options: .init(eanAddOns: .expected)).decode(book).map(\.text) == ["978073520044951299"])
        let symbol = try Symbol.render(.ean13, text: "6901234567892", options: RenderOptions(moduleSize: 3))
        var canvas = Bitmap(width: symbol.width + 120, height: symbol.height + 80)
        canvas.draw(symbol, x: 60, y: 40)
        // The main number alone is a partial read of the expected label, never reported as its code.
        #expect(try BarcodeDecoder(options: .init(eanAddOns: .expected)).decode(canvas.grayImage()).isEmpty)
    }

    @Test("an EAN-13 without an add-on stays 13 digits in every add-on mode")
    func noAddOn() throws {
        let symbol = try Symbol.render(.ean13, text: "6901234567892", options: RenderOptions(moduleSize: 3))
        var canvas = Bitmap(width: symbol.width + 120, height: symbol.height + 80)
        canvas.draw(symbol, x: 60, y: 40)
        for mode in [BarcodeDecoder.Options.EANAddOns.confirmed, .always, .never] {
            #expect(try BarcodeDecoder(options: .init(eanAddOns: mode)).decode(canvas.grayImage()).map(\.text) == ["6901234567892"])
        }
    }

    private static func fixtureImage(_ name: String) -> GrayImage? {
        try? ImageFile.read(path: FixtureSample.folder.appendingPathComponent(name).path)
    }
}

@Suite("Symbology names")
struct SymbologyNameTests {
    @Test("Our names and other tools' format names all map to the same symbology, in any case", arguments: [
        ("qr", BarcodeSymbology.qr), ("QRCode", .qr), ("QRCODE", .qr), ("Code128", .code128), ("GS1-128", .gs1128),
        ("EAN13", .ean13), ("UPCA", .upcA), ("upc-a", .upcA), ("EAN8", .ean8), ("UPCE", .upcE), ("ITF", .interleaved2of5),
        ("i25", .interleaved2of5), ("Codabar", .codabar), ("DataBarExpanded", .dataBarExpanded),
    ])
    func aliases(name: String, expected: BarcodeSymbology) {
        #expect(BarcodeSymbology(name: name) == expected)
    }

    @Test("An unknown name is not guessed", arguments: ["pdf417", "datamatrix", "", "qr code 2"])
    func unknown(name: String) {
        #expect(BarcodeSymbology(name: name) == nil)
    }
}
