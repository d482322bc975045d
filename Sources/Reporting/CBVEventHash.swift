import Crypto
import Foundation

/// The EPCIS event hash of GS1 CBV 2.0 §8.9: an event ID that any party computes from the
/// event's content alone, `ni:///sha-256;<hex>?ver=CBV2.0`.
///
/// The pre-hash string follows the reference implementation (RalphTro/epcis-event-hash-generator):
/// `eventType=…`, then the standard fields in the CBV order, each `name=value` with lists
/// sorted, then every other field (ILMD, extensions) sorted; no separators. Values are
/// canonicalised: times in UTC with milliseconds and `Z`, CBV bare words as web-vocabulary
/// URIs, numbers without redundant zeros, EPC URNs and Digital Link URIs as canonical
/// `https://id.gs1.org/…` URIs. `recordTime`, `eventID` and `errorDeclaration` are left out.
///
/// Sensor element lists are not part of the station's events and are hashed as plain fields.
enum CBVEventHash {
    /// Prefixes of the EPCIS 2.0 context that name namespaces of fields.
    static let standardNamespaces = ["cbvmda": "urn:epcglobal:cbv:mda:"]

    /// `ni:///sha-256;<hex>?ver=CBV2.0` of `event` (a JSON object).
    static func eventID(of event: JSONTree, namespaces: [String: String] = standardNamespaces) -> String {
        let digest = SHA256.hash(data: Array(preHash(of: event, namespaces: namespaces).utf8))
        return "ni:///sha-256;" + digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "?ver=CBV2.0"
    }

    /// The canonical text that is hashed.
    static func preHash(of event: JSONTree, namespaces: [String: String] = standardNamespaces) -> String {
        guard case .object(let fields) = event else { return "" }
        var text = "eventType=" + (fields["type"].flatMap(scalarText) ?? "")
        var consumed: Set<String> = ["type", "eventID", "recordTime", "errorDeclaration"]
        for (name, kind) in order {
            consumed.insert(name)
            guard let value = fields[name] else { continue }
            text += kind.preHash(name: name, value: value)
        }
        text += fields.filter { !consumed.contains($0.key) }
            .flatMap { generic(key: $0.key, value: $0.value, namespaces: namespaces) }
            .sorted(by: JSONTree.utf8Order).joined()
        return text
    }

    /// How a standard field is written.
    enum Kind {
        case value
        /// A list of identifiers, each written `epc=…`.
        case epcs
        case quantities
        case persistentDisposition
        /// `readPoint`, `bizLocation`: `id=…`.
        case place
        /// `bizTransactionList`, `sourceList`, `destinationList`: `type=…` then the value, elements sorted.
        case typed(element: String, vocabulary: String)

        func preHash(name: String, value: JSONTree) -> String {
            let vocabulary = CBVEventHash.vocabulary[name]
            switch self {
            case .value:
                guard let text = scalarText(value) else { return "" }
                return "\(name)=" + canonical(text, field: name, vocabulary: vocabulary)
            case .epcs:
                return list(name, elements(value).compactMap(scalarText).map { "epc=" + canonical($0, field: "epc") })
            case .quantities:
                return list(name, elements(value).compactMap { element -> String? in
                    guard case .object(let fields) = element else { return nil }
                    let parts = ["epcClass", "quantity", "uom"].compactMap { key in
                        fields[key].flatMap(scalarText).map { "\(key)=" + canonical($0, field: key) }
                    }
                    return "quantityElement" + parts.joined()
                })
            case .persistentDisposition:
                guard case .object(let fields) = value else { return "" }
                let parts = ["set", "unset"].map { key in
                    elements(fields[key] ?? .null).compactMap(scalarText)
                        .map { "\(key)=" + canonical($0, field: key, vocabulary: "https://ref.gs1.org/cbv/Disp-") }
                        .sorted(by: JSONTree.utf8Order).joined()
                }
                return parts.joined().isEmpty ? "" : name + parts.joined()
            case .place:
                guard case .object(let fields) = value, let id = fields["id"].flatMap(scalarText) else { return "" }
                return "\(name)id=" + canonical(id, field: "id")
            case let .typed(element, typeVocabulary):
                return list(name, elements(value).compactMap { item -> String? in
                    guard case .object(let fields) = item, let text = fields[element].flatMap(scalarText) else { return nil }
                    let type = fields["type"].flatMap(scalarText)
                        .map { "type=" + canonical($0, field: "type", vocabulary: typeVocabulary) } ?? ""
                    return type + "\(element)=" + canonical(text, field: element)
                })
            }
        }

