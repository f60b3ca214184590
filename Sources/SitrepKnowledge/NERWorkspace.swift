#if canImport(Glibc)
import Glibc
#endif

/// The tables the recogniser fills while tagging one document, kept for the next document a thread
/// tags instead of allocated (and zeroed) anew: the word-score cache, the label memory and the
/// document facts are emptied before each document (`reset`, keeping their storage), and the block
/// caches (`NERBlockCache`), whose sums do not depend on the document, are kept as they are until
/// they hold more than `blockLimit` blocks of a kind. The tables live behind a pointer, so passing
/// them `inout` costs no exclusivity check; one thread at a time uses a workspace (`NERWorkspacePool`).
final class NERWorkspace {
    struct Tables {
        var blocks = NERBlockCache()
        var cache = NERWordScoreCache()
        var memory = NERLabelMemory()
        var facts = NERFeatures.DocumentFacts()
        /// The word types of the document (`find`), emptied slot by slot.
        var types = NERWordTypes(tokens: 0)
        /// Buffers for the typed document and the per-type rows, grown when a document needs more.
        var document: NERTypedDocument? = nil
        var rows: NERTypeScoreRows? = nil
    }

    let tables: UnsafeMutablePointer<Tables>
    /// Blocks of a kind kept between documents (`NERBlockCache.trim(limit:)`).
    let blockLimit: Int
    /// Word-feature sums of this workspace's thread, in front of the recogniser's shared memo (no lock).
    let memo: NERWordScoreMemo?

    /// `shared`: the recogniser's memo (nil: word sums are not kept between documents).
    init(blockLimit: Int = 1 << 14, shared: NERWordScoreMemo? = nil) {
        self.blockLimit = blockLimit
        memo = shared.map { NERWordScoreMemo(locking: false, shared: $0, limit: 1 << 15) }
        tables = .allocate(capacity: 1)
        tables.initialize(to: Tables())
    }

    deinit {
        tables.pointee.types.deallocate()
        tables.pointee.document?.deallocate()
        tables.pointee.rows?.deallocate()
        tables.deinitialize(count: 1); tables.deallocate()
    }

    /// An empty typed document with room for `tokens` tokens, in this workspace's buffers (valid until
    /// the next call; not to be deallocated).
    func document(tokens: Int) -> NERTypedDocument {
        if let d = tables.pointee.document, d.capacity >= tokens { return d.emptied(tokens: tokens) }
        tables.pointee.document?.deallocate()
        let d = NERTypedDocument(tokens: max(tokens, 256))
        tables.pointee.document = d
        return d.emptied(tokens: tokens)
    }

    /// Empty per-type rows for `typeCount` word types, in this workspace's buffers (valid until the next
    /// call; not to be deallocated).
    func rows(typeCount: Int) -> NERTypeScoreRows {
        if let r = tables.pointee.rows, r.capacity >= typeCount { return r.emptied(typeCount: typeCount) }
        tables.pointee.rows?.deallocate()
        let r = NERTypeScoreRows(capacity: max(typeCount, 256))
        tables.pointee.rows = r
        return r.emptied(typeCount: typeCount)
    }

    /// Empties the per-document tables (and trims the block caches) before a document.
    func prepare() {
        tables.pointee.cache.reset()
        tables.pointee.memory.reset()
        tables.pointee.facts.reset()
        tables.pointee.blocks.trim(limit: blockLimit)
    }
}

/// Workspaces of one recogniser for the threads using it: `take` hands out a free one (or a new one),
/// `give` takes it back. A plain pthread mutex, taken twice per document.
final class NERWorkspacePool: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// The free workspaces, behind a pointer the mutex guards.
    private let free: UnsafeMutablePointer<[NERWorkspace]>
    /// Free workspaces kept at most (more threads than this make new ones that are dropped after use).
    static let limit = 16

    /// The recogniser's shared word-sum memo, behind each workspace's own.
    let memo: NERWordScoreMemo?

    init(memo: NERWordScoreMemo?) {
        self.memo = memo
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        free = .allocate(capacity: 1)
        free.initialize(to: [])
    }

    deinit {
        pthread_mutex_destroy(mutex); mutex.deallocate()
        free.deinitialize(count: 1); free.deallocate()
    }

    func take() -> NERWorkspace {
        pthread_mutex_lock(mutex)
        let w = free.pointee.popLast()
        pthread_mutex_unlock(mutex)
        return w ?? NERWorkspace(shared: memo)
    }

    func give(_ w: NERWorkspace) {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        if free.pointee.count < Self.limit { free.pointee.append(w) }
    }
}
