// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TraceStation",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tracestation", targets: ["tracestation"]),
        .library(name: "TraceCodes", targets: ["TraceCodes"]),
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "Symbology", targets: ["Symbology"]),
        .library(name: "Verification", targets: ["Verification"]),
        .library(name: "ZPL", targets: ["ZPL"]),
        .library(name: "Labels", targets: ["Labels"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "VirtualPrinter", targets: ["VirtualPrinter"]),
        .library(name: "Printing", targets: ["Printing"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "PlatformSim", targets: ["PlatformSim"]),
        .library(name: "Station", targets: ["Station"]),
        .library(name: "StationHTTP", targets: ["StationHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
    ],
    targets: [
        // C libraries. zbar and libqrencode report errors by return value, so a module map is
        // enough; libpng and libjpeg report errors by longjmp, which Swift cannot catch, so
        // each has a small C shim that turns a longjmp into a return code.
        .systemLibrary(name: "CZbar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        // zxing-cpp is C++; this target gives it a C face so Swift needs no C++ interop.
        .target(name: "CZXing", linkerSettings: [.linkedLibrary("ZXing")]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CPNG", linkerSettings: [.linkedLibrary("png16")]),
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),

        .target(name: "TraceCodes", resources: [.copy("Resources/ecode-versions.json")]),
        .target(name: "Imaging", dependencies: ["CPNG", "CJPEG", "CFreeType"]),
        .target(name: "Symbology", dependencies: ["Imaging", "CQREncode"]),
        .target(name: "Verification", dependencies: ["Imaging", "TraceCodes", "Symbology", "CZbar", "CZXing"]),
        .target(name: "ZPL", dependencies: ["CZlib"]),
        .target(
            name: "Labels",
            dependencies: ["TraceCodes", "Imaging", "Symbology", "ZPL", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Ledger",
            dependencies: [
                "TraceCodes", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own API, for the few inserts that bind their values directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // The plant's shared ledger on a PostgreSQL server.
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "VirtualPrinter",
            dependencies: [
                "ZPL", "Symbology", "Imaging",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Printing",
            dependencies: ["ZPL", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
        .target(
            name: "Reporting",
            dependencies: [
                "Ledger", "TraceCodes", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The reference receiver for reports: what tests and the demo deliver to.
        .target(
            name: "PlatformSim",
            dependencies: [
                "Reporting", "TraceCodes", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The line workflow: issue → render → print → verify → record, and its configuration.
        .target(
            name: "Station",
            dependencies: [
                "TraceCodes", "Imaging", "Symbology", "Verification", "ZPL", "Labels", "Ledger", "VirtualPrinter", "Printing",
                "Reporting", .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The station's HTTP API, dashboard and metrics.
        .target(
            name: "StationHTTP",
            dependencies: [
                "Station", "Ledger", "Labels", "Printing", "Reporting", "TraceCodes", "Verification", "Imaging", "Symbology",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "tracestation",
            dependencies: [
                "TraceCodes", "Imaging", "Symbology", "Verification", "ZPL", "Labels", "Ledger", "VirtualPrinter", "Printing",
                "Reporting", "PlatformSim", "Station", "StationHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        .testTarget(name: "TraceCodesTests", dependencies: [
            "TraceCodes", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(
            name: "ImagingTests",
            dependencies: ["Imaging", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "SymbologyTests", dependencies: [
            "Symbology", "Imaging", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "VerificationTests", dependencies: [
            "Verification", "Symbology", "Imaging", "TraceCodes",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ZPLTests", dependencies: [
            "ZPL", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(
            name: "LabelsTests",
            dependencies: [
                "Labels", "ZPL", "Imaging", "Symbology", "Verification", "TraceCodes",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Golden ZPL files, read by path so they can be rewritten in place.
            exclude: ["Golden"]
        ),
        // A fresh database per test on the PostgreSQL test server, and a relay in front of it
        // a test can cut: shared by the test targets that need a real PostgreSQL, used by no product.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "Ledger", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/PostgresTestSupport"
        ),
        .testTarget(name: "LedgerTests", dependencies: [
            "Ledger", "PostgresTestSupport", "TraceCodes", .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .testTarget(name: "VirtualPrinterTests", dependencies: [
            "VirtualPrinter", "ZPL", "Symbology", "Imaging", "Verification",
            .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "PrintingTests", dependencies: [
            "Printing", "VirtualPrinter", "ZPL", "Labels", "Verification", "Imaging", "TraceCodes",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ReportingTests", dependencies: [
            "Reporting", "Ledger", "PlatformSim", "TraceCodes", .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "PlatformSimTests", dependencies: [
            "PlatformSim", "Reporting", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "StationTests", dependencies: [
            "Station", "Ledger", "PostgresTestSupport", "Labels", "Printing", "VirtualPrinter", "Verification", "Imaging", "TraceCodes",
            .product(name: "PropertyBased", package: "swift-property-based"), .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "StationHTTPTests", dependencies: [
            "StationHTTP", "Station", "Ledger", "PostgresTestSupport", "TraceCodes", "Symbology", "Reporting", "VirtualPrinter",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        // Runs the built `tracestation` binary: the command lines are an interface scripts rely on.
        .testTarget(name: "CLITests", dependencies: ["tracestation", "Ledger", "PostgresTestSupport", "Reporting", "Imaging", "Symbology"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