        private func list(_ name: String, _ items: [String]) -> String {
            items.isEmpty ? "" : name + items.sorted(by: JSONTree.utf8Order).joined()
        }

        private func elements(_ value: JSONTree) -> [JSONTree] {
            if case .array(let items) = value { return items }
            return [value]
        }
    }

    /// The CBV 2.0 field order.
    static let order: [(String, Kind)] = [
        ("eventTime", .value), ("eventTimeZoneOffset", .value), ("certificationInfo", .value), ("parentID", .value),
        ("epcList", .epcs), ("inputEPCList", .epcs), ("childEPCs", .epcs),
        ("quantityList", .quantities), ("childQuantityList", .quantities), ("inputQuantityList", .quantities),
        ("outputEPCList", .epcs), ("outputQuantityList", .quantities),
        ("action", .value), ("transformationID", .value), ("bizStep", .value), ("disposition", .value),
        ("persistentDisposition", .persistentDisposition), ("readPoint", .place), ("bizLocation", .place),
        ("bizTransactionList", .typed(element: "bizTransaction", vocabulary: "https://ref.gs1.org/cbv/BTT-")),
        ("sourceList", .typed(element: "source", vocabulary: "https://ref.gs1.org/cbv/SDT-")),
        ("destinationList", .typed(element: "destination", vocabulary: "https://ref.gs1.org/cbv/SDT-")),
    ]

    /// Where a bare CBV word in a field expands to.
    static let vocabulary = ["bizStep": "https://ref.gs1.org/cbv/BizStep-", "disposition": "https://ref.gs1.org/cbv/Disp-"]

    /// A field outside the standard order: `name=value`, or `name` and its children sorted;
    /// a list gives one entry per element. A prefixed name becomes `{namespace}local`.
    static func generic(key: String, value: JSONTree, namespaces: [String: String]) -> [String] {
        var name = key
        if let colon = key.firstIndex(of: ":"), let namespace = namespaces[String(key[..<colon])] {
            name = "{\(namespace)}" + key[key.index(after: colon)...]
        }
        switch value {
        case .array(let items):
            return items.flatMap { generic(key: key, value: $0, namespaces: namespaces) }
        case .object(let fields):
            return [name + fields.flatMap { generic(key: $0.key, value: $0.value, namespaces: namespaces) }
                .sorted(by: JSONTree.utf8Order).joined()]
        case .null:
            return [name]
        default:
            let text = scalarText(value)!.trimmingCharacters(in: .whitespacesAndNewlines)
            return [text.isEmpty ? name : name + "=" + canonical(text, field: "")]
        }
    }

    static func scalarText(_ value: JSONTree) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): JSONTree.text(of: number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// A value in canonical form: a time in UTC, a bare CBV word as its URI, a number without
    /// redundant digits, a GS1 identifier as a canonical Digital Link.
    static func canonical(_ raw: String, field: String, vocabulary: String? = nil) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = field.lowercased()
        if lowered.contains("time"), !lowered.contains("offset") {
            return EPCISTime.utcMilliseconds(text) ?? text
        }
        if let vocabulary, !text.isEmpty, !text.contains(":") { return vocabulary + text }
        let webVocabulary = text.hasPrefix("urn:epcglobal:cbv:")
            ? legacyVocabulary.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) } : text
        let numeric = numericText(webVocabulary) ?? webVocabulary
        return DigitalLinkNormaliser.normalised(numeric) ?? numeric
    }

    private static let legacyVocabulary = [
        ("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"),
        ("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"),
        ("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"),
        ("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"),
        ("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"),
    ]

    /// A decimal number as its shortest form (`007` → `7`, `2.50` → `2.5`, `1e3` → `1000`),
    /// as the reference implementation writes it; nil for anything else.
    static func numericText(_ text: String) -> String? {
        guard let first = text.utf8.first, (0x30...0x39).contains(first) || first == UInt8(ascii: "+")
                || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return nil }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty, digits.count == text.count || isUnderscoredNumber(text),
              digits.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              digits.contains(where: \.isNumber), let value = Double(digits), value.isFinite else { return nil }
        if value == value.rounded() {
            return abs(value) < 9.2e18 ? String(Int64(value)) : String(format: "%.0f", value)
        }
        return "\(value)"
    }

    /// Underscores only between digits, as Python's float() accepts them.
    private static func isUnderscoredNumber(_ text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index < characters.count - 1, characters[index - 1].isNumber, characters[index + 1].isNumber else {
                return false
            }
        }
        return true
    }
}
