/// How one production line is set up: its printer, its label, how its labels are verified and
/// when it stops. The station's configuration file holds one per line.
public struct LineSettings: Sendable, Hashable {
    /// Where the line's printer is.
    public enum PrinterAddress: Sendable, Hashable {
        /// A virtual printer the station starts in-process on loopback, on a free port.
        case virtual
        /// A Zebra-compatible printer on raw TCP (port 9100 as a rule).
        case network(host: String, port: Int)
    }

    /// Where the pictures of printed labels come from.
    public enum VerificationSource: Sendable, Hashable {
        /// The virtual printer's own renders: every label is verified as printed.
        case printerRenders
        /// Images a camera drops into this folder.
        case watchedFolder(String)
        /// Labels are not verified at the line.
        case none
    }

    /// Unique within the station, such as `line-1`; used in the API, the dashboard and the ledger.
    public var id: String
    public var printer: PrinterAddress
    /// A printer profile in `Devices/` (name or file).
    public var device: String
    /// A label template in `Templates/` (name or file).
    public var template: String
    public var verification: VerificationSource
    /// A label below this grade fails verification; nil accepts any label that reads right.
    public var minimumGrade: String?
    /// Failed verifications in a row after which the line stops and raises an alarm.
    public var maximumConsecutiveFailures: Int
    /// Labels sent to the printer and not yet proven printed, at most.
    public var labelsInPrinter: Int

    public init(id: String, printer: PrinterAddress = .virtual, device: String = "virtual-203",
                template: String = "product-60x40", verification: VerificationSource = .printerRenders,
                minimumGrade: String? = nil, maximumConsecutiveFailures: Int = 3, labelsInPrinter: Int = 16) {
        self.id = id
        self.printer = printer
        self.device = device
        self.template = template
        self.verification = verification
        self.minimumGrade = minimumGrade
        self.maximumConsecutiveFailures = maximumConsecutiveFailures
        self.labelsInPrinter = labelsInPrinter
    }
}
