import Foundation
import SitrepCore

/// Reads files, folders, standard input and JSON lines into cleaned, dated documents.
///
/// ```swift
/// let reader = DocumentReader(options: .init(maxFileBytes: 8 << 20))
/// let (sources, errors) = reader.expand(["examples/", "-"])
/// for source in sources {
///     reader.read(source) { outcome in … }
/// }
/// ```
public struct DocumentReader: Sendable {
    public let options: IngestOptions
    let cleaner: TextCleaner

    public init(options: IngestOptions = .init()) {
        self.options = options
        self.cleaner = TextCleaner()
    }

    /// Expands command-line paths ("-" = stdin) into sources; missing/unreadable paths become errors.
    public func expand(_ paths: [String]) -> (sources: [InputSource], errors: [SitrepError]) {
        let e = expansion(paths)
        return (e.sources, e.errors)
    }

    /// Reads, decodes and cleans one source; calls `each` once per document or rejection (per line for .jsonl).
    public func read(_ source: InputSource, stdin: () -> [UInt8] = { readAllStandardInput() },
                     each: (IngestOutcome) throws -> Void) rethrows {
        let name = source.displayName
        let limit = min(options.maxFileBytes, IngestOptions.largestFileBytes)
        let bytes: [UInt8]
        if let path = source.path {
            switch FileBytes.read(path: path, display: name, limit: limit) {
            case .success(let b): bytes = b
            case .failure(let error): try each(.rejected(error)); return
            }
        } else {
            let b = stdin()
            guard b.count <= limit else {
                try each(.rejected(FileBytes.tooLarge(name, size: b.count, limit: limit)))
                return
            }
            bytes = b
        }
        let decoded: TextDecoder.Decoded
        switch TextDecoder.decode(bytes, input: name) {
        case .success(let d): decoded = d
        case .failure(let error): try each(.rejected(error)); return
        }
        // UTF-16 and Windows-1252 grow when written as UTF-8; offsets must still fit 32 bits.
        let decodedSize = decoded.text.utf8.count
        guard decodedSize <= IngestOptions.largestFileBytes else {
            try each(.rejected(FileBytes.tooLarge(name, size: decodedSize, limit: IngestOptions.largestFileBytes)))
            return
        }
        if source.isJSONLines {
            try readJSONLines(decoded, source: source, each: each)
            return
        }
        try each(outcome(text: decoded.text, encoding: decoded.encoding, path: source.path, input: name, metadata: .init()))
    }

    /// A document, or `ingest.empty` when nothing is left to read.
    func outcome(text: String, encoding: String, path: String?, input: String, metadata: DocumentMetadata) -> IngestOutcome {
        var doc = document(text: text, path: path, metadata: metadata)
        doc.encoding = encoding
        if doc.text.isEmpty {
            let what = doc.removed.isEmpty ? "holds only whitespace" : "holds nothing but page furniture (\(doc.removed.count) part\(doc.removed.count == 1 ? "" : "s") removed)"
            return .rejected(SitrepError(code: "ingest.empty", input: input, message: "no article text: the input \(what)"))
        }
        return .document(doc)
    }

    /// Cleans already-decoded text into a document (used by read, tests, benchmarks).
    /// The text must be under 2 GiB of UTF-8 (`IngestOptions.largestFileBytes`); `read` makes sure of it.
    public func document(text: String, path: String?, metadata: DocumentMetadata = .init()) -> Document {
        var raw = text
        let cleaned = raw.withUTF8 { cleaner.clean($0, metadata: metadata, source: text) }
        return Document(path: path, title: cleaned.title, outlet: cleaned.outlet, url: metadata.url,
                        published: cleaned.published, text: cleaned.text, removed: cleaned.removed,
                        offsetMap: cleaned.offsetMap, rawLength: text.utf8.count, encoding: nil)
    }
}

/// Reads all of standard input.
public func readAllStandardInput() -> [UInt8] {
    [UInt8](FileHandle.standardInput.readDataToEndOfFile())
}
