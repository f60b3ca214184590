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
    }

    let tables: UnsafeMutablePointer<Tables>
    /// Blocks of a kind kept between documents (`NERBlockCache.trim(limit:)`).
    let blockLimit: Int

    init(blockLimit: Int = 1 << 14) {
        self.blockLimit = blockLimit
        tables = .allocate(capacity: 1)
        tables.initialize(to: Tables())
    }

    deinit { tables.deinitialize(count: 1); tables.deallocate() }

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

    init() {
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
        return w ?? NERWorkspace()
    }

    func give(_ w: NERWorkspace) {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        if free.pointee.count < Self.limit { free.pointee.append(w) }
    }
}
