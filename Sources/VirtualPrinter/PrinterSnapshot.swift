import Foundation

/// What `GET /status` shows of a virtual printer.
public struct PrinterSnapshot: Sendable, Codable, Equatable {
    public var odometer: Int
    /// Faults set, as `NAME=VALUE`.
    public var faults: [String]
    public var formatsInBuffer: Int
    public var labelsInBuffer: Int
    public var connected: Bool
    public var problems: [String]

    enum CodingKeys: String, CodingKey {
        case odometer, faults, connected, problems
        case formatsInBuffer = "formats_in_buffer"
        case labelsInBuffer = "labels_in_buffer"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func errorJSON(_ message: String) -> String {
        let encoded = (try? JSONEncoder().encode(["error": message])).map { String(decoding: $0, as: UTF8.self) }
        return encoded ?? "{}"
    }
}

extension VirtualPrinter {
    public func snapshot() -> PrinterSnapshot {
        PrinterSnapshot(odometer: odometer, faults: faults.assignments, formatsInBuffer: bufferedFormats,
                        labelsInBuffer: bufferedLabels, connected: isConnected, problems: problems)
    }
}
