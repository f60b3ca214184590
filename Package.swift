// swift-tools-version:6.0
// Sitrep: news reports about armed conflict in, a dated, geolocated, sourced event log out.
// Dependencies point one way: sitrep (CLI) → Store*/Extract/Link → Knowledge → Language → Core.
import PackageDescription

let package = Package(
    name: "Sitrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .library(name: "SitrepCore", targets: ["SitrepCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Document model, offsets, event record and vocabulary. No I/O.
        .target(name: "SitrepCore"),
        // Files, folders, stdin and JSON lines → cleaned, dated Documents.
        .target(name: "SitrepIngest", dependencies: ["SitrepCore"], resources: [.copy("Resources")]),
        // Tokens, sentences, quantities, time expressions, attribution, certainty.
        .target(name: "SitrepLanguage", dependencies: ["SitrepCore"], resources: [.copy("Resources")]),
        // Gazetteer, actor dictionary, named-entity recognition.
        .target(name: "SitrepKnowledge", dependencies: ["SitrepCore", "SitrepLanguage"], resources: [.copy("Resources")]),
        // Sentences → typed event mentions with roles, counts, places, dates, sources, evidence.
        .target(name: "SitrepExtract", dependencies: ["SitrepCore", "SitrepLanguage", "SitrepKnowledge"], resources: [.copy("Resources")]),
        // Mentions across documents → canonical events, corroboration, contradictions, relations.
        .target(name: "SitrepLink", dependencies: ["SitrepCore"], resources: [.copy("Resources")]),
        // The store protocol and its records.
        .target(name: "SitrepStore", dependencies: ["SitrepCore"]),
        // The embedded store: one SQLite file through GRDB.
        .target(name: "SitrepStoreSQLite", dependencies: [
            "SitrepCore", "SitrepStore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The command line.
        .executableTarget(name: "sitrep", dependencies: [
            "SitrepCore", "SitrepIngest", "SitrepLanguage", "SitrepKnowledge", "SitrepExtract", "SitrepLink",
            "SitrepStore", "SitrepStoreSQLite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SitrepCoreTests", dependencies: ["SitrepCore"]),
        .testTarget(name: "SitrepIngestTests", dependencies: ["SitrepIngest"]),
        .testTarget(name: "SitrepLanguageTests", dependencies: ["SitrepLanguage"]),
        .testTarget(name: "SitrepKnowledgeTests", dependencies: ["SitrepKnowledge"]),
        .testTarget(name: "SitrepExtractTests", dependencies: ["SitrepExtract", "SitrepIngest"], exclude: ["Fixtures"]),
        .testTarget(name: "SitrepLinkTests", dependencies: ["SitrepLink"], exclude: ["Fixtures"]),
        .testTarget(name: "SitrepStoreSQLiteTests", dependencies: ["SitrepStoreSQLite", "SitrepIngest"]),
        .testTarget(name: "SitrepCLITests", dependencies: ["sitrep"], exclude: ["Fixtures"]),
    ]
)
