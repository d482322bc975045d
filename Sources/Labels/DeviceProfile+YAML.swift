extension DeviceProfile {
    /// Reads a profile file; `name` is the profile's name and `file` names the file in errors.
    ///
    /// ```yaml
    /// model: Zebra ZT411
    /// dpi: 203
    /// print_width: 832        # dots
    /// media: { width: 60, height: 40, gap: 3 }   # mm
    /// darkness: 20
    /// speed: 4
    /// host: 192.168.10.31
    /// port: 9100
    /// zpl_mode: native        # or bitmap
    /// cjk_font: E:SIMSUN.TTF  # or none
    /// ```
    public init(yaml text: String, name: String, file: String) throws(LabelError) {
        let root = try YAMLValue.parse(text, file: file).mapping("the profile", allowed: [
            "model", "dpi", "print_width", "media", "darkness", "speed", "host", "port", "zpl_mode", "cjk_font",
        ])
        let dpiValue = try root.required("dpi")
        let dpi = try dpiValue.int("dpi", in: 1...2400)
        guard Self.dotsPerMillimetreByDPI[dpi] != nil else {
            throw dpiValue.error("dpi must be 203, 300 or 600, not \(dpi)")
        }
        let media = try root.required("media").mapping("media", allowed: ["width", "height", "gap"])
        let font = try root.optional("cjk_font")?.string("cjk_font")
        self.init(
            name: name,
            model: try root.required("model").string("model"),
            dpi: dpi,
            printWidth: try root.required("print_width").int("print_width", in: 1...20_000),
            mediaWidth: try media.required("width").double("media width", in: 1...2000),
            mediaHeight: try media.required("height").double("media height", in: 1...2000),
            mediaGap: try media.optional("gap")?.double("media gap", in: 0...100) ?? 0,
            darkness: try root.optional("darkness")?.int("darkness", in: 0...30) ?? 15,
            speed: try root.optional("speed")?.int("speed", in: 1...14) ?? 4,
            host: try root.optional("host")?.string("host") ?? "127.0.0.1",
            port: try root.optional("port")?.int("port", in: 1...65_535) ?? 9100,
            zplMode: try root.optional("zpl_mode")?.choice("zpl_mode", of: ZPLMode.self) ?? .native,
            cjkFont: font == nil || font == "none" ? nil : font
        )
        if let cjkFont, cjkFont.contains(where: { $0 == "^" || $0 == "~" || $0 == "," || $0.asciiValue.map { $0 < 0x20 } ?? false }) {
            throw try root.required("cjk_font").error("cjk_font '\(cjkFont)' must not hold ^, ~, commas or control characters")
        }
    }
}
