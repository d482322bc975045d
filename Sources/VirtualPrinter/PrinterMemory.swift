import Imaging
import ZPL

/// What a printer keeps between formats: formats stored by `^DF` and graphics stored by `~DG`.
///
/// Names are kept without their drive letter, upper-cased, so `E:SAMPLE.ZPL` and
/// `R:SAMPLE.ZPL` are one entry, as a printer that searches all drives finds them.
public struct PrinterMemory: Sendable {
    var formats: [String: [ZPLCommand]] = [:]
    var graphics: [String: Bitmap] = [:]

    public init() {}

    static func key(_ name: String, defaultExtension: String) -> String {
        var name = name.trimmingCharacters(in: [" "]).uppercased()
        if name.count > 2, name.dropFirst().first == ":" {
            name = String(name.dropFirst(2))
        }
        return name.contains(".") ? name : name + "." + defaultExtension
    }

    /// Runs `~DGd:o.x,t,w,data`: stores a graphic of `t` bytes, `w` bytes a row.
    mutating func storeGraphic(_ command: ZPLCommand) throws(ZPLError) {
        let parts = command.parameters.split(separator: UInt8(ascii: ","), maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let total = Int(String(decoding: parts[1], as: UTF8.self).trimmingCharacters(in: [" "])),
              let rowBytes = Int(String(decoding: parts[2], as: UTF8.self).trimmingCharacters(in: [" "]))
        else {
            throw ZPLError("~DG", .syntax("expected ~DGd:name.GRF,total bytes,bytes per row,data"))
        }
        let name = Self.key(String(decoding: parts[0], as: UTF8.self), defaultExtension: "GRF")
        graphics[name] = try GraphicData.bitmap(Array(parts[3]), totalBytes: total, bytesPerRow: rowBytes, subject: "~DG \(name)")
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = lastIndex(where: { !set.contains($0) })!
        return String(self[first...last])
    }
}

extension PrinterMemory {
    /// The commands `script` prints, with each `^XF` replaced by the format it recalls; `nil`
    /// when the script stores a format (`^DF`) instead, which is then kept here.
    mutating func commandsToPrint(_ script: ZPLScript) -> [ZPLCommand]? {
        // Most formats neither store nor recall one: their commands print as they are.
        guard script.commands.contains(where: { $0.name == "DF" || $0.name == "XF" }) else { return script.commands }
        var commands: [ZPLCommand] = []
        for (index, command) in script.commands.enumerated() {
            switch command.name {
            case "DF":
                formats[Self.key(String(decoding: command.parameters, as: UTF8.self), defaultExtension: "ZPL")] =
                    Array(script.commands[(index + 1)...])
                return nil
            case "XF":
                commands += formats[Self.key(String(decoding: command.parameters, as: UTF8.self), defaultExtension: "ZPL")] ?? []
            default:
                commands.append(command)
            }
        }
        return commands
    }

    /// Runs the `~` commands that change printer memory (`~DG`); others change nothing here.
    public mutating func run(_ command: ZPLCommand) throws(ZPLError) {
        if command.prefix == .control && command.name == "DG" {
            try storeGraphic(command)
        }
    }
}
