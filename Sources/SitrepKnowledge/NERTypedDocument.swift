import SitrepLanguage

/// A document as the tagger reads it: each token is the number of its word type (`tokenTypes`), and each
/// word type has its atoms once (`atoms`), so no token copies a word's atoms and equal words share their
/// completion (`NERFeatures.completeASCII`), shape id and dictionary look-ups. Types `typeCount` and
/// `typeCount + 1` are the sentence start and end (`startType`, `endType`): their `lower` and
/// `shortShape` are `NERFeatures.sentenceStart` / `sentenceEnd`, so a sentence whose type ids are padded
/// with two of each on either side (`PaddedSentence`) reads its neighbours without bounds checks.
struct NERTypedDocument {
    /// Per type, then the start and end types (`typeCount + 2`).
    let atoms: UnsafeMutablePointer<NERFeatures.Atoms>
    /// Per type and the two boundary types: the `NERBlockCache` shape id of its `shortShape` (0 until looked up).
    let shapeIDs: UnsafeMutablePointer<Int32>
    /// Per type: the first token of that word (its bytes complete light atoms).
    let firstTokens: UnsafeMutablePointer<Int32>
    /// Per token: its word type.
    let tokenTypes: UnsafeMutablePointer<Int32>
    private(set) var tokenCount: Int
    private(set) var typeCount = 0
    /// The most tokens the buffers have room for.
    let capacity: Int

    /// Room for a document of `tokens` tokens (at most that many types).
    init(tokens: Int) {
        tokenCount = tokens
        capacity = tokens
        atoms = .allocate(capacity: tokens + 2)
        shapeIDs = .allocate(capacity: tokens + 2)
        firstTokens = .allocate(capacity: max(tokens, 1))
        tokenTypes = .allocate(capacity: max(tokens, 1))
    }

    /// The same buffers emptied for a document of `tokens` (at most `capacity`) tokens, its types to add.
    func emptied(tokens: Int) -> NERTypedDocument {
        precondition(tokens <= capacity)
        var d = self
        d.tokenCount = tokens; d.typeCount = 0
        return d
    }

    /// (Atoms hold no references: nothing to deinitialise.)
    func deallocate() { atoms.deallocate(); shapeIDs.deallocate(); firstTokens.deallocate(); tokenTypes.deallocate() }

    /// Adds type `typeCount` with `atoms` (first seen at token `token`).
    @inline(__always)
    mutating func addType(_ a: NERFeatures.Atoms, firstToken token: Int) {
        addType(firstToken: token) { $0 = a }
    }

    /// Adds type `typeCount` (first seen at token `token`), its atoms written in place by `fill` (they
    /// start as `Atoms()`).
    @inline(__always)
    mutating func addType(firstToken token: Int, _ fill: (inout NERFeatures.Atoms) -> Void) {
        let slot = atoms + typeCount
        slot.initialize(to: NERFeatures.Atoms())
        fill(&slot.pointee)
        firstTokens[typeCount] = Int32(truncatingIfNeeded: token)
        typeCount &+= 1
    }

    /// Writes the two boundary types after the `typeCount` word types and clears the shape ids (once all
    /// types are added).
    mutating func finish() {
        var start = NERFeatures.Atoms(), end = NERFeatures.Atoms()
        start.lower = NERFeatures.sentenceStart; start.shortShape = NERFeatures.sentenceStart
        end.lower = NERFeatures.sentenceEnd; end.shortShape = NERFeatures.sentenceEnd
        (atoms + typeCount).initialize(to: start)
        (atoms + typeCount + 1).initialize(to: end)
        shapeIDs.initialize(repeating: 0, count: typeCount)
        shapeIDs[typeCount] = NERBlockCache.startID
        shapeIDs[typeCount + 1] = NERBlockCache.endID
    }

    var startType: Int32 { Int32(truncatingIfNeeded: typeCount) }
    var endType: Int32 { Int32(truncatingIfNeeded: typeCount &+ 1) }

