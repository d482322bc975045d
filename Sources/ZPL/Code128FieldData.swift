/// Field data for `^BC` in mode N, where the host chooses Code 128's subsets with invocation
/// codes [ZPL guide ^BC]: `>:` start B, `>;` start C, `>5` switch to C, `>6` switch to B,
/// `>8` FNC1, `>0` a literal `>`.
///
/// Runs of digits go in subset C, two to a symbol character, the rest in subset B. The choice
/// follows ISO/IEC 15417 Annex E: start in C for four or more leading digits; switch to C for
/// six or more digits, or four or more at the end.
enum Code128FieldData {
    /// The byte that stands for FNC1 in the input: GS, as GS1 symbol data writes it.
    static let fnc1: UInt8 = 0x1D

    /// Appends `data`, bytes 0x20…0x7E and `fnc1`, with its invocation codes.
    ///
    /// - Parameter gs1: put FNC1 right after the start character, which makes the symbol GS1-128.
    static func append(_ data: [UInt8], gs1: Bool, to out: inout [UInt8]) {
        let leadingDigits = digitRun(in: data, from: 0)
        var inSubsetC = leadingDigits >= 4 || (leadingDigits == data.count && leadingDigits % 2 == 0)
        out.append(ascii: inSubsetC ? ">;" : ">:")
        if gs1 {
            out.append(ascii: ">8")
        }
        var index = 0
        while index < data.count {
            let byte = data[index]
            if byte == fnc1 {
                out.append(ascii: ">8")
                index += 1
                continue
            }
            let digits = digitRun(in: data, from: index)
            if inSubsetC {
                if digits >= 2 {
                    out.append(byte)
                    out.append(data[index + 1])
                    index += 2
                } else {
                    out.append(ascii: ">6")
                    inSubsetC = false
                }
                continue
            }
            if digits >= 6 || (digits >= 4 && index + digits == data.count) {
                // An odd digit goes in B first so that C gets whole pairs.
                if digits % 2 == 1 {
                    out.append(byte)
                    index += 1
                }
                out.append(ascii: ">5")
                inSubsetC = true
                continue
            }
            if byte == UInt8(ascii: ">") {
                out.append(ascii: ">0")
            } else {
                FieldData.append(byte, to: &out)
            }
            index += 1
        }
    }

    private static func digitRun(in data: [UInt8], from start: Int) -> Int {
        var end = start
        while end < data.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(data[end]) {
            end += 1
        }
        return end - start
    }
}
