/// Limits for reading input.
public struct IngestOptions: Sendable, Hashable {
    /// Files larger than this are refused without being read (`ingest.tooLarge`). Default 64 MiB.
    public var maxFileBytes: Int

    public init(maxFileBytes: Int = 64 << 20) {
        self.maxFileBytes = maxFileBytes
    }
}
