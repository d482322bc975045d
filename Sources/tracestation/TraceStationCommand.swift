import ArgumentParser

@main
struct TraceStationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracestation",
        abstract: "Line-side trace-code station: issue, label, print, verify and report trace codes.",
        subcommands: [
            CodesCommand.self, EncodeCommand.self, DecodeCommand.self, VerifyCommand.self, LabelCommand.self,
            TemplateCommand.self, PrintCommand.self, PrinterCommand.self, PrinterSimCommand.self, PlatformSimCommand.self, BatchCommand.self,
            OutboxCommand.self, ConfigCommand.self, ServeCommand.self,
            AuditCommand.self, DemoCommand.self, BenchCommand.self,
        ]
    )
}
