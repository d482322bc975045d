/// A linear symbol as a row of modules, with the quiet zones its standard requires.
public struct BarPattern: Sendable, Equatable {
    /// One entry per module, left to right; `true` is a bar (ink).
    public let modules: [Bool]
    /// Light modules required before the first bar.
    public let leadingQuietZone: Int
    /// Light modules required after the last bar.
    public let trailingQuietZone: Int

    public init(modules: [Bool], leadingQuietZone: Int, trailingQuietZone: Int) {
        self.modules = modules
        self.leadingQuietZone = leadingQuietZone
        self.trailingQuietZone = trailingQuietZone
    }

    /// Builds the modules from alternating bar and space widths, starting with a bar.
    init(widths: some Sequence<Int>, leadingQuietZone: Int, trailingQuietZone: Int) {
        var modules: [Bool] = []
        var isBar = true
        for width in widths {
            modules.append(contentsOf: repeatElement(isBar, count: width))
            isBar.toggle()
        }
        self.init(modules: modules, leadingQuietZone: leadingQuietZone, trailingQuietZone: trailingQuietZone)
    }

    /// Widths of the alternating bars and spaces, starting with the first bar.
    public var widths: [Int] {
        var widths: [Int] = []
        var previous: Bool?
        for module in modules {
            if module == previous { widths[widths.count - 1] += 1 } else { widths.append(1) }
            previous = module
        }
        return widths
    }
}
