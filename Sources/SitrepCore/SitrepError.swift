/// A public error with a stable code (`ingest.invalidUTF8`, `store.migration`), the input it
/// concerns, and a message that says what to do. The CLI maps these to one line and an exit status.
public struct SitrepError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable, dotted: the part before the dot names the layer.
    public var code: String
    /// The file, line or record the error is about (`examples/a.txt`, `feed.jsonl:12`).
    public var input: String?
    public var message: String

    public init(code: String, input: String? = nil, message: String) {
        self.code = code; self.input = input; self.message = message
    }

    /// Errors whose cause is the user's command line rather than an input file.
    public var isUsageError: Bool { code.hasPrefix("usage.") }

    public var description: String {
        if let input { return "\(input): \(message) [\(code)]" }
        return "\(message) [\(code)]"
    }
}
