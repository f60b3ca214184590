/// One input to read: a file (as the user named it, or found inside a folder) or standard input.
public struct InputSource: Sendable, Hashable {
    /// The file's path as given on the command line, joined with its relative path inside a folder; `nil` for standard input.
    public let path: String?
    /// The size found when the source was listed (`nil` for standard input).
    public let byteCount: Int?
    /// How messages name this source.
    public var displayName: String

    public init(path: String?, byteCount: Int?, displayName: String? = nil) {
        self.path = path
        self.byteCount = byteCount
        self.displayName = displayName ?? path ?? "<stdin>"
    }

    /// Standard input.
    public static let standardInput = InputSource(path: nil, byteCount: nil, displayName: "<stdin>")

    /// Whether the source is read as JSON lines (by its extension).
    public var isJSONLines: Bool { path.map { $0.lowercased().hasSuffix(".jsonl") } ?? false }
}

/// The sources found for some command-line paths, the paths that failed, and what was skipped.
public struct InputExpansion: Sendable {
    public var sources: [InputSource] = []
    public var errors: [SitrepError] = []
    /// Files inside folders that were not read: other extensions.
    public var skippedOtherExtensions = 0
    /// Hidden files and folders inside folders.
    public var skippedHidden = 0

    public init() {}
}

/// What reading one source gives: a document, or a rejection naming the file (and line).
public enum IngestOutcome: Sendable {
    case document(Document)
    case rejected(SitrepError)
}

import SitrepCore
