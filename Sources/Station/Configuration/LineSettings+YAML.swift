import Foundation

extension LineSettings {
    /// The keys of one entry of `lines`, in the order the example file writes them.
    static let yamlKeys = ["id", "printer", "device", "template", "verification", "verification_timeout", "minimum_grade",
                           "stop_after_failures", "labels_in_printer", "trigger_port"]
    /// ISO/IEC 15415 overall grades, best first; F accepts any label that reads right.
    public static let grades = ["A", "B", "C", "D", "F"]
    public static let failuresRange = 1...100
    public static let labelsInPrinterRange = 1...1024
    public static let portRange = 1...65535
    /// Seconds a printed label may wait for its camera image: up to an hour, for a camera
    /// that is far down the line.
    public static let verificationTimeoutRange = 1...3600
    /// The raw TCP port of Zebra-compatible printers.
    public static let defaultNetworkPort = 9100

    /// Reads one entry of `lines`; nil when it breaks a rule, after the reader recorded every one.
    ///
    /// ```yaml
    /// - id: line-2
    ///   printer: { host: 10.0.0.21, port: 9100 }   # or virtual (the default)
    ///   device: zebra-zt411-203                    # a profile in Devices/
    ///   template: product-60x40                    # a template in Templates/
    ///   verification: { watch: /srv/camera/line-2 }  # or printer-renders, or none
    ///   verification_timeout: 10                   # seconds a label waits for its image
    ///   minimum_grade: C
    ///   stop_after_failures: 3
    ///   labels_in_printer: 16
    ///   trigger_port: 9200                         # the PLC's trigger lines; none without
    /// ```
    static func read(_ node: ConfigurationNode, reader: ConfigurationReader, labels: ConfigurationLabels) -> LineSettings? {
        let errorsBefore = reader.errors.count
        guard let map = reader.mapping(node, allowed: yamlKeys) else { return nil }
        var line = LineSettings(id: "")
        if let idNode = reader.required("id", in: map), let id = reader.identifier(idNode, what: "line id") {
            line.id = id
        }
        if let printerNode = map["printer"], let printer = printer(printerNode, reader: reader) {
            line.printer = printer
        }
        // A printer written as { host, port } is a network printer even when its address is wrong.
        let isNetwork = map["printer"]?.node.mapping != nil

        if let deviceNode = map["device"] {
            if let device = reader.text(deviceNode) {
                line.device = device
                if let problem = labels.deviceProblem(device) { reader.fail(deviceNode, .invalidValue(problem)) }
            }
        } else if isNetwork {
            reader.fail(node, .invalidValue(
                "the key 'device' is required for a network printer: its profile in Devices/ (available: \(ConfigurationLabels.list(labels.deviceNames)))"))
        }
        if let templateNode = map["template"], let template = reader.text(templateNode) {
            line.template = template
            if let problem = labels.templateProblem(template) { reader.fail(templateNode, .invalidValue(problem)) }
        }

        if let verificationNode = map["verification"] {
            if let verification = verification(verificationNode, reader: reader) {
                line.verification = verification
                if isNetwork, verification == .printerRenders {
                    reader.fail(verificationNode, .invalidValue(
                        "printer-renders needs printer: virtual; a network printer returns no renders, so use { watch: <camera folder> } or none"))
                }
            }
        } else if isNetwork {
            reader.fail(node, .invalidValue(
                "the key 'verification' is required for a network printer: { watch: <camera folder> } or none"))
        }

        if let timeoutNode = map["verification_timeout"], let seconds = reader.int(timeoutNode, in: verificationTimeoutRange) {
            line.verificationTimeout = .seconds(seconds)
            if case .watchedFolder = line.verification {} else {
                reader.warn(timeoutNode, .invalidValue("has no effect: only labels verified from a watched folder wait for an image"))
            }
        }
        if let gradeNode = map["minimum_grade"], let grade = reader.text(gradeNode, expected: "a grade") {
            if grades.contains(grade.uppercased()) {
                line.minimumGrade = grade.uppercased()
                if line.verification == .none {
                    reader.warn(gradeNode, .invalidValue("has no effect: the line's labels are not verified (verification: none)"))
                }
            } else {
                reader.fail(gradeNode, .invalidValue("'\(grade)' is not a grade; use one of \(grades.joined(separator: ", "))"))
            }
        }
        if let failuresNode = map["stop_after_failures"], let failures = reader.int(failuresNode, in: failuresRange) {
            line.maximumConsecutiveFailures = failures
        }
        if let labelsNode = map["labels_in_printer"], let count = reader.int(labelsNode, in: labelsInPrinterRange) {
            line.labelsInPrinter = count
        }
        if let portNode = map["trigger_port"], let port = reader.int(portNode, in: portRange) {
            line.triggerPort = port
        }
        return reader.errors.count == errorsBefore ? line : nil
    }

    private static func printer(_ node: ConfigurationNode, reader: ConfigurationReader) -> PrinterAddress? {
        switch node.node {
        case .scalar where !node.isNull:
            guard let text = reader.text(node) else { return nil }
            guard text == "virtual" else {
                reader.fail(node, .invalidValue("'\(text)' is not a printer; write virtual, or { host: 10.0.0.21, port: 9100 } for a network printer"))
                return nil
            }
            return .virtual
        case .mapping:
            guard let map = reader.mapping(node, allowed: ["host", "port"]) else { return nil }
            let errorsBefore = reader.errors.count
            var host = ""
            if let hostNode = reader.required("host", in: map), let text = reader.text(hostNode) {
                if isHost(text) {
                    host = text
                } else {
                    reader.fail(hostNode, .invalidValue("'\(text)' is not a host name or IP address; write it bare, without a scheme, port or path"))
                }
            }
            var port = defaultNetworkPort
            if let portNode = map["port"], let value = reader.int(portNode, in: portRange) { port = value }
            return reader.errors.count == errorsBefore ? .network(host: host, port: port) : nil
        default:
            reader.fail(node, .wrongType(expected: "virtual or a mapping { host: …, port: 9100 }", found: node.found))
            return nil
        }
    }

    private static func verification(_ node: ConfigurationNode, reader: ConfigurationReader) -> VerificationSource? {
        switch node.node {
        case .scalar where !node.isNull:
            guard let text = reader.text(node) else { return nil }
            switch text {
            case "printer-renders": return .printerRenders
            case "none": return VerificationSource.none
            default:
                reader.fail(node, .invalidValue("'\(text)' is not a verification source; use printer-renders, none or { watch: <camera folder> }"))
                return nil
            }
        case .mapping:
            guard let map = reader.mapping(node, allowed: ["watch"]),
                  let folderNode = reader.required("watch", in: map), let folder = reader.text(folderNode) else { return nil }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    reader.fail(folderNode, .invalidValue("'\(folder)' is a file; name the folder the camera writes its images to"))
                    return nil
                }
            } else {
                reader.warn(folderNode, .invalidValue("the folder '\(folder)' does not exist yet; the line sees no images until it does"))
            }
            return .watchedFolder(folder)
        default:
            reader.fail(node, .wrongType(expected: "printer-renders, none or a mapping { watch: <folder> }", found: node.found))
            return nil
        }
    }

    /// A DNS name or an IPv4 or IPv6 address, with nothing around it.
    static func isHost(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 253
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-:_".unicodeScalars.contains(scalar))
            }
    }

    /// `host:port` for network printers, lower-cased, so two lines cannot share one.
    var printerKey: String? {
        guard case .network(let host, let port) = printer else { return nil }
        return "\(host.lowercased()):\(port)"
    }
}
