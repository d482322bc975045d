// swift-tools-version:6.1
// The statistical benchmark suite (ordo-one/benchmark). Run from this folder with
// `swift package --allow-writing-to-directory .benchmarkBaselines benchmark`, or `make benchmarks`.
// For a quick side-by-side with the C lower bounds use `tracestation bench` (`make bench`).
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which is whatever the checkout is called.
let station = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "TraceStationBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LabelBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Imaging", package: station),
                .product(name: "Labels", package: station),
                .product(name: "Symbology", package: station),
                .product(name: "Verification", package: station),
            ],
            path: "Benchmarks/LabelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
