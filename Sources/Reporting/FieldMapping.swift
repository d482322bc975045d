import Foundation

/// How the platform names the fields of a `ReportChunk`: a rename of JSON keys by dotted
/// path of the station's own (canonical) names. The platform's interface is not public, so
/// this is configuration (`platform.field_mapping` in the reporting profile).
///
/// - `producer.uscc: enterprise.creditCode` moves the credit code out of `producer` into an
///   `enterprise` object, under the name `creditCode`.
/// - A rule on an object moves all of it: `producer: enterprise`. A more specific rule wins
///   for the fields it names.
/// - Arrays are traversed transparently: `codes.printed_at: codes.printTime` renames the field
///   inside every element of `codes`, and `codes: items` renames the array itself. A rule
///   inside an array keeps its target inside the same array.
///
/// Every rule is checked against the model when the mapping is made: an unknown field, or two
/// fields that would land on one name (or one inside the other), is refused then, not when a
/// report is sent.
public struct FieldMapping: Sendable, Hashable {
    /// The station's own names, unchanged.
    public static let identity: FieldMapping = {
        do {
            return try FieldMapping(renames: [:], rulesByScope: [:], subject: "the identity mapping")
        } catch {
            preconditionFailure("the identity mapping cannot collide: \(error)")
        }
    }()

    /// Canonical dotted path → the platform's dotted path, as configured.
    public let renames: [String: String]
    /// Every field's platform name, per array scope.
    private let root: MappedScope

    /// Whether the platform uses the station's own names.
    public var isIdentity: Bool { root.toPlatform.allSatisfy { $0.key == $0.value } && root.listsAreIdentity }

