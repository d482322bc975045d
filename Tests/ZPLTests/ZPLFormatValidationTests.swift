import Testing
import ZPL

/// Input a printer would clamp, truncate or misread is refused, naming the command and the rule.
@Suite("Format validation")
struct ZPLFormatValidationTests {
    private let origin = ZPLFieldPosition.origin(x: 10, y: 10)

    private func emptyFormat() throws -> ZPLFormat {
        try ZPLFormat(width: 480, length: 320)
    }

    @Test("A refused field leaves the format as it was")
    func rollback() throws {
        var format = try emptyFormat()
        try format.text("kept", at: origin, font: .scalable(height: 30, width: 30))
        let before = format.bytes
        #expect(throws: ZPLError.self) {
            try format.text(String(repeating: "^", count: 1100), at: origin, font: .scalable(height: 30, width: 30))
        }
        #expect(throws: ZPLError.self) { try format.qrCode("", at: origin, magnification: 4) }
        #expect(format.bytes == before)
    }

    @Test("Field data over 3072 bytes as sent is refused, escapes counted")
    func fieldDataLimit() throws {
        var format = try emptyFormat()
        let font = ZPLFont.scalable(height: 30, width: 30)
        try format.text(String(repeating: "a", count: 3072), at: origin, font: font)
        #expect(throws: ZPLError("^FD of the text at ^FO10,10",
                                 .tooLong(length: 3073, limit: 3072, unit: "bytes as sent (after escaping)"))) {
            try format.text(String(repeating: "a", count: 3073), at: origin, font: font)
        }
        // 1025 tildes are 3075 bytes once escaped.
        #expect(throws: ZPLError.self) { try format.text(String(repeating: "~", count: 1025), at: origin, font: font) }
    }

    @Test("QR Code data beyond the largest symbol at its level is refused", arguments: [
        (ZPLQRErrorCorrection.low, 2953), (.medium, 2331), (.quartile, 1663), (.high, 1273),
    ])
    func qrCapacity(level: ZPLQRErrorCorrection, bytes: Int) throws {
        var format = try emptyFormat()
        try format.qrCode(String(repeating: "a", count: bytes), at: origin, magnification: 2, errorCorrection: level)
        let error = #expect(throws: ZPLError.self) {
            try format.qrCode(
                String(repeating: "a", count: bytes + 1), at: origin, magnification: 2, errorCorrection: level)
        }
        #expect(error?.subject == "^FD of the QR Code at ^FO10,10")
        #expect(error?.description.contains("limit is \(bytes)") == true)
    }

    @Test("Automatic QR input takes ASCII only and counts digits as numeric")
    func qrAutomatic() throws {
        var format = try emptyFormat()
        #expect(throws: ZPLError.self) {
            try format.qrCode("追溯码", at: origin, magnification: 2, input: .automatic)
        }
        try format.qrCode(String(repeating: "7", count: 3000), at: origin, magnification: 2, errorCorrection: .low,
                          input: .automatic)
    }

    @Test("Parameters out of the printer's range are refused")
    func ranges() throws {
        var format = try emptyFormat()
        let font = ZPLFont.scalable(height: 30, width: 30)
        #expect(throws: ZPLError("^FO x", .outOfRange(-1, allowed: 0...32000))) {
            try format.text("x", at: .origin(x: -1, y: 0), font: font)
        }
        #expect(throws: ZPLError("^FT y", .outOfRange(40000, allowed: 0...32000))) {
            try format.text("x", at: .typeset(x: 0, y: 40000), font: font)
        }
        #expect(throws: ZPLError("^A0 height", .outOfRange(5, allowed: 10...32000))) {
            try format.text("x", at: origin, font: .scalable(height: 5, width: 30))
        }
        #expect(throws: ZPLError("^BQ magnification", .outOfRange(11, allowed: 1...10))) {
            try format.qrCode("x", at: origin, magnification: 11)
        }
        #expect(throws: ZPLError("^BY module width", .outOfRange(0, allowed: 1...10))) {
            try format.code128("x", at: origin, height: 50, moduleWidth: 0)
        }
        #expect(throws: ZPLError.self) { try format.box(at: origin, width: 2, height: 10, thickness: 3) }
        #expect(throws: ZPLError.self) { try format.box(at: origin, width: 10, height: 10, rounding: 9) }
        #expect(throws: ZPLError.self) { try ZPLFormat(width: 480, length: 320, quantity: 0) }
        #expect(throws: ZPLError.self) { try ZPLFormat(width: 480, length: 320, darkness: .absolute(31)) }
        #expect(throws: ZPLError.self) { try ZPLFormat(width: 480, length: 320, printSpeed: 15) }
        #expect(ZPLOrientation(degrees: 45) == nil)
    }

    @Test("A font path is refused unless it is a plain printer file name", arguments: [
        "SIMSUN.TTF", "E:", "E:.TTF", "Q:SIMSUN.TTF", "E:SIM^XZ.TTF", "E:SIM,SUN.TTF", "E:SIMSUN.PNG",
        "E:ABCDEFGHIJKLMNOPQ.TTF", "E:~JA.TTF", "E:SIM SUN.TTF",
    ])
    func fontPaths(path: String) throws {
        var format = try emptyFormat()
        #expect(throws: ZPLError.self) {
            try format.text("x", at: origin, font: .file(path: path, height: 30, width: 30))
        }
    }

    @Test("Font paths of printer files are accepted",
          arguments: ["E:SIMSUN.TTF", "R:cjk_font-1.ttf", "Z:A.FNT", "B:X.TTE"])
    func validFontPaths(path: String) throws {
        var format = try emptyFormat()
        try format.text("x", at: origin, font: .file(path: path, height: 30, width: 30))
    }

    @Test("Code 128 takes printable ASCII only")
    func code128Characters() throws {
        var format = try emptyFormat()
        #expect(throws: ZPLError("^FD of the Code 128 at ^FO10,10",
                                 .character(0xC3, position: 1, allowed: "printable ASCII (0x20…0x7E)"))) {
            try format.code128("Aé", at: origin, height: 50)
        }
        #expect(throws: ZPLError.self) { try format.code128("A\nB", at: origin, height: 50) }
        #expect(throws: ZPLError.self) { try format.code128("", at: origin, height: 50) }
    }

    @Test("GS1-128 data takes GS only between elements and at most 48 characters", arguments: [
        "\u{1D}0106901234567893", "10ABC\u{1D}", "10ABC\u{1D}\u{1D}21123", "10ABC\u{0A}", "",
        "01069012345678931012345678901234567890\u{1D}2112345678901",
    ])
    func gs1Rules(symbolData: String) throws {
        var format = try emptyFormat()
        #expect(throws: ZPLError.self) { try format.gs1Code128(symbolData: symbolData, at: origin, height: 50) }
    }

    @Test("EAN-13 takes exactly 12 digits", arguments: ["69012345678", "6901234567892", "69012345678X"])
    func ean13Rules(digits: String) throws {
        var format = try emptyFormat()
        #expect(throws: ZPLError.self) { try format.ean13(digits, at: origin, height: 50) }
    }

    @Test("A text block refuses more lines than it may hold, and no lines")
    func textBlockLines() throws {
        var format = try emptyFormat()
        let block = ZPLTextBlock(width: 300, maxLines: 2)
        let font = ZPLFont.scalable(height: 30, width: 30)
        #expect(throws: ZPLError("^FD of the text block at ^FO10,10",
                                 .tooLong(length: 3, limit: 2, unit: "lines (^FB maximum)"))) {
            try format.textBlock(["a", "b", "c"], at: origin, font: font, block: block)
        }
        #expect(throws: ZPLError.self) { try format.textBlock([], at: origin, font: font, block: block) }
    }

    @Test("A graphic field needs exactly bytes per row × rows bytes")
    func graphicFieldSize() throws {
        var format = try emptyFormat()
        #expect(throws: ZPLError.self) {
            try format.graphicField([0xFF, 0x00, 0xFF], bytesPerRow: 2, rows: 2, at: origin)
        }
        #expect(throws: ZPLError.self) { try format.graphicField([], bytesPerRow: 0, rows: 0, at: origin) }
        #expect(throws: ZPLError.self) {
            try format.graphicField(Array(repeating: 0, count: 100_000), bytesPerRow: 100, rows: 1000, at: origin)
        }
    }

    @Test("An error reads as one sentence naming the field and the rule")
    func errorDescription() {
        let error = ZPLError(
            "^FD of the Code 128 at ^FO10,10", .character(0x0A, position: 3, allowed: "printable ASCII"))
        #expect(error.description
            == "^FD of the Code 128 at ^FO10,10: 0x0A at byte 3 cannot be encoded; allowed: printable ASCII")
        #expect(ZPLError("^BQ magnification", .outOfRange(11, allowed: 1...10)).description
            == "^BQ magnification: 11 is out of range; use 1…10")
    }
}
