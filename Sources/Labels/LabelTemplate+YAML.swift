import Imaging
import Symbology

extension LabelTemplate {
    /// Reads a template file. Pictures of image elements are read relative to `folder`.
    ///
    /// ```yaml
    /// title: 零件标签 30×20
    /// size: { width: 30, height: 20 }        # mm
    /// sample:
    ///   code: { payload: "https://id.gs1.org/01/06901234567892/21/A0001" }
    /// elements:
    ///   - { type: qr, id: code, x: 1, y: 1, data: "{{code.payload}}", ec: M, module: 0.5 }
    ///   - { type: text, x: 20, y: 2, text: "批号 {{batch.lot}}", size: 2.5, width: 9, lines: 2 }
    /// ```
    ///
    /// Errors name `file`, the line and the element. Unknown keys are errors, so a typo
    /// cannot quietly drop a setting.
    public init(yaml text: String, name: String, file: String, folder: String) throws(LabelError) {
        let root = try YAMLValue.parse(text, file: file).mapping("the template", allowed: ["title", "size", "sample", "elements"])
        let size = try root.required("size").mapping("size", allowed: ["width", "height"])
        var sample: [String: String] = [:]
        if let values = root.optional("sample") {
            try Self.flatten(values, prefix: "", into: &sample)
        }
        let list = try root.required("elements").sequence("elements")
        var elements: [TemplateElement] = []
        for (index, value) in list.enumerated() {
            elements.append(try TemplateElement(yaml: value, index: index, folder: folder))
        }
        self.init(
            name: name, file: file,
            title: try root.optional("title")?.string("title") ?? name,
            width: try size.required("width").double("label width (mm)", in: 1...1000),
            height: try size.required("height").double("label height (mm)", in: 1...1000),
            elements: elements,
            sample: FieldValues(sample))
    }

    private static func flatten(_ value: YAMLValue, prefix: String, into values: inout [String: String]) throws(LabelError) {
        guard let mapping = value.node.mapping else {
            values[String(prefix.dropLast())] = try value.string("sample value '\(prefix.dropLast())'")
            return
        }
        for (key, child) in mapping {
            guard let name = key.string, !name.isEmpty, !name.contains(".") else {
                throw YAMLValue(node: key, file: value.file).error("sample keys are names without dots; nest mappings for dotted keys")
            }
            try flatten(YAMLValue(node: child, file: value.file), prefix: prefix + name + ".", into: &values)
        }
    }
}

extension TemplateElement {
    private static let commonKeys: Set<String> = ["type", "id", "x", "y"]
    private static let keysByType: [String: Set<String>] = [
        "text": ["text", "size", "width", "lines", "fit", "align", "rotation"],
        "qr": ["data", "ec", "module", "module_dots", "size"],
        "gs1-qr": ["data", "ec", "module", "module_dots", "size"],
        "code128": ["data", "module", "module_dots", "height", "hri"],
        "gs1-128": ["data", "module", "module_dots", "height", "hri"],
        "ean13": ["data", "module", "module_dots", "height", "hri"],
        "upca": ["data", "module", "module_dots", "height", "hri"],
        "box": ["width", "height", "thickness"],
        "line": ["width", "height"],
        "image": ["file", "width"],
    ]

    init(yaml value: YAMLValue, index: Int, folder: String) throws(LabelError) {
        guard let typeNode = value.node.mapping?["type"], let type = typeNode.string else {
            throw LabelError(file: value.file, line: value.line, element: "element \(index)",
                             "every element needs a type: \(Self.keysByType.keys.sorted().joined(separator: ", "))")
        }
        let id = value.node.mapping?["id"]?.string
        let label = "element \(index) (\(id ?? type))"
        guard let keys = Self.keysByType[type] else {
            throw LabelError(file: value.file, line: typeNode.mark?.line, element: label,
                             "unknown type '\(type)'; use one of \(Self.keysByType.keys.sorted().joined(separator: ", "))")
        }
        do {
            let map = try value.mapping("a \(type) element", allowed: Self.commonKeys.union(keys))
            self.init(
                index: index, id: id, line: value.line,
                x: try map.required("x").double("x (mm)", in: -1000...1000),
                y: try map.required("y").double("y (mm)", in: -1000...1000),
                kind: try Self.kind(type, map, folder: folder))
        } catch {
            var located = error
            located.element = label
            throw located
        }
    }