    /// Checks `renames` against the report model; `subject` names the configuration in errors.
    public init(_ renames: [String: String], subject: String = "field mapping") throws(ReportingError) {
        var rulesByScope: [String: [String: String]] = [:]
        for (source, target) in renames.sorted(by: { $0.key < $1.key }) {
            let ruleSubject = "\(subject) \(source)"
            for (role, path) in [("field", source), ("platform name", target)] {
                let segments = path.split(separator: ".", omittingEmptySubsequences: false)
                guard !path.isEmpty, segments.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
                    throw ReportingError(ruleSubject, .invalidValue(
                        "'\(path)' is not a dotted path of names (\(role)); write e.g. producer.uscc"))
                }
            }
            let (scopePath, relativeSource) = Self.shape.locate(source)
            guard Self.shape.scope(at: scopePath)?.knows(relativeSource) == true else {
                throw ReportingError(ruleSubject, .invalidValue(
                    "'\(source)' is not a field of the report; known fields: \(Self.shape.allPaths().joined(separator: ", "))"))
            }
            let prefix = scopePath.isEmpty ? "" : scopePath + "."
            guard target.hasPrefix(prefix) else {
                throw ReportingError(ruleSubject, .invalidValue(
                    "'\(source)' is inside the list '\(scopePath)', so its platform name must stay inside it: \(prefix)…; rename the list itself with '\(scopePath): <name>'"))
            }
            if source != target {
                rulesByScope[scopePath, default: [:]][relativeSource] = String(target.dropFirst(prefix.count))
            }
        }
        try self.init(renames: renames, rulesByScope: rulesByScope, subject: subject)
    }

    private init(renames: [String: String], rulesByScope: [String: [String: String]], subject: String) throws(ReportingError) {
        self.renames = renames
        root = try MappedScope(shape: Self.shape, path: "", rulesByScope: rulesByScope, subject: subject)
    }

    /// The chunk as the platform's JSON: deterministic bytes (keys sorted, no insignificant
    /// whitespace), so one chunk always gives one body and one idempotency key.
    public func encode(_ chunk: ReportChunk) throws(ReportingError) -> [UInt8] {
        let canonical: [UInt8]
        do {
            canonical = Array(try Self.encoder.encode(chunk))
        } catch {
            throw ReportingError("report \(chunk.report.id) chunk \(chunk.report.chunk)", .invalidPayload("cannot encode: \(error)"))
        }
        if isIdentity { return canonical }
        let tree = try JSONTree.parse(canonical, subject: "report \(chunk.report.id)")
        return try root.rename(tree, toPlatform: true, place: "").bytes
    }

    /// The chunk in a platform body: the inverse of `encode`. Fields the mapping does not know
    /// and values of the wrong kind are refused with their path.
    public func decode(_ bytes: [UInt8]) throws(ReportingError) -> ReportChunk {
        let canonical = try root.rename(JSONTree.parse(bytes, subject: "chunk"), toPlatform: false, place: "").bytes
        do {
            return try JSONDecoder().decode(ReportChunk.self, from: Data(canonical))
        } catch {
            throw ReportingError("chunk", .invalidPayload(JSONTree.explain(error)))
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The model's fields, read once from a chunk with every optional field and list filled.
    static let shape: FieldShape = {
        let code = CodeRecord(scheme: "GS1", code: "c", payload: "p", printedAt: "t", line: "l", verification: .pass)
        let chunk = ReportChunk(
            report: ReportHeader(id: "r", chunk: 1, chunks: 1, createdAt: "t"),
            producer: Producer(uscc: "u", name: "n", address: "a", productionLicences: ["l"], cccCertificates: ["c"],
                               factoryCode: "f", contact: "c"),
            product: Product(gtin: "g", name: "n", model: "m", category: "c", brand: "b", standard: "s", licence: "l",
                             codeScheme: "GS1", inspection: Inspection(conclusion: "c", reportNumber: "r")),
            batch: BatchInfo(id: 1, lot: "l", productionDate: "d", quantity: 1),
            codes: [code], voids: [VoidRecord(scheme: "GS1", code: "c", voidedAt: "t", reason: "r", replacedBy: "c")],
            shipments: [Shipment(id: "s", consigneeUSCC: "u", consigneeName: "n", date: "d", codes: ["c"], quantity: 1,
                                 unit: "u", documentNumber: "d")])
        guard let data = try? encoder.encode(chunk), let tree = try? JSONTree.parse(Array(data), subject: "the model") else {
            preconditionFailure("the report model cannot describe itself as JSON")
        }
        return FieldShape(tree)
    }()
}

/// The fields of one array scope of the model: the root object, or an element of a list of
/// objects. Lists of plain values are fields like any other.
struct FieldShape: Sendable, Hashable {
    /// Dotted paths, relative to the scope, of the fields holding a value or a list.
    var leaves: Set<String> = []
    /// Dotted paths of the objects between the scope and its leaves.
    var objects: Set<String> = []
    /// The lists of objects, by their leaf path.
    var lists: [String: FieldShape] = [:]

    init(_ tree: JSONTree) {
        add(tree, path: "")
    }

    private mutating func add(_ tree: JSONTree, path: String) {
        switch tree {
        case .object(let members):
            if !path.isEmpty { objects.insert(path) }
            for (key, value) in members { add(value, path: path.isEmpty ? key : "\(path).\(key)") }
        case .array(let elements):
            leaves.insert(path)
            if case .object = elements.first { lists[path] = FieldShape(elements[0]) }
        default:
            leaves.insert(path)
        }
    }

    func knows(_ path: String) -> Bool { leaves.contains(path) || objects.contains(path) }

    /// The scope a canonical path lies in (the dotted path of its lists) and the rest of it.
    func locate(_ path: String) -> (scope: String, relative: String) {
        for (list, shape) in lists where path.hasPrefix(list + ".") {
            let (inner, relative) = shape.locate(String(path.dropFirst(list.count + 1)))
            return (inner.isEmpty ? list : "\(list).\(inner)", relative)
        }
        return ("", path)
    }

    func scope(at path: String) -> FieldShape? {
        if path.isEmpty { return self }
        for (list, shape) in lists where path == list || path.hasPrefix(list + ".") {
            return shape.scope(at: path == list ? "" : String(path.dropFirst(list.count + 1)))
        }
        return nil
    }

    /// Every field and object of the model, as canonical dotted paths, sorted.
    func allPaths(prefix: String = "") -> [String] {
        var paths = leaves.union(objects).map { prefix + $0 }
        for (list, shape) in lists { paths += shape.allPaths(prefix: prefix + list + ".") }
        return paths.sorted()
    }
}

/// One scope's leaves with their platform names, and the same for each list inside it.
private struct MappedScope: Sendable, Hashable {
    /// Canonical leaf path → platform path, both relative to the scope.
    let toPlatform: [String: String]
    let toCanonical: [String: String]
    var listsAreIdentity: Bool {
        lists.values.allSatisfy { list in list.toPlatform.allSatisfy { $0.key == $0.value } && list.listsAreIdentity }
    }

    /// Platform paths of the objects that hold platform leaves.
    let platformObjects: Set<String>
    /// By canonical leaf path.
    let lists: [String: MappedScope]

    init(shape: FieldShape, path: String, rulesByScope: [String: [String: String]], subject: String) throws(ReportingError) {
        let rules = rulesByScope[path] ?? [:]
        var toPlatform: [String: String] = [:]
        for leaf in shape.leaves {
            // The most specific rule covering the leaf: itself, or its nearest object.
            var target = leaf
            var candidate = leaf
            while true {
                if let rule = rules[candidate] {
                    target = rule + leaf.dropFirst(candidate.count)
                    break
                }
                guard let dot = candidate.lastIndex(of: ".") else { break }
                candidate = String(candidate[..<dot])
            }
            toPlatform[leaf] = target
        }
        let prefix = path.isEmpty ? "" : path + "."
        var toCanonical: [String: String] = [:]
        for (leaf, target) in toPlatform.sorted(by: { $0.key < $1.key }) {
            if let other = toCanonical[target] {
                throw ReportingError(subject, .mappingCollision("'\(prefix)\(other)' and '\(prefix)\(leaf)' would both be sent as '\(prefix)\(target)'"))
            }
            toCanonical[target] = leaf
        }
        var platformObjects: Set<String> = []
        for target in toCanonical.keys {
            var parts = target.split(separator: ".").dropLast()
            while !parts.isEmpty {
                platformObjects.insert(parts.joined(separator: "."))
                parts = parts.dropLast()
            }
        }
        if let clash = platformObjects.sorted().first(where: { toCanonical[$0] != nil }) {
            throw ReportingError(subject, .mappingCollision(
                "'\(prefix)\(toCanonical[clash]!)' would be sent as '\(prefix)\(clash)', which other fields need as an object"))
        }
        var lists: [String: MappedScope] = [:]
        for (leaf, listShape) in shape.lists {
            lists[leaf] = try MappedScope(shape: listShape, path: prefix + leaf, rulesByScope: rulesByScope, subject: subject)
        }
        self.toPlatform = toPlatform
        self.toCanonical = toCanonical
        self.platformObjects = platformObjects
        self.lists = lists
    }

    /// Renames one object of this scope, to the platform's names or back; `place` is its path for errors.
    func rename(_ tree: JSONTree, toPlatform forward: Bool, place: String) throws(ReportingError) -> JSONTree {
        guard case .object(let members) = tree else {
            throw ReportingError("chunk", .invalidPayload("\(place.isEmpty ? "the document" : place) must be an object"))
        }
        var output: [String: JSONTree] = [:]
        try collect(members, path: "", forward: forward, place: place, into: &output)
        return .object(output)
    }

    private func collect(_ members: [String: JSONTree], path: String, forward: Bool, place: String,
                         into output: inout [String: JSONTree]) throws(ReportingError) {
        for (key, value) in members {
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            let placePath = place.isEmpty ? fieldPath : "\(place).\(fieldPath)"
            if let target = forward ? toPlatform[fieldPath] : toCanonical[fieldPath] {
                let list = lists[forward ? fieldPath : target]
                var mapped = value
                if let list, case .array(let elements) = value {
                    var renamed: [JSONTree] = []
                    for (index, element) in elements.enumerated() {
                        renamed.append(try list.rename(element, toPlatform: forward, place: "\(placePath)[\(index)]"))
                    }
                    mapped = .array(renamed)
                }
                Self.set(mapped, at: target.split(separator: ".").map(String.init), in: &output)
            } else if case .object(let inner) = value,
                      forward ? toPlatform.keys.contains(where: { $0.hasPrefix(fieldPath + ".") }) : platformObjects.contains(fieldPath) {
                try collect(inner, path: fieldPath, forward: forward, place: place, into: &output)
            } else {
                throw ReportingError("chunk", .invalidPayload("unknown field '\(placePath)'"))
            }
        }
    }

    private static func set(_ value: JSONTree, at path: [String], in object: inout [String: JSONTree]) {
        guard path.count > 1 else {
            object[path[0]] = value
            return
        }
        var inner: [String: JSONTree] = [:]
        if case .object(let existing) = object[path[0]] { inner = existing }
        set(value, at: Array(path.dropFirst()), in: &inner)
        object[path[0]] = .object(inner)
    }
}
