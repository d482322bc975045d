import Foundation
import Labels
import Ledger
import Station
import Testing
import VirtualPrinter

@Suite("Line verified from a camera's watched folder", .serialized)
struct CameraVerificationTests {
    /// Longer than any test's deadline: no label fails for want of time.
    static let patient = Duration.seconds(600)

    /// A line on the virtual printer whose labels are verified from `camera/` in its folder.
    static func cameraLine(quantity: Int, faults: [String] = [], timeout: Duration = patient,
                           maximumConsecutiveFailures: Int = 3, labelsInPrinter: Int = 4) async throws -> LineFixture {
        try await LineFixture.start(quantity: quantity, faults: faults, maximumConsecutiveFailures: maximumConsecutiveFailures,
                                    labelsInPrinter: labelsInPrinter) { settings, folder in
            settings.verification = .watchedFolder("\(folder)/camera")
            settings.verificationTimeout = timeout
        }
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("Each label is verified from its camera image; the images are kept in done/")
    func everyLabelVerified() async throws {
        let line = try await Self.cameraLine(quantity: 8)
        let camera = Camera(renders: line.workflow.labelFolder, folder: "\(line.folder)/camera")
        defer { Task { await camera.stop(); await line.finish() } }
        let status = try await line.run(8)
        #expect(status.state == .idle && status.good == 8 && status.verifiedPass == 8 && status.printed == 8)
        #expect(status.verifiedFail == 0 && status.voided == 0 && status.unmatchedImages == 0)
        #expect(status.recentVerdicts.count == 8 && status.recentVerdicts.allSatisfy { $0.passed && $0.grade != nil })
        #expect(status.lastLabelImages.count == 8 && status.lastLabelImages.allSatisfy { $0.hasPrefix("\(line.folder)/camera/done/cam-") })
        // The watch moves an image once its verdict is in, which may be just after the run ends.
        _ = try await withDeadline {
            while Self.files(in: "\(line.folder)/camera/done").count < 8 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(Self.files(in: "\(line.folder)/camera/failed").isEmpty)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.issued == 8 && counts.verifiedPass == 8 && counts.isBalanced, "\(counts.table)")
    }

    @Test("Images may come in any order, before or after the printer proves their labels printed", arguments: [5, 17])
    func anyOrder(seed: UInt64) async throws {
        // Every label printed, then all their images at once, shuffled: the line lets all ten
        // await their verdict only when it keeps as many in the printer.
        let line = try await Self.cameraLine(quantity: 10, labelsInPrinter: 10)
        let camera = Camera(renders: line.workflow.labelFolder, folder: "\(line.folder)/camera", holdBack: 10, seed: seed)
        defer { Task { await camera.stop(); await line.finish() } }
        let status = try await line.run(10)
        #expect(status.good == 10 && status.verifiedPass == 10 && status.voided == 0 && status.unmatchedImages == 0)
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 10 && counts.isBalanced, "\(counts.table)")
    }

