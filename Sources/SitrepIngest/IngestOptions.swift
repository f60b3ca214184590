/// Limits for reading input.
public struct IngestOptions: Sendable, Hashable {
    /// Files larger than this are refused without being read (`ingest.tooLarge`). Default 64 MiB.
    /// At most `IngestOptions.largestFileBytes`: offsets into a document are 32-bit.
    public var maxFileBytes: Int

    /// The largest limit there can be (2 GiB − 1: `TextRange` offsets are `Int32`).
    public static let largestFileBytes = Int(Int32.max) - 1

    public init(maxFileBytes: Int = 64 << 20) {
        self.maxFileBytes = min(max(0, maxFileBytes), IngestOptions.largestFileBytes)
    }
}
