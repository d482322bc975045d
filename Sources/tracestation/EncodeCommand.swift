import ArgumentParser

struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("'encode' is not built yet") }
}