    @Test("Another line's label is counted as unmatched, kept in failed/, and voids nothing")
    func foreignLabel() async throws {
        let library = LabelLibrary.standard()
        let template = try library.template("product-60x40")
        let foreign = try LabelRenderer(template: template, device: try library.device("virtual-203")).png(template.sample)
        let line = try await Self.cameraLine(quantity: 5)
        let camera = Camera(renders: line.workflow.labelFolder, folder: "\(line.folder)/camera") { index, render in
            [("cam-\(index).png", render)] + (index == 2 ? [("other-line.png", foreign)] : [])
        }
        defer { Task { await camera.stop(); await line.finish() } }
        let status = try await line.run(5)
        #expect(status.good == 5 && status.verifiedPass == 5 && status.verifiedFail == 0 && status.voided == 0)
        _ = try await withDeadline {
            while await line.workflow.snapshot.unmatchedImages == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(await line.workflow.snapshot.unmatchedImages == 1)
        _ = try await withDeadline {
            while Self.files(in: "\(line.folder)/camera/failed") != ["other-line.png"] { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(await line.workflow.virtualPrinter?.odometer == 5)
    }

    @Test("An image that shows its label but fails the rules fails the label at once: voided and reprinted, no timeout")
    func judgedFromItsImage() async throws {
        let library = LabelLibrary.standard()
        let template = try library.template("product-60x40")
        let foreign = try LabelRenderer(template: template, device: try library.device("virtual-203")).png(template.sample)
        let line = try await Self.cameraLine(quantity: 5)
        // Label 2's image also takes in another label: two symbols where one was printed.
        let camera = Camera(renders: line.workflow.labelFolder, folder: "\(line.folder)/camera") { index, render in
            [("cam-\(index).png", index == 2 ? (try? Camera.sideBySide(render, foreign)) ?? [] : render)]
        }
        defer { Task { await camera.stop(); await line.finish() } }
        let status = try await line.run(5)
        #expect(status.good == 5 && status.verifiedFail == 1 && status.voided == 1 && status.unmatchedImages == 0)
        #expect(await line.workflow.virtualPrinter?.odometer == 6)
        let records = try await line.ledger.reportableRecords(batch: line.batch.id, destination: nil)
        #expect(records.voids.count == 1 && records.voids.first?.reason.contains("2 symbols found where one was printed") == true,
                "\(records.voids)")
    }

    @Test("A damaged label's image cannot say which label it is: nothing is voided for it, and the label fails when its time is up")
    func damagedLabelTimesOut() async throws {
        // Generous failures in a row: on a loaded machine a good image may be late too.
        let line = try await Self.cameraLine(quantity: 6, faults: ["damage-label=3"], timeout: .seconds(5), maximumConsecutiveFailures: 10)
        let camera = Camera(renders: line.workflow.labelFolder, folder: "\(line.folder)/camera")
        defer { Task { await camera.stop(); await line.finish() } }
        let status = try await line.run(6)
        #expect(status.state == .idle && status.good == 6)
        #expect(status.unmatchedImages >= 1 && status.verifiedFail >= 1 && status.voided == status.verifiedFail)
        #expect(await line.workflow.virtualPrinter?.odometer == 6 + status.voided)
        let records = try await line.ledger.reportableRecords(batch: line.batch.id, destination: nil)
        #expect(records.voids.contains { $0.reason.contains("no camera image within 5") && $0.replacedBy != nil }, "\(records.voids)")
        let counts = try await line.ledger.reconcile(batch: line.batch.id)
        #expect(counts.verifiedPass == 6 && counts.voided == status.voided && counts.reprinted == status.voided && counts.isBalanced,
                "\(counts.table)")
        #expect(try await line.ledger.verifyAudit(trustedKey: nil).isIntact)
    }

    @Test("A network printer's labels are verified from the camera alone")
    func networkPrinter() async throws {
        let renders = FileManager.default.temporaryDirectory.appendingPathComponent("printer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: renders, withIntermediateDirectories: true)
        let printer = VirtualPrinter(configuration: .init(dotsPerMillimetre: 8, outputDirectory: renders, renders: true),
                                     fonts: try PrinterFonts.installed())
        let server = try await PrinterServer.start(printer: printer, port: 0)
        let port = try #require(server.localAddress?.port)
        let line = try await LineFixture.start(quantity: 4) { settings, folder in
            settings.printer = .network(host: "127.0.0.1", port: port)
            settings.verification = .watchedFolder("\(folder)/camera")
            settings.verificationTimeout = Self.patient
        }
        let camera = Camera(renders: renders, folder: "\(line.folder)/camera")
        defer {
            Task {
                await camera.stop()
                await line.finish()
                try? await server.close()
                try? FileManager.default.removeItem(atPath: renders)
            }
        }
        #expect(line.workflow.virtualPrinter == nil)
        let status = try await line.run(4)
        #expect(status.good == 4 && status.verifiedPass == 4 && status.unmatchedImages == 0)
        #expect(await printer.odometer == 4)
    }
}
