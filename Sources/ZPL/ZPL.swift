/// ZPL II: the format writer with field escaping, graphic encodings (Z64, B64) and their CRC.
public enum ZPL {}
