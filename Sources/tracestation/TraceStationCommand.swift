import ArgumentParser

@main
struct TraceStationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracestation",
        abstract: "Line-side trace-code station: issue, label, print, verify and report trace codes.",
        subcommands: [
            CodesCommand.self, EncodeCommand.self, DecodeCommand.self, LabelCommand.self, TemplateCommand.self,
            PrinterSimCommand.self, BatchCommand.self, AuditCommand.self, DemoCommand.self, BenchCommand.self,
            PrinterCommand.self, PrintCommand.self,
        ]
    )
}
