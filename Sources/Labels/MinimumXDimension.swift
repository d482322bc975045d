import Symbology

/// The narrowest module, in mm, lint accepts for each symbology.
///
/// Source: the symbol specification tables of the GS1 General Specifications (section 5.12.3),
/// for general retail and logistics use; the values were not re-checked against the current
/// edition here, so a site with other rules (a customer specification, a scanner fleet) sets
/// its own table through `LabelLint.Rules`.
public enum MinimumXDimension {
    public static let defaults: [SymbologyKind: Double] = [
        .ean13: 0.264,
        .upca: 0.264,
        .gs1_128: 0.250,
        .code128: 0.250,
        .qr: 0.250,
        .gs1QR: 0.250,
    ]
}
