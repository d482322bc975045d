extension StationSettings {
    /// What a newcomer runs without a configuration file, and what `config/station.yaml` holds:
    /// station `station-1`, one line `line-1` printing `product-60x40` on a virtual 203 dpi
    /// printer whose renders verify every label, the ledger in `data/station.sqlite`, images
    /// and reports in `out`, the API on port 8080 and no users, so the API is closed except
    /// `/health`. A test keeps the example file and this value equal.
    public static let embeddedDefault = StationSettings(
        stationID: "station-1",
        ledgerPath: "data/station.sqlite",
        lines: [
            LineSettings(id: "line-1", printer: .virtual, device: "virtual-203", template: "product-60x40",
                         verification: .printerRenders, minimumGrade: nil, maximumConsecutiveFailures: 3, labelsInPrinter: 16),
        ],
        reportingProfile: nil,
        httpPort: 8080,
        users: [],
        outputDirectory: "out")
}
