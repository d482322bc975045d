/// How `^GF` carries a graphic's bytes. All three are ASCII, so they pass any link, and none
/// contains `^` or `~`, which would abort the download.
public enum ZPLGraphicEncoding: Sendable, Hashable, CaseIterable {
    /// `:Z64:`: zlib-compressed, base64, CRC-checked. Smallest for labels, which are mostly blank.
    case z64
    /// `:B64:`: base64, CRC-checked.
    case b64
    /// Two upper-case hex digits a byte, with no check: understood by the oldest firmware.
    case hex
}
