/// Everything reported for one batch at one time, before it is split into `ReportChunk`s.
/// The platform report and the EPCIS export are both made from it.
public struct BatchReport: Sendable, Hashable {
    public var producer: Producer
    public var product: Product
    public var batch: BatchInfo
    public var codes: [CodeRecord]
    public var voids: [VoidRecord]
    public var shipments: [Shipment]

    public init(producer: Producer, product: Product, batch: BatchInfo, codes: [CodeRecord], voids: [VoidRecord],
                shipments: [Shipment] = []) {
        self.producer = producer
        self.product = product
        self.batch = batch
        self.codes = codes
        self.voids = voids
        self.shipments = shipments
    }
}
