import ArgumentParser

struct CodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "codes", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("'codes' is not built yet") }
}
