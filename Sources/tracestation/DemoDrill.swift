import VirtualPrinter

/// The faults the demo shows: the paper runs out after about 40% of the labels and is loaded
/// a moment later; one label at about 70% comes out unreadable.
struct DemoDrill: Sendable {
    /// The odometer count at which the paper runs out.
    let paperOutAfter: Int
    /// The odometer count of the label printed with its QR code wiped.
    let damagedLabel: Int
    /// How long the line waits for the operator to load paper.
    let reloadDelay = Duration.milliseconds(1500)

    init(count: Int) {
        paperOutAfter = max(1, count * 2 / 5)
        damagedLabel = max(1, count * 7 / 10)
    }

    var faults: PrinterFaults {
        var faults = PrinterFaults()
        faults.paperOutAfter = paperOutAfter
        faults.damagedLabels = [damagedLabel]
        return faults
    }
}
