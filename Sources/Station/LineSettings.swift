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
    /// How long a printed label waits for its camera image (watched folder only) before it is
    /// failed, voided and reprinted: an image that cannot be read cannot say which label it
    /// shows, so only the missing verdict tells the line a label went unseen.
    public var verificationTimeout: Duration
    /// The TCP port on which the line's PLC sends one line of text per item (trigger mode);
    /// nil when the line has no PLC.
    public var triggerPort: Int?

    public init(id: String, printer: PrinterAddress = .virtual, device: String = "virtual-203",
                template: String = "product-60x40", verification: VerificationSource = .printerRenders,
                minimumGrade: String? = nil, maximumConsecutiveFailures: Int = 3, labelsInPrinter: Int = 16,
                verificationTimeout: Duration = LineSettings.defaultVerificationTimeout, triggerPort: Int? = nil) {
        self.id = id
        self.printer = printer
        self.device = device
        self.template = template
        self.verification = verification
        self.minimumGrade = minimumGrade
        self.maximumConsecutiveFailures = maximumConsecutiveFailures
        self.labelsInPrinter = labelsInPrinter
        self.verificationTimeout = verificationTimeout
        self.triggerPort = triggerPort
    }

    /// Ample for a camera at the printer's exit, whose image lands within a second or two.
    public static let defaultVerificationTimeout = Duration.seconds(10)
}
