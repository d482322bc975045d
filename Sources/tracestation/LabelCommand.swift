import ArgumentParser
import Foundation
import Labels

/// `tracestation label`: render labels from a template and a printer profile.
struct LabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Render labels from a template and a printer profile to PNG and ZPL.",
        subcommands: [Render.self]
    )
}

extension LabelCommand {
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render one label as a PNG at the printer's resolution and as the ZPL that prints it.",
            discussion: """
                --template and --device take a file path or a name: <name>.yaml is looked for \
                under Templates/ or Devices/ in the current directory, in $TRACESTATION_HOME, \
                then in the folders above the executable.

                Values fill the template's placeholders ({{product.name}}, {{batch.date | date: yyyy-MM-dd}}): \
                first the template's own sample values with --sample, then --data (a JSON object; \
                nested objects give dotted keys), then each --set key=value.

                The label is checked first (module sizes, overlaps, text that does not fit, the \
                print width); any error stops the render, naming the template line and element. \
                With neither --png nor --zpl, the ZPL goes to standard output.

                Examples:
                  tracestation label render --template product-60x40 --device zebra-zt411-203 --sample --png label.png
                  tracestation label render --template carton-100x60 --device virtual-300 --data item.json \
                --set batch.lot=L2025B --zpl label.zpl
                """
        )

        @Option(help: ArgumentHelp("Template name or file.", valueName: "template"))
        var template: String

        @Option(help: ArgumentHelp("Printer profile name or file.", valueName: "device"))
        var device: String

        @Flag(help: "Start from the template's sample values, so any template previews without data.")
        var sample = false

        @Option(name: .customLong("set"), help: ArgumentHelp("A value for one placeholder key; repeatable.", valueName: "key=value"))
        var settings: [String] = []

        @Option(help: ArgumentHelp("A JSON object of values.", valueName: "file.json"))
        var data: String?

        @Option(help: ArgumentHelp("PNG file to write.", valueName: "file.png"))
        var png: String?

        @Option(help: ArgumentHelp("ZPL file to write.", valueName: "file.zpl"))
        var zpl: String?

        func validate() throws {
            do {
                _ = try FieldValues(settings: settings)
            } catch {
                throw ValidationError("--set: \(error)")
            }
        }

        func run() async throws {
            do throws(LabelError) {
                try render()
            } catch {
                complain("error: \(error)")
                throw ExitCode.failure
            }
        }

        private func render() throws(LabelError) {
            let library = LabelLibrary.standard()
            let renderer = try LabelRenderer(template: library.template(template), device: library.device(device))
            let values = try values(for: renderer.template)
            for warning in try renderer.check(values).findings where warning.severity == .warning {
                complain(warning.description)
            }
            if let png { try write(renderer.png(values), to: png) }
            if let zpl { try write(renderer.zpl(values).bytes, to: zpl) }
            if png == nil && zpl == nil { print(try renderer.zpl(values).text) }
        }

        private func values(for template: LabelTemplate) throws(LabelError) -> FieldValues {
            var values = sample ? template.sample : FieldValues()
            if let data {
                guard let bytes = FileManager.default.contents(atPath: data) else { throw LabelError(file: data, "cannot read the file") }
                values = values.merging(try FieldValues(json: Array(bytes), file: data))
            }
            let set = try FieldValues(settings: settings)
            let used = Set(template.keys)
            for key in set.values.keys.sorted() where !used.contains(key) {
                complain("warning: --set \(key): \(template.file) does not use this key; it uses \(template.keys.joined(separator: ", "))")
            }
            return values.merging(set)
        }

        /// A line on standard error, where warnings and errors go so that standard output stays data.
        private func complain(_ message: String) {
            FileHandle.standardError.write(Data("\(message)\n".utf8))
        }

        private func write(_ bytes: [UInt8], to path: String) throws(LabelError) {
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw LabelError(file: path, "cannot write the file")
            }
        }
    }
}
