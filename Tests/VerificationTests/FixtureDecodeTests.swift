import Imaging
import Testing
import Verification

@Suite("Decoding the real photos of the fixture folder")
struct FixtureDecodeTests {
    @Test(
        "at least 149 of the 151 photos decode to their expected text and none decodes wrong",
        .enabled(if: FixtureSample.folderExists, "the decode fixtures are not beside the repository (../shared/fixtures/decode)")
    )
    func decodesFixturePhotos() throws {
        var tally: [String: (decoded: Int, missed: Int, wrong: Int)] = [:]
        let samples = try FixtureSample.all()
        for sample in samples {
            // As in the reference measurement the format is known: add-ons expected where the
            // labels carry them (as `decode --expect-add-on 1`), ignored elsewhere.
            // The budget lets every attempt run, so the tally does not depend on the machine or
            // on a debug build being slower than a release build.
            let options = BarcodeDecoder.Options(eanAddOns: sample.folder.contains("extension") ? .expected : .never, timeBudget: .seconds(10))
            let symbols = try BarcodeDecoder(options: options).decode(file: sample.imagePath)
            var row = tally[sample.folder] ?? (0, 0, 0)
            if symbols.contains(where: { sample.matches($0.text) }) {
                row.decoded += 1
            } else if symbols.allSatisfy({ sample.isMissedAddOn($0.text) }) {
                // Nothing, or the main EAN read correctly without its add-on.
                row.missed += 1
            } else {
                row.wrong += 1
                Issue.record("\(sample): read \(symbols.map(\.text)), expected \(sample.expected)")
            }
            tally[sample.folder] = row
        }
        for (folder, row) in tally.sorted(by: { $0.key < $1.key }) {
            print("\(folder): \(row.decoded) of \(row.decoded + row.missed + row.wrong) decoded, \(row.wrong) wrong")
        }
        let decoded = tally.values.map(\.decoded).reduce(0, +)
        print("all: \(decoded) of \(samples.count) decoded")
        #expect(samples.count == 151)
        #expect(decoded >= 149)
    }
}
