// swift-tools-version: 6.0
// The PostgreSQL adapter lives in its own package so that the root package stays free of
// third-party dependencies; it depends on the root package by path.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PostgresStorage",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PostgresStorage", targets: ["PostgresStorage"]),
        .executable(name: "postgres-benchmarks", targets: ["postgres-benchmarks"]),
    ],
    dependencies: [
        // Named so that product references work whatever the checkout folder is called.
        .package(name: "PrecisionMarketing", path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Both already come with postgres-nio; named so that their modules can be imported.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "PostgresStorage",
            dependencies: [
                .product(name: "CustomerModel", package: "PrecisionMarketing"),
                .product(name: "Privacy", package: "PrecisionMarketing"),
                .product(name: "Segmentation", package: "PrecisionMarketing"),
                .product(name: "Campaigns", package: "PrecisionMarketing"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PostgresStorageTests",
            dependencies: [
                "PostgresStorage",
                .product(name: "CustomerModel", package: "PrecisionMarketing"),
                .product(name: "Privacy", package: "PrecisionMarketing"),
                .product(name: "Segmentation", package: "PrecisionMarketing"),
                .product(name: "Campaigns", package: "PrecisionMarketing"),
                .product(name: "PrecisionMarketing", package: "PrecisionMarketing"),
                .product(name: "PrecisionMarketingTesting", package: "PrecisionMarketing"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "postgres-benchmarks",
            dependencies: [
                "PostgresStorage",
                .product(name: "CustomerModel", package: "PrecisionMarketing"),
                .product(name: "Privacy", package: "PrecisionMarketing"),
                .product(name: "PrecisionMarketingTesting", package: "PrecisionMarketing"),
            ],
            path: "Benchmarks",
            swiftSettings: strictSettings
        ),
    ]
)
