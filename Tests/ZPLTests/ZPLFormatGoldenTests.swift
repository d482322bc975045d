import Testing
import ZPL

/// Whole small formats, written out in full: what the printer receives, byte for byte.
@Suite("Format golden strings")
struct ZPLFormatGoldenTests {
    private func format(_ build: (inout ZPLFormat) throws -> Void) throws -> String {
        var format = try ZPLFormat(width: 480, length: 320)
        try build(&format)
        return format.text
    }

    @Test("An empty format has the header and the trailer only")
    func empty() throws {
        #expect(try format { _ in } == "^XA^CI28^PW480^LL320^LH0,0^PQ1^XZ")
    }

    @Test("Darkness, speed and quantity go in the header and the trailer")
    func settings() throws {
        let absolute = try ZPLFormat(width: 480, length: 320, quantity: 2, darkness: .absolute(8), printSpeed: 4)
        #expect(absolute.text == "^XA^CI28^PW480^LL320^LH0,0~SD08^PR4^PQ2^XZ")
        let relative = try ZPLFormat(width: 480, length: 320, darkness: .relative(-5))
        #expect(relative.text == "^XA^CI28^PW480^LL320^LH0,0^MD-5^PQ1^XZ")
    }

    @Test("A text field escapes caret, tilde and the hex indicator")
    func text() throws {
        let zpl = try format {
            try $0.text("Lot A_1^XZ~JA", at: .origin(x: 20, y: 30), font: .scalable(height: 30, width: 25))
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO20,30^A0N,30,25^FH_^FDLot A_5F1_5EXZ_7EJA^FS^PQ1^XZ")
    }

    @Test("Chinese text in a printer font, rotated, placed by its baseline")
    func chineseText() throws {
        let zpl = try format {
            try $0.text(
                "批号\r\n", at: .typeset(x: 40, y: 100), font: .file(path: "E:SIMSUN.TTF", height: 32, width: 32),
                orientation: ZPLOrientation(degrees: 90)!)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FT40,100^A@R,32,32,E:SIMSUN.TTF^FH_^FD批号_0D_0A^FS^PQ1^XZ")
    }

    @Test("A text block breaks lines only where asked and doubles a backslash")
    func textBlock() throws {
        let zpl = try format {
            try $0.textBlock(["第一行", "a\\&b"], at: .origin(x: 10, y: 10),
                             font: .file(path: "E:SIMSUN.TTF", height: 24, width: 24),
                             block: ZPLTextBlock(width: 400, maxLines: 2, justification: .center))
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO10,10^A@N,24,24,E:SIMSUN.TTF^FB400,2,0,C"
            + "^FH_^FD第一行\\&a\\\\&b^FS^PQ1^XZ")
    }

    @Test("A QR Code in manual byte mode counts UTF-8 bytes")
    func qrCode() throws {
        let zpl = try format {
            try $0.qrCode("https://e.cn/01/06901234567893/21/ABC", at: .origin(x: 300, y: 20), magnification: 4)
            try $0.qrCode("追溯码", at: .origin(x: 20, y: 20), magnification: 3, errorCorrection: .high)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0"
            + "^FO300,20^BY2,3.0,10^BQN,2,4^FH_^FDMM,B0037https://e.cn/01/06901234567893/21/ABC^FS"
            + "^FO20,20^BY2,3.0,10^BQN,2,3^FH_^FDHM,B0009追溯码^FS^PQ1^XZ")
    }

    @Test("A QR Code in automatic input")
    func qrCodeAutomatic() throws {
        let zpl = try format {
            try $0.qrCode("HTTPS://E.CN/01/1234", at: .origin(x: 0, y: 0), magnification: 5, errorCorrection: .quartile,
                          input: .automatic)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO0,0^BY2,3.0,10^BQN,2,5^FH_^FDQA,HTTPS://E.CN/01/1234^FS^PQ1^XZ")
    }

    @Test("A GS1-128 starts in subset C with FNC1, switches subsets and puts FNC1 at GS")
    func gs1Code128() throws {
        let zpl = try format {
            try $0.gs1Code128(
                symbolData: "010690123456789310AB12\u{1D}21123456", at: .origin(x: 20, y: 200), height: 80)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO20,200^BY2,3.0,80^BCN,80,N,N,N,N"
            + "^FH_^FD>;>8010690123456789310>6AB12>8>521123456^FS^PQ1^XZ")
    }

    @Test("A Code 128 writes '>' as '>0' and packs trailing digits in subset C")
    func code128() throws {
        let zpl = try format {
            try $0.code128(
                "A>B_1234", at: .origin(x: 20, y: 20), height: 50, moduleWidth: 3, interpretationLine: .above)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO20,20^BY3,3.0,50^BCN,50,Y,Y,N,N^FH_^FD>:A>0B_5F>51234^FS^PQ1^XZ")
    }

    @Test("An EAN-13 takes 12 digits")
    func ean13() throws {
        let zpl = try format {
            try $0.ean13("690123456789", at: .origin(x: 20, y: 100), height: 60, orientation: .inverted,
                         interpretationLine: .none)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO20,100^BY2,3.0,60^BEI,60,N,N^FH_^FD690123456789^FS^PQ1^XZ")
    }

    @Test("Boxes and lines")
    func boxes() throws {
        let zpl = try format {
            try $0.box(at: .origin(x: 0, y: 0), width: 480, height: 320, thickness: 3, rounding: 2)
            try $0.horizontalLine(at: .origin(x: 0, y: 100), length: 480, thickness: 2)
            try $0.verticalLine(at: .origin(x: 240, y: 0), length: 100)
            try $0.box(at: .origin(x: 10, y: 10), width: 50, height: 50, thickness: 50, color: .white)
        }
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0^FO0,0^GB480,320,3,B,2^FS^FO0,100^GB480,2,2,B,0^FS"
            + "^FO240,0^GB1,100,1,B,0^FS^FO10,10^GB50,50,50,W,0^FS^PQ1^XZ")
    }

    @Test("A graphic field in Z64, B64 and hex")
    func graphicField() throws {
        let rows: [UInt8] = [0xF0, 0x0F, 0xF0, 0x0F, 0xF0, 0x0F, 0xF0, 0x0F]
        let zpl = try format {
            try $0.graphicField(rows, bytesPerRow: 2, rows: 4, at: .origin(x: 10, y: 10))
            try $0.graphicField(rows, bytesPerRow: 2, rows: 4, at: .origin(x: 10, y: 20), encoding: .b64)
            try $0.graphicField(rows, bytesPerRow: 2, rows: 4, at: .origin(x: 10, y: 30), encoding: .hex)
        }
        // The Z64 text was computed independently with Python:
        // zlib.compressobj(1, zlib.DEFLATED, 12, 4), base64 and binascii.crc_hqx.
        #expect(zpl == "^XA^CI28^PW480^LL320^LH0,0"
            + "^FO10,10^GFA,26,8,2,:Z64:SA37wP8BDAETuAP9:53D5^FS"
            + "^FO10,20^GFA,\(B64.encode(rows).utf8.count),8,2,\(B64.encode(rows))^FS"
            + "^FO10,30^GFA,8,8,2,F00FF00FF00FF00F^FS^PQ1^XZ")
    }
}
