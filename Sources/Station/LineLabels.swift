import Labels
import Ledger
import Symbology
import TraceCodes
import Verification
import VirtualPrinter

/// Fills the line's template for each issued code and renders it as ZPL.
///
/// Owns a `LabelRenderer` (a FreeType face) and a per-batch cache, so it must be used by one
/// thread at a time: `LabelRenderers` gives each of its own to one task at a time, which is
/// why it is `@unchecked Sendable`.
final class LineLabels: @unchecked Sendable {
    let renderer: LabelRenderer
    /// Product particulars: the template's sample, overridden by the line's values.
    let values: FieldValues
    private let subject: String
    private var builder: (batch: Int64, code: GS1ItemCodeBuilder, domain: String, values: FieldValues)?

    init(library: LabelLibrary, settings: LineSettings, values: FieldValues) throws(StationError) {
        subject = "line \(settings.id)"
        let template: LabelTemplate
        let device: DeviceProfile
        do {
            template = try library.template(settings.template)
        } catch {
            throw StationError(subject, "template \"\(settings.template)\": \(error)")
        }
        do {
            device = try library.device(settings.device)
        } catch {
            throw StationError(subject, "device \"\(settings.device)\": \(error)")
        }
        do {
            renderer = try LabelRenderer(template: template, device: device)
        } catch {
            throw StationError(subject, "template \"\(settings.template)\" on device \"\(settings.device)\": \(error)")
        }
        self.values = template.sample.merging(values)
    }

    /// Dots per millimetre of the line's printer.
    var dotsPerMillimetre: Int { renderer.device.dotsPerMillimetre }

    /// The label of one issued code of `batch`: its format and the symbol it must read as.
    func label(for issued: IssuedCode, of batch: Batch) throws(StationError) -> LineLabel {
        let filled: FieldValues
        do {
            filled = try values(for: batch).merging(FieldValues(code: try codeBuilder(for: batch).code(serial: issued.serial),
                                                                  domain: batch.spec.domain))
        } catch {
            throw StationError(subject, "code \(issued.value): \(error)")
        }
        do {
            let layout = try renderer.layout(filled)
            guard let expected = Self.expectedSymbol(in: layout) else {
                throw StationError(subject, "template \"\(renderer.template.file)\" has no QR code or barcode to verify the label by")
            }
            let format = try renderer.zpl(of: layout).bytes
            return LineLabel(code: issued.value, format: format, formatHash: VirtualPrinter.formatHash(format), expected: expected)
        } catch let error as StationError {
            throw error
        } catch {
            throw StationError(subject, "label for \(issued.value): \(error)")
        }
    }

    private func codeBuilder(for batch: Batch) throws(StationError) -> GS1ItemCodeBuilder {
        try builderState(for: batch).code
    }

    private func values(for batch: Batch) throws(StationError) -> FieldValues {
        try builderState(for: batch).values
    }

    private func builderState(for batch: Batch) throws(StationError) -> (batch: Int64, code: GS1ItemCodeBuilder, domain: String, values: FieldValues) {
        if let builder, builder.batch == batch.id { return builder }
        do {
            let code = try GS1ItemCodeBuilder(gtin: batch.spec.gtin, lot: batch.spec.lot, productionDate: batch.spec.productionDate)
            var batchValues = ["batch.lot": batch.spec.lot]
            if let date = batch.spec.productionDate { batchValues["batch.date"] = date }
            let state = (batch.id, code, batch.spec.domain, values.merging(FieldValues(batchValues)))
            builder = state
            return state
        } catch {
            throw StationError(subject, "batch \(batch.id): \(error)")
        }
    }

    /// The first QR code or barcode of the layout: the one that carries the item's code.
    static func expectedSymbol(in layout: LabelLayout) -> ExpectedSymbol? {
        for element in layout.elements {
            switch element.content {
            case .qr(let qr):
                return ExpectedSymbol(symbology: .qr, data: qr.data)
            case .linear(let linear):
                let symbology: BarcodeSymbology = switch linear.kind {
                case .qr, .gs1QR: .qr
                case .code128: .code128
                case .gs1_128: .gs1128
                case .ean13: .ean13
                case .upca: .upcA
                }
                return ExpectedSymbol(symbology: symbology, data: linear.data)
            default:
                continue
            }
        }
        return nil
    }
}
