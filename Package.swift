// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "SystemCard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "systemcard", targets: ["systemcard"]),
        .library(name: "SystemCardKit", targets: ["SystemCardKit"]),
        .library(name: "SystemCardCLI", targets: ["SystemCardCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.24.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
    ],
    targets: [
        // The engine: datasets, solvers, graders, metrics, providers, store, report.
        .target(
            name: "SystemCardKit",
            dependencies: [
                "LocalInference",
                "SandboxSpawn",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // In-process inference for small GGUF models; no dependencies, always optimised
        // (a debug build of the matrix kernels would be far too slow for tests).
        .target(
            name: "LocalInference",
            dependencies: ["LocalInferenceKernels"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        // The engine's kernels for CPU features chosen at run time (AVX2/FMA/F16C): C with per-function target
        // attributes, because a Swift module is compiled for one target and the package cannot assume them.
        // Always optimised, like the Swift kernels.
        .target(
            name: "LocalInferenceKernels",
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        // How a sandbox's bubblewrap is started: limits, niceness, its user and namespaces set between clone and
        // exec, which Swift cannot do safely (the child shares the engine's memory until it execs).
        .target(name: "SandboxSpawn"),
        // The red-teaming arena and the run viewer: a web app (Hummingbird) over the engine and its store.
        .target(
            name: "SystemCardArena",
            dependencies: [
                "SystemCardKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The commands: argument parsing and printing only, every command calls the library. A library so that
        // a program can run them with its own evaluations added (see Examples/CustomEvaluation).
        .target(
            name: "SystemCardCLI",
            dependencies: [
                "SystemCardKit",
                "SystemCardArena",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The `systemcard` executable: the commands with the built-in evaluations.
        .executableTarget(name: "systemcard", dependencies: ["SystemCardCLI", "SystemCardKit"]),
        // How to add an evaluation outside the package: one folder and one registry line (tested end to end).
        .executableTarget(
            name: "systemcard-example", dependencies: ["SystemCardCLI", "SystemCardKit"],
            path: "Examples/CustomEvaluation"),
        // Benchmarks (not tests): throughput, memory, resume time.
        .executableTarget(
            name: "systemcard-bench",
            dependencies: [
                "SystemCardKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A scriptable OpenAI-compatible loopback server for tests (Hummingbird).
        .target(
            name: "SystemCardTestSupport",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "SystemCardKitTests",
            dependencies: ["SystemCardKit", "SandboxSpawn", "SystemCardTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SystemCardArenaTests",
            dependencies: ["SystemCardArena", "SystemCardKit"]
        ),
        .testTarget(
            name: "SystemCardCLITests",
            dependencies: [
                "SystemCardKit", "SystemCardTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "LocalInferenceTests",
            dependencies: ["LocalInference"],
            exclude: ["Fixtures"]
        ),
    ]
)

for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
