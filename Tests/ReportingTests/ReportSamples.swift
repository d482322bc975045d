import Foundation
import PropertyBased
import Reporting

/// Generators of valid reports: check characters right, times ISO 8601 with an offset, and
/// text that exercises escaping (quotes, backslashes, slashes, Chinese, control characters).
enum ReportSamples {
    static let usccCharacters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// GB 32100: weights 3^(i-1) mod 31, check = (31 - Σ mod 31) mod 31.
    static func usccCheck(_ body: String) -> Character {
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(body, weights).reduce(0) { $0 + usccCharacters.firstIndex(of: $1.0)! * $1.1 }
        return usccCharacters[(31 - sum % 31) % 31]
    }

    static func gtinCheck(_ body: String) -> Character {
        let sum = body.reversed().enumerated().reduce(0) { $0 + Int(String($1.1))! * ($1.0 % 2 == 0 ? 3 : 1) }
        return Character(String((10 - sum % 10) % 10))
    }

    static let usccCharacter = Gen.element(of: usccCharacters).map { $0! }
    /// Registration authority and type, a 6-digit region code, the organisation code, the check character.
    static let uscc = zip(usccCharacter.string(of: 2), Gen.number.string(of: 6), usccCharacter.string(of: 9))
        .map { head, region, organisation in head + region + organisation }
        .map { $0 + String(usccCheck($0)) }
    static let gtin14 = Gen.number.string(of: 13).map { $0 + String(gtinCheck($0)) }

    static let textCharacters: [Character] = Array("AZaz09 -_./:\"\\中文码合格批次\u{7}\n\té")
    static let text = Gen.element(of: textCharacters).map { $0! }.string(of: 1...12)
    static let word = Gen.element(of: Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")).map { $0! }.string(of: 1...10)

    /// `YYYY-MM-DD` from 2001 to 2099.
    static let date = zip(Gen.int(in: 2001...2099), Gen.int(in: 1...12), Gen.int(in: 1...28)).map { year, month, day in
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    static let offsets = ["+08:00", "+00:00", "-05:00", "+05:30", "Z"]

    /// ISO 8601 with milliseconds and an offset, between 2001 and 2099.
    static let timestamp = zip(Gen.int64(in: 978_307_200_000...4_102_444_799_999), Gen.element(of: offsets).map { $0! })
        .map { milliseconds, offset in iso8601(milliseconds: milliseconds, offset: offset) }

    static func iso8601(milliseconds: Int64, offset: String) -> String {
        var seconds = 0
        if offset != "Z" {
            let sign = offset.hasPrefix("-") ? -1 : 1
            let parts = offset.dropFirst().split(separator: ":").map { Int($0)! }
            seconds = sign * (parts[0] * 3600 + parts[1] * 60)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: seconds)!
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d", parts.year!, parts.month!, parts.day!, parts.hour!,
                      parts.minute!, parts.second!, Int(milliseconds % 1000)) + offset
    }

    static let verification = Gen.element(of: [CodeRecord.Verification.pass, .fail, .unverified, .unconfirmed]).map { $0! }

    static let codeRecord = zip(gtin14, word, timestamp, word, verification, Gen.bool)
        .map { gtin, serial, printedAt, line, verification, isEcode in
            isEcode
                ? CodeRecord(scheme: "ECODE", code: "10001" + serial, payload: "10001" + serial, printedAt: printedAt,
                             line: "LINE-" + line, verification: verification)
                : CodeRecord(scheme: "GS1", code: "https://id.gs1.org/01/\(gtin)/21/\(serial)",
                             payload: "(01)\(gtin)(21)\(serial)", printedAt: printedAt, line: "LINE-" + line,
                             verification: verification)
        }

    static let voidRecord = zip(gtin14, word, timestamp, text, Gen.bool).map { gtin, serial, voidedAt, reason, replaced in
        VoidRecord(scheme: "GS1", code: "https://id.gs1.org/01/\(gtin)/21/V\(serial)", voidedAt: voidedAt, reason: reason,
                   replacedBy: replaced ? "https://id.gs1.org/01/\(gtin)/21/R\(serial)" : nil)
    }

    static let shipment = zip(word, uscc, text, date, word.array(of: 0...3), Gen.bool, Gen.bool)
        .map { id, consignee, name, date, codes, byQuantity, hasDocument in
            Shipment(id: "S" + id, consigneeUSCC: consignee, consigneeName: name, date: date,
                     codes: byQuantity ? [] : codes.map { "https://id.gs1.org/01/06901234567892/21/\($0)" },
                     quantity: byQuantity ? codes.count + 1 : nil, unit: byQuantity ? "PCS" : nil,
                     documentNumber: hasDocument ? "WB" + id : nil)
        }

    static let producer = zip(uscc, text, text, Gen.bool, Gen.bool).map { uscc, name, address, licensed, withContact in
        Producer(uscc: uscc, name: name, address: address, productionLicences: licensed ? ["XK16-205-01234"] : [],
                 cccCertificates: licensed ? ["2024010901123456"] : [], factoryCode: licensed ? "F01" : nil,
                 contact: withContact ? "0571-8888 0000" : nil)
    }

    static let product = zip(gtin14, text, Gen.bool, Gen.bool).map { gtin, name, full, inspected in
        Product(gtin: gtin, name: name, model: full ? "SK-1701" : nil, category: full ? "家用电器" : nil,
                brand: full ? "示例" : nil, standard: full ? "GB 4706.19-2008" : nil,
                licence: full ? "XK16-205-01234" : nil, codeScheme: "GS1",
                inspection: inspected ? Inspection(conclusion: "合格", reportNumber: full ? "QC-1" : nil) : nil)
    }

    static let batch = zip(Gen.int64(in: 1...1_000_000), word, Gen.bool, date, Gen.int(in: 1...100_000))
        .map { id, lot, dated, date, quantity in
            BatchInfo(id: id, lot: lot, productionDate: dated ? date : nil, quantity: quantity)
        }

    static let report = zip(producer, product, batch, codeRecord.array(of: 0...8), voidRecord.array(of: 0...4),
                            shipment.array(of: 0...2))
        .map { producer, product, batch, codes, voids, shipments in
            BatchReport(producer: producer, product: product, batch: batch, codes: codes, voids: voids, shipments: shipments)
        }

    static let chunk = zip(report, timestamp, Gen.int(in: 1...5)).map { report, createdAt, chunks in
        ReportChunk(report: ReportHeader(id: "station-1/\(report.batch.id)", chunk: 1, chunks: chunks, createdAt: createdAt),
                    producer: report.producer, product: report.product, batch: report.batch, codes: report.codes,
                    voids: report.voids, shipments: report.shipments)
    }

    /// `../shared/fixtures/epcis` beside the repository: this file is
    /// `<repo>/Tests/ReportingTests/ReportSamples.swift` and `shared` sits next to `<repo>`.
    static let epcisFixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/epcis")

    static var epcisFixturesExist: Bool {
        FileManager.default.fileExists(atPath: epcisFixtures.appendingPathComponent("EPCIS-JSON-Schema.json").path)
    }

    /// Runs `scripts/validate-json-schema.py` on `documents` (JSON bytes each) against `schema`,
    /// returning its exit status and output. A missing validator is a failure, not a skip.
    static func validate(_ documents: [[UInt8]], against schema: URL) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let file = folder.appendingPathComponent("document-\(index).json")
            try Data(document).write(to: file)
            paths.append(file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("scripts/validate-json-schema.py").path, schema.path] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The repository's root folder.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
