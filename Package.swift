// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rosplay",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RouterOSAPI", targets: ["RouterOSAPI"]),
        .library(name: "RouterModel", targets: ["RouterModel"]),
        .library(name: "MockRouter", targets: ["MockRouter"]),
        .executable(name: "rosplay", targets: ["rosplay"]),
        .executable(name: "mock-routeros", targets: ["mock-routeros"]),
        .executable(name: "rosplay-bench", targets: ["rosplay-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(
            name: "RouterOSAPI",
            dependencies: [
                "COpenSSL",
                "RouterModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "RouterModel"),
        .target(
            name: "Playbook",
            dependencies: ["RouterModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Reconciler",
            dependencies: ["Playbook", "RouterModel", "RouterOSAPI"]
        ),
        .target(
            name: "MockRouter",
            dependencies: [
                "RouterOSAPI",
                "RouterModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "MockRouter/Sources/MockRouter"
        ),
        .executableTarget(
            name: "mock-routeros",
            dependencies: [
                "MockRouter",
                "RouterOSAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "MockRouter/Sources/mock-routeros"
        ),
        .executableTarget(
            name: "rosplay",
            dependencies: [
                "RouterOSAPI",
                "RouterModel",
                "Playbook",
                "Reconciler",
                "MockRouter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rosplay-bench",
            dependencies: ["RouterOSAPI", "RouterModel", "Playbook", "Reconciler", "MockRouter", .product(name: "NIOCore", package: "swift-nio")]
        ),
        // Seeded generator and byte mutator shared by the fuzz tests; never shipped.
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport"),
        .testTarget(
            name: "RouterOSAPITests",
            dependencies: [
                "RouterOSAPI", "FuzzSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RouterModelTests",
            dependencies: ["RouterModel"]
        ),
        .testTarget(
            name: "PlaybookTests",
            dependencies: ["Playbook", "RouterModel", "FuzzSupport"]
        ),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: ["Reconciler", "Playbook", "RouterModel", "RouterOSAPI", "MockRouter"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "MockRouter", "RouterOSAPI", "RouterModel", "Playbook",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "MockRouterTests",
            dependencies: [
                "MockRouter", "RouterOSAPI", "RouterModel", "FuzzSupport", "COpenSSL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
