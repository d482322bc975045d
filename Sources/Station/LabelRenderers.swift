import Foundation
import Labels
import Ledger
import NIOPosix

/// One `LineLabels` per core, so a hand-off's labels are rendered side by side: turning a
/// label into ZPL (layout, raster, compression) is most of a line's work, and on one thread
/// it would cap the line at one core's pace.
///
/// Each `LineLabels` must be used by one thread at a time: `render` gives each its own
/// contiguous share of the codes, and the line calls `render` from one pump at a time.
final class LabelRenderers: Sendable {
    private let renderers: [LineLabels]

    init(count: Int, make: () throws(StationError) -> LineLabels) throws(StationError) {
        var renderers: [LineLabels] = []
        for _ in 0..<max(1, count) { renderers.append(try make()) }
        self.renderers = renderers
    }

    /// Dots per millimetre of the line's printer.
    var dotsPerMillimetre: Int { renderers[0].dotsPerMillimetre }

    /// The labels of `codes`, in order, rendered on NIO's blocking-work threads; when one
    /// cannot be rendered, the labels before it and the error.
    func render(_ codes: [IssuedCode], of batch: Batch) async -> (labels: [LineLabel], failure: StationError?) {
        guard !codes.isEmpty else { return ([], nil) }
        let shares = min(renderers.count, codes.count)
        let size = (codes.count + shares - 1) / shares
        let results = await withTaskGroup(of: (Int, [LineLabel], StationError?).self) { group in
            for share in 0..<shares {
                let part = Array(codes[(share * size)..<min(codes.count, (share + 1) * size)])
                let renderer = renderers[share]
                group.addTask {
                    await LineWorkflow.offLoop { () -> (Int, [LineLabel], StationError?) in
                        var labels: [LineLabel] = []
                        for code in part {
                            do throws(StationError) {
                                labels.append(try renderer.label(for: code, of: batch))
                            } catch {
                                return (share, labels, error)
                            }
                        }
                        return (share, labels, nil)
                    }
                }
            }
            var results = [(labels: [LineLabel], failure: StationError?)](repeating: ([], nil), count: shares)
            for await (share, labels, failure) in group { results[share] = (labels, failure) }
            return results
        }
        var labels: [LineLabel] = []
        for result in results {
            labels += result.labels
            if let failure = result.failure { return (labels, failure) }
        }
        return (labels, nil)
    }
}
