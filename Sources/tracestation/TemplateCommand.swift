import ArgumentParser
import Labels

/// `tracestation template`: check templates before they reach a line.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Check label templates against a printer profile.",
        subcommands: [Lint.self]
    )
}

extension TemplateCommand {
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lay a template out on a printer with its sample values and report every rule it breaks.",
            discussion: """
                Prints one finding a line, `error|warning: <template file>:<line>: element <n> (<id or type>): <rule>`, \
                and exits 1 when there is an error. Rules: a symbol module under 2 dots or under \
                the symbology's minimum X-dimension (GS1-128 and Code 128 0.250 mm, EAN-13 and \
                UPC-A 0.264 mm, QR 0.250 mm); text, symbols with their quiet zones or pictures \
                overlapping (boxes and lines may surround anything); an element leaving the \
                label; text that does not fit its box after wrapping or shrinking; characters the \
                font lacks; a label wider than the print width. A label of another size than the \
                loaded media is a warning.

                TEMPLATE and --device take a name from Templates/ and Devices/ or a file path.

                Example:
                  tracestation template lint product-60x40 --device zebra-zt411-203
                """
        )

        @Argument(help: ArgumentHelp("Template name or file.", valueName: "template"))
        var template: String

        @Option(help: ArgumentHelp("Printer profile name or file.", valueName: "device"))
        var device: String

        func run() async throws {
            let findings: [LintFinding]
            do throws(LabelError) {
                let library = LabelLibrary.standard()
                let renderer = try LabelRenderer(template: library.template(template), device: library.device(device))
                findings = try renderer.check(renderer.template.sample).findings
            } catch {
                print("error: \(error)")
                throw ExitCode.failure
            }
            for finding in findings { print(finding) }
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        }
    }
}
