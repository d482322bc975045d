import Foundation
@testable import Labels

/// The templates and printer profiles the project ships, found from the package root.
enum Shipped {
    static let library = LabelLibrary.standard()
    static let templates = library.names(in: "Templates")
    static let devices = library.names(in: "Devices")

    /// Every template with every device.
    static let pairs: [(String, String)] = templates.flatMap { template in devices.map { (template, $0) } }

    static func renderer(_ template: String, _ device: String) throws -> LabelRenderer {
        try LabelRenderer(template: library.template(template), device: library.device(device))
    }

    /// The package root, where `Tests/LabelsTests/Golden` lives.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
