// swift-tools-version: 6.0
// The root manifest has no package dependencies by design: adapters that need third-party
// packages (PostgreSQL) live in their own packages under `Adapters/`.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PrecisionMarketing",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CustomerModel", targets: ["CustomerModel"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "Segmentation", targets: ["Segmentation"]),
        .library(name: "Recommendation", targets: ["Recommendation"]),
        .library(name: "Privacy", targets: ["Privacy"]),
        .library(name: "Campaigns", targets: ["Campaigns"]),
        .library(name: "Social", targets: ["Social"]),
        .library(name: "PrecisionMarketing", targets: ["PrecisionMarketing"]),
        .library(name: "PrecisionMarketingTesting", targets: ["PrecisionMarketingTesting"]),
        .executable(name: "precision", targets: ["precision"]),
    ],
    targets: [
        .target(name: "CustomerModel", swiftSettings: strictSettings),
        .target(name: "Scoring", dependencies: ["CustomerModel"], swiftSettings: strictSettings),
        .target(name: "Segmentation", dependencies: ["CustomerModel", "Scoring"], swiftSettings: strictSettings),
        .target(name: "Recommendation", dependencies: ["CustomerModel"], swiftSettings: strictSettings),
        .target(name: "Privacy", dependencies: ["CustomerModel"], swiftSettings: strictSettings),
        .target(name: "Campaigns", dependencies: ["CustomerModel", "Scoring", "Privacy"], swiftSettings: strictSettings),
        .target(name: "Social", dependencies: ["CustomerModel"], swiftSettings: strictSettings),
        .target(
            name: "PrecisionMarketing",
            dependencies: ["CustomerModel", "Scoring", "Segmentation", "Recommendation", "Privacy", "Campaigns", "Social"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PrecisionMarketingTesting",
            dependencies: ["CustomerModel", "Scoring", "Segmentation", "Privacy", "Campaigns", "Social"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "precision",
            dependencies: ["PrecisionMarketing", "PrecisionMarketingTesting", "Social"],
            path: "Examples/precision",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "precision-benchmarks",
            dependencies: ["PrecisionMarketing", "PrecisionMarketingTesting", "Social"],
            path: "Benchmarks/Runner",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "recommendation-benchmarks",
            dependencies: ["PrecisionMarketing"],
            path: "Benchmarks/Recommendation",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CustomerModelTests",
            dependencies: ["CustomerModel", "PrecisionMarketingTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScoringTests",
            dependencies: ["Scoring", "CustomerModel", "PrecisionMarketingTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CampaignsTests",
            dependencies: ["Campaigns", "Privacy", "Scoring", "CustomerModel", "PrecisionMarketingTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SegmentationTests",
            dependencies: ["Segmentation", "Scoring", "CustomerModel", "PrecisionMarketingTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RecommendationTests",
            dependencies: ["Recommendation", "CustomerModel", "PrecisionMarketingTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocialTests",
            dependencies: ["Social", "CustomerModel", "PrecisionMarketingTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PrivacyTests",
            dependencies: ["Privacy", "CustomerModel", "PrecisionMarketingTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PrecisionMarketingTestingTests",
            dependencies: ["PrecisionMarketingTesting", "CustomerModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PrecisionMarketingTests",
            dependencies: ["PrecisionMarketing", "PrecisionMarketingTesting"],
            swiftSettings: strictSettings
        ),
    ]
)
