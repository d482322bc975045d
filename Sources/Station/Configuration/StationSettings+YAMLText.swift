extension StationSettings {
    /// The settings as a configuration file that reads back equal, every key written out.
    /// Tokens are written inline (`token:`), so keep the text as private as the tokens.
    func yamlText() -> String {
        var text = """
            station: { id: \(Self.quoted(stationID)), output: \(Self.quoted(outputDirectory)) }
            ledger: { path: \(Self.quoted(ledgerPath))\(ledgerURL.map { ", url: \(Self.quoted($0))" } ?? ""), \
            lease_reserve: \(sharedLedger.leaseReserve), answer_timeout: \(sharedLedger.answerTimeout.components.seconds) }
            http: { port: \(httpPort) }

            """
        if let reportingProfile { text += "reporting: { profile: \(Self.quoted(reportingProfile)) }\n" }
        text += "lines:\n"
        for line in lines {
            text += "  - id: \(Self.quoted(line.id))\n"
            switch line.printer {
            case .virtual: text += "    printer: virtual\n"
            case .network(let host, let port): text += "    printer: { host: \(Self.quoted(host)), port: \(port) }\n"
            }
            text += "    device: \(Self.quoted(line.device))\n"
            text += "    template: \(Self.quoted(line.template))\n"
            switch line.verification {
            case .printerRenders: text += "    verification: printer-renders\n"
            case .watchedFolder(let folder): text += "    verification: { watch: \(Self.quoted(folder)) }\n"
            case .none: text += "    verification: none\n"
            }
            // Written for a watched folder, where it matters, and wherever it is not the default
            // (it then reads back equal, with a warning that it has no effect).
            let watched = if case .watchedFolder = line.verification { true } else { false }
            if watched || line.verificationTimeout != LineSettings.defaultVerificationTimeout {
                text += "    verification_timeout: \(line.verificationTimeout.components.seconds)\n"
            }
            if let grade = line.minimumGrade { text += "    minimum_grade: \(grade)\n" }
            text += "    stop_after_failures: \(line.maximumConsecutiveFailures)\n"
            text += "    labels_in_printer: \(line.labelsInPrinter)\n"
            if let port = line.triggerPort { text += "    trigger_port: \(port)\n" }
        }
        if !users.isEmpty {
            text += "users:\n"
            for user in users {
                text += "  - { name: \(Self.quoted(user.name)), role: \(user.role.rawValue), token: \(Self.quoted(user.token)) }\n"
            }
        }
        return text
    }

    /// A YAML double-quoted scalar: any text, read back as written.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
