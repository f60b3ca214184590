/// What one `DocumentStore.save(_:)` did: which documents it added and which it found already stored.
public struct SaveResult: Sendable, Hashable {
    /// Ids of documents stored by this call, in the order given.
    public var added: [String]
    /// Ids of documents that were stored before (or earlier in the same batch), in the order given.
    public var alreadyPresent: [String]

    public init(added: [String] = [], alreadyPresent: [String] = []) {
        self.added = added
        self.alreadyPresent = alreadyPresent
    }
}
