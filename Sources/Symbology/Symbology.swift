import Imaging
/// Symbols (QR, Code 128, GS1-128, EAN-13, UPC-A) as module matrices and bitmaps.
public enum Symbology {}
