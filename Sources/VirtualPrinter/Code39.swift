import Symbology

/// Code 39 for `^B3`: 43 characters plus the `*` start and stop, each of five bars and four
/// spaces, three of them wide, with a narrow space between characters.
enum Code39 {
    static let characters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*".utf8)

    /// Wide elements of each character, bar first, as nine bits (1 = wide).
    static let wideElements: [Int] = [
        0x034, 0x121, 0x061, 0x160, 0x031, 0x130, 0x070, 0x025, 0x124, 0x064,
        0x109, 0x049, 0x148, 0x019, 0x118, 0x058, 0x00D, 0x10C, 0x04C, 0x01C,
        0x103, 0x043, 0x142, 0x013, 0x112, 0x052, 0x007, 0x106, 0x046, 0x016,
        0x181, 0x0C1, 0x1C0, 0x091, 0x190, 0x0D0, 0x085, 0x184, 0x0C4, 0x0A8,
        0x0A2, 0x08A, 0x02A, 0x094,
    ]

    /// The modules of `data` between `*` characters, with wide elements `ratio` modules wide;
    /// characters Code 39 lacks are left out.
    static func modules(_ data: [UInt8], ratio: Int) -> [Bool] {
        let text = [UInt8(ascii: "*")] + data.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }.filter { characters.contains($0) && $0 != UInt8(ascii: "*") } + [UInt8(ascii: "*")]
        var modules: [Bool] = []
        for (position, character) in text.enumerated() {
            let wide = wideElements[characters.firstIndex(of: character)!]
            for element in 0..<9 {
                let isWide = wide & (0x100 >> element) != 0
                modules.append(contentsOf: repeatElement(element % 2 == 0, count: isWide ? ratio : 1))
            }
            if position < text.count - 1 { modules.append(false) }
        }
        return modules
    }
}
