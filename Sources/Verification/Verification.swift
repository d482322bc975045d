import Imaging
/// Decoding label images with zbar.
public enum Verification {}
