/// What `ActorUnits.units` computes for a plain word (one to fifteen ASCII letters), kept by the word's bytes for the
/// rest of one document: most words come back ("the", "said", a town's name), and are then looked up instead of
/// hashed and classified again. Direct-mapped: a word's slot holds the last word cut there.
///
/// A word is its bytes packed little-endian in two words, zero past its end (`w0`, `w1`); a word's first byte is a
/// letter, so `w0` is never zero and a zeroed slot is empty. Any number of slots (a power of two) gives the same
/// units: a short text (an alias) gets one, not worth clearing 256 for.
struct ActorWordCache {
    struct Entry {
        var w0: UInt64
        var w1: UInt64
        var folded: UInt64
        var exact: UInt64
        var alternative: UInt64
        var flags: UInt8
    }

    /// A bit of `Entry.flags` beside `ActorUnit`'s own: the word's folded form is the article "al" or "el" (one
    /// bit test per word instead of two hash comparisons).
    static let article: UInt8 = 0x80

    let entries: UnsafeMutablePointer<Entry>
    let mask: Int

    /// A cache of `slots` (a power of two) empty slots; `deallocate` when the document is done.
    init(slots: Int) {
        entries = .allocate(capacity: slots)
        entries.initialize(repeating: Entry(w0: 0, w1: 0, folded: 0, exact: 0, alternative: 0, flags: 0), count: slots)
        mask = slots - 1
    }

    func deallocate() { entries.deallocate() }

    /// The slot of a word.
    @inline(__always) func slot(_ w0: UInt64, _ w1: UInt64) -> UnsafeMutablePointer<Entry> {
        let h = (w0 ^ (w1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return entries + (Int(truncatingIfNeeded: h >> 56) & mask)
    }
}
