/// A font file and the face to use in it.
public struct FontLocation: Sendable, Equatable {
    public var path: String
    /// The face's position in a collection (.ttc); 0 for a single-face file.
    public var faceIndex: Int

    public init(path: String, faceIndex: Int = 0) {
        self.path = path
        self.faceIndex = faceIndex
    }
}