    private static func kind(_ type: String, _ map: YAMLMapping, folder: String) throws(LabelError) -> Kind {
        switch type {
        case "text":
            return .text(try text(map))
        case "box":
            return .box(
                width: try map.required("width").double("width (mm)", in: 0.1...1000),
                height: try map.required("height").double("height (mm)", in: 0.1...1000),
                thickness: try map.optional("thickness")?.double("thickness (mm)", in: 0.1...100) ?? 0.25)
        case "line":
            return .line(
                width: try map.required("width").double("width (mm)", in: 0.1...1000),
                height: try map.required("height").double("height (mm)", in: 0.1...1000))
        case "image":
            return .image(try image(map, folder: folder))
        default:
            return .symbol(try symbol(SymbologyKind(rawValue: type)!, map))
        }
    }

    private static func text(_ map: YAMLMapping) throws(LabelError) -> Text {
        let textValue = try map.required("text")
        let rotationValue = map.optional("rotation")
        let rotation = try rotationValue?.int("rotation", in: 0...270) ?? 0
        guard rotation.isMultiple(of: 90) else { throw rotationValue!.error("rotation must be 0, 90, 180 or 270, not \(rotation)") }
        return Text(
            text: try fieldText(textValue, "text"),
            size: try map.required("size").double("size (mm)", in: 0.5...100),
            width: try map.optional("width")?.double("width (mm)", in: 1...1000),
            lines: try map.optional("lines")?.int("lines", in: 1...50) ?? 1,
            fit: try map.optional("fit")?.choice("fit", of: Fit.self) ?? .wrap,
            alignment: try map.optional("align")?.choice("align", of: Alignment.self) ?? .left,
            quarterTurns: rotation / 90)
    }

    private static func symbol(_ kind: SymbologyKind, _ map: YAMLMapping) throws(LabelError) -> Symbol {
        let isQR = kind == .qr || kind == .gs1QR
        let given = [map.optional("module"), map.optional("module_dots"), isQR ? map.optional("size") : nil].compactMap { $0 }
        guard given.count <= 1 else {
            throw given[1].error(isQR ? "give one of module (mm), module_dots or size (mm)" : "give module (mm) or module_dots, not both")
        }
        let module: ModuleSize
        if let mm = map.optional("module") {
            module = .millimetres(try mm.double("module (mm)", in: 0.05...10))
        } else if let dots = map.optional("module_dots") {
            module = .dots(try dots.int("module_dots", in: RenderOptions.moduleSizes))
        } else if isQR, let side = map.optional("size") {
            module = .fitting(try side.double("size (mm)", in: 1...500))
        } else {
            throw map.value.error("a \(kind.rawValue) element needs module (mm)\(isQR ? ", module_dots or size (mm)" : " or module_dots")")
        }
        var hri: Double?
        if let value = map.optional("hri") {
            // true gives the usual 2.5 mm line; a number is its character height in mm.
            switch try? value.bool("hri") {
            case false?: hri = nil
            case true?: hri = 2.5
            case nil: hri = try value.double("hri (character height in mm, true or false)", in: 0.5...20)
            }
        }
        return Symbol(
            kind: kind,
            data: try fieldText(try map.required("data"), "data"),
            module: module,
            errorCorrection: try map.optional("ec")?.choice("ec", of: QRErrorCorrection.self) ?? .m,
            barHeight: isQR ? 0 : try map.required("height").double("height (mm)", in: 1...500),
            hriSize: hri)
    }

    private static func image(_ map: YAMLMapping, folder: String) throws(LabelError) -> Image {
        let fileValue = try map.required("file")
        let file = try fileValue.string("file")
        let path = file.hasPrefix("/") ? file : folder + "/" + file
        let picture: GrayImage
        do {
            picture = try ImageFile.read(path: path)
        } catch {
            throw fileValue.error("cannot read the image '\(file)': \(error)")
        }
        return Image(file: file, width: try map.required("width").double("width (mm)", in: 0.5...1000), picture: picture)
    }

    private static func fieldText(_ value: YAMLValue, _ what: String) throws(LabelError) -> FieldText {
        do {
            return try FieldText(parsing: try value.string(what))
        } catch {
            throw value.error(error.message)
        }
    }
}
