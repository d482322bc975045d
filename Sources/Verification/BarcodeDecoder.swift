internal import CZbar
import Imaging

/// Finds and reads barcodes in gray images with zxing-cpp and zbar.
///
/// Owns one zbar image scanner: use it from one task at a time and make one per task.
/// zbar keeps some state between scans, so results that must not depend on earlier images
/// (a verdict per label) come from a fresh decoder per image; creating one is cheap.
/// Named `BarcodeDecoder` rather than `Decoder` so it never shadows `Swift.Decoder`.
public struct BarcodeDecoder: ~Copyable {
    public let options: Options
    private let scanner: OpaquePointer

    public init(options: Options = Options()) throws(VerificationError) {
        guard let scanner = zbar_image_scanner_create() else { throw .scannerUnavailable }
        self.options = options
        self.scanner = scanner
        configure()
    }

    deinit {
        zbar_image_scanner_destroy(scanner)
    }

    /// Every symbol of the asked symbologies in `image`; none is an empty array, not an error.
    ///
    /// One plain zbar pass reads a clean label. Only when it finds nothing, or an add-on awaits
    /// confirmation, are rescaled and enhanced copies tried, within `options.timeBudget` (see `ReadEvidence` for what such a
    /// copy's read must show before it is reported).
    public func decode(_ image: GrayImage) throws(VerificationError) -> [DecodedSymbol] {
        guard image.width > 0, image.height > 0 else {
            throw .emptyImage(width: image.width, height: image.height)
        }
        guard image.width <= Int(UInt32.max), image.height <= Int(UInt32.max),
              image.width.multipliedReportingOverflow(by: image.height).partialValue <= Int(UInt32.max) else {
            throw .imageTooLarge(width: image.width, height: image.height)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var scanned = image
        var origin = (x: 0, y: 0)
        if let wanted = options.regionOfInterest {
            guard let region = wanted.clipped(width: image.width, height: image.height) else { return [] }
            if region != Region(x: 0, y: 0, width: image.width, height: image.height) {
                scanned = image.cropped(to: region)
                origin = (region.x, region.y)
            }
        }
        let reader = ZXingReader(symbologies: options.symbologies, eanAddOns: options.eanAddOns != .never)
        var evidence = ReadEvidence(requiresAgreement: options.requireAgreement, addOns: options.eanAddOns)
        let quick = reader.read(scanned, effort: .quick)
        evidence.add(quick, from: Attempt(1, by: .zxing))
        // A QR read is guarded by its error correction; a linear one is worth zbar's opinion.
        if quick.isEmpty || quick.contains(where: { !$0.isQR }) || options.requireAgreement {
            evidence.add(scan(scanned), from: Attempt(1))
        }
        var found = evidence.accepted()
        // An add-on seen only once is worth further attempts; a symbol without one is not.
        if found.isEmpty || !evidence.mainsAwaitingAddOn.isEmpty, options.timeBudget > .zero {
            found = retried(scanned, evidence: evidence, reader: reader, plainTime: clock.now - start, deadline: start + options.timeBudget)
        }
        let elapsed = clock.now - start
        return found.compactMap {
            $0.mapped(dx: origin.x, dy: origin.y).symbol(decodeTime: elapsed, asked: options.symbologies)
        }
    }

    /// The reads that `ReadEvidence` accepts after further attempts on `image`: first zxing-cpp's
    /// own thorough search of the image as given, then rescaled and enhanced copies, each read
    /// by both decoders. A QR read ends the search; a linear one does not, as a later attempt
    /// may contradict it: misreads of a soft EAN can agree across two copies. An attempt that
    /// would likely end past `deadline` is skipped.
    private func retried(
        _ image: GrayImage, evidence: ReadEvidence, reader: ZXingReader, plainTime: Duration, deadline: ContinuousClock.Instant
    ) -> [RawSymbol] {
        let clock = ContinuousClock()
        var evidence = evidence
        evidence.add(reader.read(image, effort: .thorough), from: Attempt(1, by: .zxing))
        var copies: [Double: GrayImage] = [1: image]
        for attempt in Attempt.plan(shortSide: min(image.width, image.height)) {
            guard !evidence.accepted().contains(where: \.isQR) else { break }
            guard clock.now + attempt.estimatedTime(plainPass: plainTime) < deadline else { continue }
            let scaled = copies[attempt.factor] ?? image.scaled(by: attempt.factor)
            copies[attempt.factor] = scaled
            guard let copy = attempt.image(from: scaled) else { continue }
            let reads = attempt.decoder == .zbar ? scan(copy) : reader.read(copy, effort: .quick)
            evidence.add(reads.map { $0.mapped(scale: Double(image.width) / Double(copy.width)) }, from: attempt)
        }
        // Last, and only when the libraries read nothing (or no add-on yet): our own EAN/UPC
        // reader, which takes the narrow quiet zones they refuse. It confirms its reads on
        // several lines itself, so its read of the image as given counts as a plain read.
        let scanlines = ScanlineEANReader(symbologies: options.symbologies, readsAddOns: options.eanAddOns != .never)
        let attempt = Attempt(1, by: .scanline)
        if scanlines.isUseful, evidence.accepted().isEmpty || !evidence.mainsAwaitingAddOn.isEmpty,
           clock.now + attempt.estimatedTime(plainPass: plainTime) < deadline {
            evidence.add(scanlines.read(image), from: attempt)
        }
        // A main number read without the add-on its label carries (or one read once): look
        // beside the symbol the decoders located, at its module size, for an add-on they missed.
        // Like the reader's own reads, it must agree on several lines.
        if scanlines.readsAddOns, clock.now < deadline {
            for main in evidence.mainsAwaitingAddOn {
                guard let location = evidence.location(of: main),
                      let full = scanlines.addOn(beside: location, in: image) else { continue }
                evidence.add([full], from: attempt)
            }
        }
        return evidence.accepted()
    }

    /// Disables everything, then enables only what was asked: each extra symbology costs time
    /// and adds false reads.
    private func configure() {
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        for type in options.symbologies.map(\.zbarType) {
            zbar_image_scanner_set_config(scanner, type, ZBAR_CFG_ENABLE, 1)
        }
        // Raw QR bytes: zbar's own charset guess garbles UTF-8 Chinese; TextDecoding decides.
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
        if options.eanAddOns != .never {
            for type in [ZBAR_COMPOSITE, ZBAR_EAN2, ZBAR_EAN5] {
                zbar_image_scanner_set_config(scanner, type, ZBAR_CFG_ENABLE, 1)
            }
        }
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_TEST_INVERTED, options.tryInverted ? 1 : 0)
    }

    /// Every read of one zbar pass over `image`, contradicting ones included. zbar does not
    /// copy the pixels, so the scan runs while the buffer is pinned, and the results are
    /// copied out before the zbar image is destroyed.
    func scan(_ image: GrayImage) -> [RawSymbol] {
        image.pixels.withUnsafeBytes { pixels in
            guard let zimage = zbar_image_create() else { return [] }
            defer { zbar_image_destroy(zimage) }
            zbar_image_set_format(zimage, Self.fourccY800)
            zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))
            zbar_image_set_data(zimage, pixels.baseAddress, UInt(pixels.count), nil)
            guard zbar_scan_image(scanner, zimage) > 0 else { return [] }
            var symbols: [RawSymbol] = []
            var symbol = zbar_image_first_symbol(zimage)
            while let current = symbol {
                if let read = RawSymbol(zbar: current) { symbols.append(read) }
                symbol = zbar_symbol_next(current)
            }
            return symbols
        }
    }

    /// "Y800": 8-bit gray, one byte a pixel, as a little-endian fourcc.
    private static let fourccY800: UInt = 0x3030_3859
}