    /// The document of a flat array of atoms: tokens with the same type id (`ids`, 0..<`count`) share
    /// the atoms of the first of them.
    init(atoms flat: UnsafeBufferPointer<NERFeatures.Atoms>, ids: UnsafePointer<Int32>, count: Int) {
        self.init(tokens: flat.count)
        let first = firstTokens
        first.initialize(repeating: -1, count: count)
        for i in 0..<flat.count where first[Int(ids[i])] < 0 { first[Int(ids[i])] = Int32(truncatingIfNeeded: i) }
        for t in 0..<count { addType(flat[Int(first[t])], firstToken: Int(first[t])) }
        tokenTypes.update(from: ids, count: flat.count)
        finish()
    }
}

/// One sentence's type ids with two boundary types before and after (reused from sentence to sentence):
/// `ids[-2]`, `ids[-1]` are the start type, `ids[n]`, `ids[n + 1]` the end type; `marks[-1]` and
/// `marks[n]` are 0.
struct PaddedSentence {
    private let idBuffer: UnsafeMutablePointer<Int32>
    private let markBuffer: UnsafeMutablePointer<UInt64>
    /// Token 0 of the sentence.
    var ids: UnsafeMutablePointer<Int32> { idBuffer + 2 }
    var marks: UnsafeMutablePointer<UInt64> { markBuffer + 1 }

    /// Room for sentences of up to `longest` tokens.
    init(longest: Int) {
        idBuffer = .allocate(capacity: longest + 4)
        markBuffer = .allocate(capacity: longest + 2)
    }

    func deallocate() { idBuffer.deallocate(); markBuffer.deallocate() }

    /// Copies the type ids of tokens `range` of `document` in, with the boundary types around them.
    @inline(__always)
    func load(_ document: NERTypedDocument, _ range: Range<Int>) {
        let n = range.count
        idBuffer[0] = document.startType; idBuffer[1] = document.startType
        (idBuffer + 2).update(from: document.tokenTypes + range.lowerBound, count: n)
        idBuffer[n + 2] = document.endType; idBuffer[n + 3] = document.endType
        markBuffer[0] = 0; markBuffer[n + 1] = 0
    }
}

extension NERFeatures {
    /// `isHeadline` for the `n` tokens whose types are `ids` (atoms `atoms`).
    @inline(__always)
    static func isHeadline(_ ids: UnsafePointer<Int32>, count n: Int, atoms: UnsafePointer<Atoms>) -> Bool {
        var letters = 0
        for i in 0..<n {
            let a = atoms + Int(ids[i])
            guard a.pointee.hasLetter else { continue }
            if !a.pointee.allCaps { return false }
            letters &+= 1
        }
        return letters >= 2
    }
}

extension NERFeatures.DocumentFacts {
    /// The facts of a typed document: the same as `init(flat:sentences:)` over its tokens' atoms. A word
    /// written lowercase anywhere is entered once per type; a capitalised word once per type, the first
    /// time it stands past the start of a sentence that is no headline. Whether each sentence reads as a
    /// headline (1) or not (0) is written to `headlines`.
    init(document d: NERTypedDocument, sentences: [Range<Int>], headlines: UnsafeMutablePointer<UInt64>) {
        self.init()
        fill(document: d, sentences: sentences, headlines: headlines)
    }

    /// Enters the facts of a typed document (as `init(document:sentences:headlines:)`) into these
    /// facts, which are empty (new or `reset`).
    mutating func fill(document d: NERTypedDocument, sentences: [Range<Int>], headlines: UnsafeMutablePointer<UInt64>) {
        let atoms = d.atoms, types = d.tokenTypes
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(d.typeCount, 1)) { state in
            // Per type: 1 for a capitalised word not entered yet, 2 once entered, 0 for the others.
            let state = state.baseAddress!
            for t in 0..<d.typeCount {
                let a = atoms + t
                guard a.pointee.hasLetter else { state[t] = 0; continue }
                if a.pointee.capitalised { state[t] = 1 } else { state[t] = 0; _ = lowercaseSeen.insert(a.pointee.lower) }
            }
            for (s, range) in sentences.enumerated() {
                let headline = NERFeatures.isHeadline(types + range.lowerBound, count: range.count, atoms: atoms)
                headlines[s] = headline ? 1 : 0
                if headline { continue }
                var i = range.lowerBound &+ 1
                while i < range.upperBound {
                    let t = Int(types[i])
                    if state[t] == 1 { state[t] = 2; _ = capitalisedMid.insert(atoms[t].lower) }
                    i &+= 1
                }
            }
        }
    }
}
