/// One of the eight data mask patterns (ISO/IEC 18004 table 10): the data modules where the
/// condition holds are inverted, to avoid large blocks and finder-like runs.
struct QRMask: Hashable, Sendable {
    static let all = (0..<8).map(QRMask.init)

    /// The mask pattern reference written in the format information, 0…7.
    let reference: Int

    init(_ reference: Int) {
        precondition((0..<8).contains(reference), "QR mask references are 0…7")
        self.reference = reference
    }

    /// Whether the module in column `x`, row `y` is inverted.
    func inverts(x: Int, y: Int) -> Bool {
        switch reference {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }
}
