/// A decoding error's place in a JSON body, as a person names it: `override.reason`,
/// `codes[3].serial`, or `body` for the whole. The station's API and the reference receiver
/// both name the field a refusal is about this way.
public func fieldPath(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += (text.isEmpty ? "" : ".") + key.stringValue
        }
    }
    return text.isEmpty ? "body" : text
}
