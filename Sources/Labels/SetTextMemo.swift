/// Texts already broken into lines and sized, by element and value. Belongs to one
/// `LayoutPlan` (one template on one device), so the same key always sets the same way.
final class SetTextMemo {
    enum Role: Hashable {
        case text, humanReadable
    }

    struct Key: Hashable {
        let element: Int
        let role: Role
        let value: String
    }

    /// Past this many texts the memo starts over: serials never repeat, so without a bound it
    /// would grow by one entry a label.
    static let capacity = 4096
    private var entries: [Key: PlacedText] = [:]

    subscript(key: Key) -> PlacedText? {
        get { entries[key] }
        set {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = newValue
        }
    }
}
