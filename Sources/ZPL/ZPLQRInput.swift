/// How `^BQ` field data tells the printer to encode the data: the data input switch.
public enum ZPLQRInput: Sendable, Hashable, CaseIterable {
    /// `<level>M,B<count><data>`: manual input, one byte-mode segment of exactly `count` bytes.
    /// The data reaches the reader byte for byte, UTF-8 included: under `^CI28` the count is in
    /// bytes. The default.
    case byteMode
    /// `<level>A,<data>`: the printer picks numeric, alphanumeric, byte or Kanji segments,
    /// which gives smaller symbols for digits and upper-case text. The guide's automatic input
    /// reads data as JIS8/Shift JIS and cannot take bytes 0x80–0x9F or 0xE0–0xFF, so only ASCII
    /// data is accepted.
    case automatic
}
