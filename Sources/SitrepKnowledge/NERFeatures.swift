import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Feature extraction for the named-entity recogniser.
///
/// Every token gets the same number of hashed features (`NERFeatures.staticCount`), built from
/// per-token "atoms" (the word, its lowercase form, shapes, affixes) and their neighbours', plus a few
/// document-level facts (is this word written capitalised mid-sentence, or lowercase, elsewhere in the
/// document) and an optional dictionary atom per token (the actor dictionary's kind, `B`/`I`). Tag
/// history features (`previousTagFeatures`) are added at decoding time.
enum NERFeatures {
    /// Number of static features per token.
    static let staticCount = 36
    /// Number of tag-history features per token.
    static let historyCount = 7

    /// A word's hashed views.
    struct Atoms {
        var word: UInt64 = 0
        var lower: UInt64 = 0
        /// FNV-1a of the lowercase form before mixing (`EntityGazetteer.lowerHash`).
        var lowerFNV: UInt64 = 0
        var shape: UInt64 = 0
        var shortShape: UInt64 = 0
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// Starts with an uppercase letter.
        var capitalised = false
        /// Has a letter and no lowercase letter.
        var allCaps = false
        var hasLetter = false
        /// No uppercase letter anywhere (ASCII only: lowercase words, numbers, punctuation): such a
        /// token practically never begins a name (CoNLL++ dev: 8 of 5,020 PER/ORG/LOC names), so after
        /// an `O` the decoder tags it `O` without scoring.
        var cannotStart = false
        /// Starts with a lowercase ASCII letter and has no uppercase letter.
        var lowercaseWord = false
        /// `word`, `shape`, the prefixes and the suffixes are set (false for `asciiLightAtoms` until
        /// `completeASCII` fills them in: only tokens the decoder scores need them).
        var complete = true
    }

    // MARK: hashing

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* 0x100_0000_01B3 ^ b) }

    /// `a` as `combine` multiplies its first argument, for a first argument used in many pairs.
    @inline(__always)
    static func scaled(_ a: UInt64) -> UInt64 { a &* 0x100_0000_01B3 }

    /// `combine(a, b)` given `scaled(a)`.
    @inline(__always)
    static func combine(scaled a: UInt64, _ b: UInt64) -> UInt64 { mix(a ^ b) }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64) -> UInt64 { combine(template &* 0x51_7CC1_B727_220A, a) }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { combine(feature(template, a), b) }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        combine(combine(feature(template, a), b), c)
    }

    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return mix(h)
    }

    static let sentenceStart = hash("<s>".utf8)
    static let sentenceEnd = hash("</s>".utf8)

    // MARK: atoms

    static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01B3

    static func atoms(of word: String) -> Atoms {
        var w = word
        return w.withUTF8 { b in
            for c in b where c >= 0x80 { return unicodeAtoms(of: word) }
            return asciiAtoms(b)
        }
    }

    /// `atoms(of:)` for an ASCII word in one pass over its bytes, without allocating (the same values as
    /// `unicodeAtoms(of:)`, which handles any word).
    static func asciiAtoms(_ b: UnsafeBufferPointer<UInt8>) -> Atoms {
        var a = Atoms()
        let n = b.count
        var hw = fnvBasis, hl = fnvBasis, hs = fnvBasis, hss = fnvBasis
        var pre: (UInt64, UInt64, UInt64, UInt64) = (fnvBasis, fnvBasis, fnvBasis, fnvBasis)
        var last: UInt8 = 0
        var hasLower = false, hasUpper = false
        for i in 0..<n {
            let c = b[i]
            var l = c
            let s: UInt8
            switch c {
            case 0x41...0x5A: s = 0x58; l = c | 0x20; hasUpper = true
            case 0x61...0x7A: s = 0x78; hasLower = true
            case 0x30...0x39: s = 0x64
            default: s = c
            }
            hw = (hw ^ UInt64(c)) &* fnvPrime
            hl = (hl ^ UInt64(l)) &* fnvPrime
            if i < 16 { hs = (hs ^ UInt64(s)) &* fnvPrime }
            if i == 0 || s != last { hss = (hss ^ UInt64(s)) &* fnvPrime; last = s }
            switch i {
            case 0: pre = (hl, hl, hl, hl)
            case 1: pre.1 = hl; pre.2 = hl; pre.3 = hl
            case 2: pre.2 = hl; pre.3 = hl
            case 3: pre.3 = hl
            default: break
            }
        }
        a.hasLetter = hasLower || hasUpper
        a.capitalised = n > 0 && b[0] >= 0x41 && b[0] <= 0x5A
        a.allCaps = a.hasLetter && !hasLower
        a.cannotStart = !hasUpper
        a.lowercaseWord = !hasUpper && n > 0 && b[0] >= 0x61 && b[0] <= 0x7A
        a.word = mix(hw); a.lower = mix(hl); a.lowerFNV = hl; a.shape = mix(hs); a.shortShape = mix(hss)
        a.prefixes = (mix(pre.0), mix(pre.1), mix(pre.2), mix(pre.3))
        @inline(__always) func suffix(_ k: Int) -> UInt64 {
            var h = fnvBasis
            for j in max(0, n - k)..<n {
                let c = b[j]
                h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* fnvPrime
            }
            return mix(h)
        }
        a.suffixes = (suffix(1), suffix(2), suffix(3), suffix(4))
        if n < 4 { a.prefixes.3 = 0; a.suffixes.3 = 0 }
        if n < 3 { a.prefixes.2 = 0; a.suffixes.2 = 0 }
        return a
    }

    /// The atoms every token needs, for an ASCII word: `lower`, `lowerFNV`, `shortShape` and the flags
    /// (the same values as `asciiAtoms`); `word`, `shape`, prefixes and suffixes are left for
    /// `completeASCII`, which only the tokens the decoder scores need (`complete` is false).
    @inline(__always)
    static func asciiLightAtoms(_ b: UnsafeBufferPointer<UInt8>) -> Atoms {
        var a = Atoms()
        _ = lightAtoms(b, into: &a)
        return a
    }

    /// `asciiLightAtoms(b)` written to `a` (which starts as `Atoms()`) when `b` is ASCII (true); false (and
    /// `a` to be overwritten) when `b` has a byte beyond ASCII: one pass over the word checks and hashes it.
    @inline(__always)
    static func lightAtoms(_ b: UnsafeBufferPointer<UInt8>, into a: inout Atoms) -> Bool {
        let n = b.count
        var hl = fnvBasis, hss = fnvBasis
        var last: UInt32 = 0x100  // no shape byte: the first byte always joins the short shape
        var high: UInt8 = 0
        var cases: UInt32 = 0
        byteClasses.withUnsafeBufferPointer { table in
            for i in 0..<n {
                let c = b[i]
                high |= c
                let e = table[Int(c)]
                hl = (hl ^ UInt64(e & 0xFF)) &* fnvPrime
                let s = (e >> 8) & 0xFF
                if s != last { hss = (hss ^ UInt64(s)) &* fnvPrime; last = s }
                cases |= e
            }
        }
        guard high < 0x80 else { return false }
        let hasUpper = cases & 0x1_0000 != 0, hasLower = cases & 0x2_0000 != 0
        a.hasLetter = hasLower || hasUpper
        a.capitalised = n > 0 && b[0] >= 0x41 && b[0] <= 0x5A
        a.allCaps = a.hasLetter && !hasLower
        a.cannotStart = !hasUpper
        a.lowercaseWord = !hasUpper && n > 0 && b[0] >= 0x61 && b[0] <= 0x7A
        a.lower = mix(hl); a.lowerFNV = hl; a.shortShape = mix(hss)
        a.complete = false
        return true
    }

    /// Per byte, as `asciiAtoms` reads it: the lowercase form (bits 0–7), the shape character (8–15:
    /// `X`, `x`, `d` or the byte itself) and 1 << 16 for an uppercase ASCII letter, 2 << 16 for a lowercase one.
    static let byteClasses: [UInt32] = (0..<256).map { (v: Int) -> UInt32 in
        let c = UInt32(v)
        switch v {
        case 0x41...0x5A: return (c | 0x20) | 0x58 << 8 | 1 << 16
        case 0x61...0x7A: return c | 0x78 << 8 | 2 << 16
        case 0x30...0x39: return c | 0x64 << 8
        default: return c | c << 8
        }
    }

    /// Fills in what `asciiLightAtoms` left out (`b` is the same ASCII word): afterwards `a` equals `asciiAtoms(b)`.
    /// One pass for the word, shape and prefix hashes (lowercase and shape bytes from `byteClasses`), then the suffixes.
    @inline(__always)
    static func completeASCII(_ a: inout Atoms, _ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var hw = fnvBasis, hs = fnvBasis, hl = fnvBasis
        var p1 = fnvBasis, p2 = fnvBasis, p3 = fnvBasis
        byteClasses.withUnsafeBufferPointer { table in
            for i in 0..<n {
                let c = b[i]
                let e = table[Int(c)]
                hw = (hw ^ UInt64(c)) &* fnvPrime
                if i < 16 { hs = (hs ^ UInt64((e >> 8) & 0xFF)) &* fnvPrime }
                if i < 4 {
                    hl = (hl ^ UInt64(e & 0xFF)) &* fnvPrime
                    switch i {
                    case 0: p1 = hl; p2 = hl; p3 = hl
                    case 1: p2 = hl; p3 = hl
                    case 2: p3 = hl
                    default: break
                    }
                }
            }
        }
        a.word = mix(hw); a.shape = mix(hs)
        // Prefix k: the first min(k, n) lower-cased bytes (`hl` ends as the prefix of four).
        a.prefixes = (mix(p1), mix(p2), n < 3 ? 0 : mix(p3), n < 4 ? 0 : mix(hl))
        @inline(__always) func lowered(_ j: Int) -> UInt64 { let c = b[j]; return UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        @inline(__always) func suffix(_ k: Int) -> UInt64 {
            var h = fnvBasis
            for j in max(0, n - k)..<n { h = (h ^ lowered(j)) &* fnvPrime }
            return mix(h)
        }
        a.suffixes = (suffix(1), suffix(2), n < 3 ? 0 : suffix(3), n < 4 ? 0 : suffix(4))
        a.complete = true
    }

    /// Sets only `word` and `suffixes.2` of light atoms (`b` is the same ASCII word): what a scored token
    /// needs when its word type's own features are already cached; `completeASCII` sets the rest.
    @inline(__always)
    static func completeWordAndSuffix(_ a: inout Atoms, _ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var hw = fnvBasis
        for i in 0..<n { hw = (hw ^ UInt64(b[i])) &* fnvPrime }
        a.word = mix(hw)
        if n < 3 { a.suffixes.2 = 0; return }
        var h = fnvBasis
        for j in (n - 3)..<n { let c = b[j]; h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* fnvPrime }
        a.suffixes.2 = mix(h)
    }

    /// `unicodeAtoms(of:)` without a String for a non-ASCII word made of ASCII and General Punctuation
    /// (U+2000–U+206F: curly quotes, dashes, ellipsis), which has no case of its own: only ASCII
    /// letters change when lower-cased. Nil for any other word (letters beyond ASCII need Unicode case).
    static func punctuatedAtoms(_ b: UnsafeBufferPointer<UInt8>) -> Atoms? {
        let n = b.count
        var i = 0
        while i < n {
            if b[i] < 0x80 { i += 1; continue }
            guard b[i] == 0xE2, i + 2 < n, b[i + 2] & 0xC0 == 0x80,
                  b[i + 1] == 0x80 || (b[i + 1] == 0x81 && b[i + 2] <= 0xAF) else { return nil }
            i += 3
        }
        var a = Atoms()
        var hw = fnvBasis, hl = fnvBasis, hs = fnvBasis, hss = fnvBasis
        var last: UInt8 = 0
        var hasLower = false
        for k in 0..<n {
            let c = b[k]
            var l = c
            let s: UInt8
            switch c {
            case 0x41...0x5A: s = 0x58; l = c | 0x20; a.hasLetter = true
            case 0x61...0x7A: s = 0x78; hasLower = true; a.hasLetter = true
            case 0x30...0x39: s = 0x64
            case 0x80...0xFF: s = 0x78; a.hasLetter = true
            default: s = c
            }
            hw = (hw ^ UInt64(c)) &* fnvPrime
            hl = (hl ^ UInt64(l)) &* fnvPrime
            if k < 16 { hs = (hs ^ UInt64(s)) &* fnvPrime }
            if k == 0 || s != last { hss = (hss ^ UInt64(s)) &* fnvPrime; last = s }
        }
        a.capitalised = b[0] >= 0x41 && b[0] <= 0x5A
        a.allCaps = a.hasLetter && !hasLower
        a.word = mix(hw); a.lower = mix(hl); a.lowerFNV = hl; a.shape = mix(hs); a.shortShape = mix(hss)
        @inline(__always) func lowered(_ j: Int) -> UInt64 { let c = b[j]; return UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        @inline(__always) func prefix(_ k: Int) -> UInt64 {
            var h = fnvBasis
            for j in 0..<min(k, n) { h = (h ^ lowered(j)) &* fnvPrime }
            return mix(h)
        }
        @inline(__always) func suffix(_ k: Int) -> UInt64 {
            var h = fnvBasis
            for j in max(0, n - k)..<n { h = (h ^ lowered(j)) &* fnvPrime }
            return mix(h)
        }
        a.prefixes = (prefix(1), prefix(2), prefix(3), prefix(4))
        a.suffixes = (suffix(1), suffix(2), suffix(3), suffix(4))
        if n < 4 { a.prefixes.3 = 0; a.suffixes.3 = 0 }
        if n < 3 { a.prefixes.2 = 0; a.suffixes.2 = 0 }
        return a
    }

    /// Atoms of any word (Unicode case rules for non-ASCII words).
    static func unicodeAtoms(of word: String) -> Atoms {
        var a = Atoms()
        var bytes = Array(word.utf8)
        a.word = hash(bytes)
        var shape: [UInt8] = []
        shape.reserveCapacity(min(bytes.count, 16))
        var short: [UInt8] = []
        var hasLower = false
        var nonASCII = false
        for (i, b) in bytes.enumerated() {
            let s: UInt8
            switch b {
            case 0x41...0x5A: s = 0x58; a.hasLetter = true; if i == 0 { a.capitalised = true }  // X
            case 0x61...0x7A: s = 0x78; a.hasLetter = true; hasLower = true  // x
            case 0x30...0x39: s = 0x64  // d
            case 0x80...0xFF: s = 0x78; nonASCII = true; a.hasLetter = true
            default: s = b
            }
            if shape.count < 16 { shape.append(s) }
            if short.last != s { short.append(s) }
        }
        if nonASCII {
            // Unicode case for non-ASCII words (rare): decide capitalisation and lowercase from scalars.
            let lowered = word.lowercased()
            if let f = word.unicodeScalars.first {
                a.capitalised = f.properties.isUppercase
            }
            hasLower = word.unicodeScalars.contains { $0.properties.isLowercase }
            bytes = Array(lowered.utf8)
        } else {
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        }
        a.allCaps = a.hasLetter && !hasLower
        a.lower = hash(bytes)
        a.lowerFNV = bytes.reduce(fnvBasis) { ($0 ^ UInt64($1)) &* fnvPrime }
        a.shape = hash(shape)
        a.shortShape = hash(short)
        let n = bytes.count
        a.prefixes = (hash(bytes.prefix(1)), hash(bytes.prefix(2)), hash(bytes.prefix(3)), hash(bytes.prefix(4)))
        a.suffixes = (hash(bytes.suffix(1)), hash(bytes.suffix(2)), hash(bytes.suffix(3)), hash(bytes.suffix(4)))
        if n < 4 { a.prefixes.3 = 0; a.suffixes.3 = 0 }
        if n < 3 { a.prefixes.2 = 0; a.suffixes.2 = 0 }
        return a
    }

    // MARK: static features

    /// Static features for a document (sentences of words), `staticCount` per token, flat per sentence.
    /// `dictionary[s][i]` is an optional dictionary atom (0 = none).
    static func staticFeatures(document: [[String]], dictionary: [[UInt64]]? = nil) -> [[UInt64]] {
        let atoms = document.map { $0.map(atoms(of:)) }
        var out: [[UInt64]] = []
        out.reserveCapacity(document.count)
        let facts = DocumentFacts(atoms)
        for (s, sentence) in atoms.enumerated() {
            let headline: UInt64 = isHeadline(sentence) ? 1 : 0
            let dict = dictionary?[s]
            var f = [UInt64](repeating: 0, count: sentence.count * staticCount)
            sentence.withUnsafeBufferPointer { a in
                f.withUnsafeMutableBufferPointer { f in
                    for i in 0..<a.count {
                        tokenFeatures(a, i, headline: headline, dictionary: dict, facts: facts, into: f.baseAddress! + i * staticCount)
                    }
                }
            }
            out.append(f)
        }
        return out
    }

    /// Document-level facts about lowercase forms (see `staticFeatures`).
    struct DocumentFacts {
        var capitalisedMid = PerceptronFeatureTable(capacity: 64)
        var lowercaseSeen = PerceptronFeatureTable(capacity: 256)

        /// No facts (`fill(document:sentences:headlines:)` enters a document's).
        init() {}

        /// Forgets the facts, keeping the tables' storage.
        mutating func reset() {
            capitalisedMid.removeAll(capacity: 64)
            lowercaseSeen.removeAll(capacity: 256)
        }

        /// Which words are written lowercase, or capitalised mid-sentence outside headlines, in the document.
        /// The same facts for a document given as one flat array of atoms and its sentences' ranges.
        /// `types` (when given) numbers the tokens' distinct words (`NERWordTypes`, `typeCount` of them):
        /// a word already entered for a fact is not looked up again (equal words have equal atoms).
        init(flat atoms: UnsafeBufferPointer<Atoms>, sentences: [Range<Int>], types: UnsafePointer<Int32>? = nil, typeCount: Int = 0) {
            guard let types else {
                for range in sentences {
                    let sentence = UnsafeBufferPointer(rebasing: atoms[range])
                    let headline = isHeadline(sentence)
                    for i in 0..<sentence.count {
                        let a = sentence[i]
                        guard a.hasLetter else { continue }
                        if !a.capitalised { _ = lowercaseSeen.insert(a.lower) } else if i > 0 && !headline { _ = capitalisedMid.insert(a.lower) }
                    }
                }
                return
            }
            // Per type: bit 0 once its fact is entered (a word's case decides which of the two facts).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(typeCount, 1)) { entered in
                let entered = entered.baseAddress!
                entered.initialize(repeating: 0, count: typeCount)
                for range in sentences {
                    let sentence = UnsafeBufferPointer(rebasing: atoms[range])
                    let headline = isHeadline(sentence)
                    for i in 0..<sentence.count {
                        let a = sentence[i]
                        guard a.hasLetter else { continue }
                        guard !a.capitalised || (i > 0 && !headline) else { continue }
                        let t = Int(types[range.lowerBound &+ i])
                        if entered[t] != 0 { continue }
                        entered[t] = 1
                        if !a.capitalised { _ = lowercaseSeen.insert(a.lower) } else { _ = capitalisedMid.insert(a.lower) }
                    }
                }
            }
        }

        init(_ atoms: [[Atoms]]) {
            for sentence in atoms {
                let headline = isHeadline(sentence)
                for (i, a) in sentence.enumerated() where a.hasLetter {
                    if !a.capitalised { _ = lowercaseSeen.insert(a.lower) } else if i > 0 && !headline { _ = capitalisedMid.insert(a.lower) }
                }
            }
        }
    }

    /// The `staticCount` static features of token `i`, written to `f`.
    @inline(__always)
    static func tokenFeatures(_ sentence: UnsafeBufferPointer<Atoms>, _ i: Int, headline: UInt64, dictionary dict: [UInt64]?,
                              facts: DocumentFacts, into f: UnsafeMutablePointer<UInt64>) {
        let n = sentence.count
        @inline(__always) func lw(_ j: Int) -> UInt64 { j < 0 ? sentenceStart : j >= n ? sentenceEnd : sentence[j].lower }
        @inline(__always) func sh(_ j: Int) -> UInt64 { j < 0 ? sentenceStart : j >= n ? sentenceEnd : sentence[j].shortShape }
        let a = sentence[i]
        let first: UInt64 = i == 0 ? 1 : 0
        let d = dict?[i] ?? 0
        let docCap: UInt64 = facts.capitalisedMid.contains(a.lower) ? 1 : 0
        let docLower: UInt64 = facts.lowercaseSeen.contains(a.lower) ? 1 : 0
        f[0] = feature(1, 0)
        f[1] = feature(2, a.word)
        f[2] = feature(3, a.lower)
        f[3] = feature(4, a.shape)
        f[4] = feature(5, a.shortShape)
        f[5] = feature(6, a.prefixes.0); f[6] = feature(7, a.prefixes.1)
        f[7] = feature(8, a.prefixes.2); f[8] = feature(9, a.prefixes.3)
        f[9] = feature(10, a.suffixes.0); f[10] = feature(11, a.suffixes.1)
        f[11] = feature(12, a.suffixes.2); f[12] = feature(13, a.suffixes.3)
        f[13] = feature(14, lw(i - 1)); f[14] = feature(15, lw(i + 1))
        f[15] = feature(16, lw(i - 2)); f[16] = feature(17, lw(i + 2))
        f[17] = feature(18, sh(i - 1)); f[18] = feature(19, sh(i + 1))
        f[19] = feature(20, sh(i - 1), a.shortShape, sh(i + 1))
        f[20] = feature(21, lw(i - 1), a.lower); f[21] = feature(22, a.lower, lw(i + 1))
        f[22] = feature(23, first, a.shortShape)
        f[23] = feature(24, headline, a.shortShape)
        f[24] = feature(25, sh(i - 2)); f[25] = feature(26, sh(i + 2))
        f[26] = feature(27, lw(i - 1), a.shortShape); f[27] = feature(28, a.shortShape, lw(i + 1))
        f[28] = feature(29, docCap, docLower, a.shortShape)
        f[29] = feature(30, docCap, first, headline)
        f[30] = feature(31, d)
        f[31] = feature(32, d, a.shortShape)
        f[32] = feature(33, neighbour(dict, i - 1), d, neighbour(dict, i + 1))
        f[33] = feature(34, headline, a.lower)
        f[34] = feature(35, a.suffixes.2, lw(i + 1))
        f[35] = feature(36, lw(i - 1), a.suffixes.2)
    }

    /// Number of the static features that depend only on the word itself, its place at the start of
    /// the sentence, a headline, and document facts about it (`wordFeatures`); the rest are `contextFeatures`.
    static let wordCount = 18

    /// The features of `tokenFeatures` that depend only on the word (and first, headline, document facts):
    /// their scores can be kept per word type through a document. `f[2]` and `f[4]` are as in `tokenFeatures`.
    @inline(__always)
    static func wordFeatures(_ a: Atoms, first: UInt64, headline: UInt64, facts: DocumentFacts, into f: UnsafeMutablePointer<UInt64>) {
        let docCap: UInt64 = facts.capitalisedMid.contains(a.lower) ? 1 : 0
        let docLower: UInt64 = facts.lowercaseSeen.contains(a.lower) ? 1 : 0
        f[0] = feature(1, 0)
        f[1] = feature(2, a.word)
        f[2] = feature(3, a.lower)
        f[3] = feature(4, a.shape)
        f[4] = feature(5, a.shortShape)
        f[5] = feature(6, a.prefixes.0); f[6] = feature(7, a.prefixes.1)
        f[7] = feature(8, a.prefixes.2); f[8] = feature(9, a.prefixes.3)
        f[9] = feature(10, a.suffixes.0); f[10] = feature(11, a.suffixes.1)
        f[11] = feature(12, a.suffixes.2); f[12] = feature(13, a.suffixes.3)
        f[13] = feature(23, first, a.shortShape)
        f[14] = feature(24, headline, a.shortShape)
        f[15] = feature(29, docCap, docLower, a.shortShape)
        f[16] = feature(30, docCap, first, headline)
        f[17] = feature(34, headline, a.lower)
    }

    /// The features of `wordFeatures` that do not read the document's facts (all but templates 29 and
    /// 30): `ownWordCount` of them, the same for a word wherever it stands (given `first` and `headline`).
    @inline(__always)
    static func ownWordFeatures(_ a: Atoms, first: UInt64, headline: UInt64, into f: UnsafeMutablePointer<UInt64>) {
        f[0] = feature(1, 0)
        f[1] = feature(2, a.word)
        f[2] = feature(3, a.lower)
        f[3] = feature(4, a.shape)
        f[4] = feature(5, a.shortShape)
        f[5] = feature(6, a.prefixes.0); f[6] = feature(7, a.prefixes.1)
        f[7] = feature(8, a.prefixes.2); f[8] = feature(9, a.prefixes.3)
        f[9] = feature(10, a.suffixes.0); f[10] = feature(11, a.suffixes.1)
        f[11] = feature(12, a.suffixes.2); f[12] = feature(13, a.suffixes.3)
        f[13] = feature(23, first, a.shortShape)
        f[14] = feature(24, headline, a.shortShape)
        f[15] = feature(34, headline, a.lower)
    }

    static let ownWordCount = 16

    /// The two features of `wordFeatures` that read the document's facts (templates 29, 30); they need
    /// only the atoms' `lower` and `shortShape`.
    @inline(__always)
    static func documentWordFeatures(_ a: Atoms, first: UInt64, headline: UInt64, facts: DocumentFacts,
                                     into f: UnsafeMutablePointer<UInt64>) {
        let docCap: UInt64 = facts.capitalisedMid.contains(a.lower) ? 1 : 0
        let docLower: UInt64 = facts.lowercaseSeen.contains(a.lower) ? 1 : 0
        f[0] = feature(29, docCap, docLower, a.shortShape)
        f[1] = feature(30, docCap, first, headline)
    }

    /// The other `staticCount - wordCount` features of `tokenFeatures`: neighbours and dictionary marks.
    @inline(__always)
    static func contextFeatures(_ sentence: UnsafeBufferPointer<Atoms>, _ i: Int, dictionary dict: [UInt64]?,
                                into f: UnsafeMutablePointer<UInt64>) {
        if let dict {
            dict.withUnsafeBufferPointer { contextFeatures(sentence, i, marks: $0, into: f) }
        } else {
            contextFeatures(sentence, i, marks: nil, into: f)
        }
    }

    /// `contextFeatures(_:_:dictionary:into:)` with the dictionary marks as a buffer. Uses only the
    /// neighbours' `lower` and `shortShape` (light atoms suffice for them) and token `i`'s `suffixes.2`.
    @inline(__always)
    static func contextFeatures(_ sentence: UnsafeBufferPointer<Atoms>, _ i: Int, marks dict: UnsafeBufferPointer<UInt64>?,
                                into f: UnsafeMutablePointer<UInt64>) {
        let n = sentence.count
        @inline(__always) func lw(_ j: Int) -> UInt64 { j < 0 ? sentenceStart : j >= n ? sentenceEnd : sentence[j].lower }
        @inline(__always) func sh(_ j: Int) -> UInt64 { j < 0 ? sentenceStart : j >= n ? sentenceEnd : sentence[j].shortShape }
        @inline(__always) func mark(_ j: Int) -> UInt64 {
            guard let dict, j >= 0, j < dict.count else { return 0 }
            return dict[j]
        }
        let a = sentence[i]
        let d = mark(i)
        let prev = lw(i - 1), next = lw(i + 1)
        f[0] = feature(14, prev); f[1] = feature(15, next)
        f[2] = feature(16, lw(i - 2)); f[3] = feature(17, lw(i + 2))
        let shPrev = sh(i - 1), shNext = sh(i + 1)
        f[4] = feature(18, shPrev); f[5] = feature(19, shNext)
        f[6] = feature(20, shPrev, a.shortShape, shNext)
        f[7] = feature(21, prev, a.lower); f[8] = feature(22, a.lower, next)
        f[9] = feature(25, sh(i - 2)); f[10] = feature(26, sh(i + 2))
        f[11] = feature(27, prev, a.shortShape); f[12] = feature(28, a.shortShape, next)
        f[13] = feature(31, d)
        f[14] = feature(32, d, a.shortShape)
        f[15] = feature(33, mark(i - 1), d, mark(i + 1))
        f[16] = feature(35, a.suffixes.2, next)
        f[17] = feature(36, prev, a.suffixes.2)
    }

    @inline(__always)
    private static func neighbour(_ atoms: [UInt64]?, _ i: Int) -> UInt64 {
        guard let atoms, i >= 0, i < atoms.count else { return 0 }
        return atoms[i]
    }

    /// A sentence with no lowercase word of three letters or more reads as a headline.
    static func isHeadline(_ sentence: [Atoms]) -> Bool {
        sentence.withUnsafeBufferPointer { isHeadline($0) }
    }

    @inline(__always)
    static func isHeadline(_ sentence: UnsafeBufferPointer<Atoms>) -> Bool {
        var letters = 0
        for a in sentence where a.hasLetter {
            if !a.allCaps { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Features that depend on the two previous tags (and the current word), and on the labels given to
    /// the same word earlier in the document (`memory`, see `NERLabelMemory`).
    @inline(__always)
    static func historyFeatures(previous t1: Int, beforeThat t2: Int, lower: UInt64, shortShape: UInt64,
                                memory: UInt64, into out: inout [UInt64]) {
        out.withUnsafeMutableBufferPointer {
            historyFeatures(previous: t1, beforeThat: t2, lower: lower, shortShape: shortShape, memory: memory, into: $0.baseAddress!)
        }
    }

    @inline(__always)
    static func historyFeatures(previous t1: Int, beforeThat t2: Int, lower: UInt64, shortShape: UInt64,
                                memory: UInt64, into out: UnsafeMutablePointer<UInt64>) {
        out[5] = feature(45, memory)
        out[6] = feature(46, memory, shortShape)
        out[0] = feature(40, UInt64(t1))
        out[1] = feature(41, UInt64(t2), UInt64(t1))
        out[2] = feature(42, UInt64(t1), lower)
        out[3] = feature(43, UInt64(t1), shortShape)
        out[4] = feature(44, UInt64(t2), UInt64(t1), shortShape)
    }
}


/// Summed weights of the word features (`NERFeatures.wordFeatures`) of each word type seen in a
/// document, so a name that recurs costs its context features only.
struct NERWordScoreCache {
    private var index = PerceptronFeatureTable(capacity: 128)
    /// One vector per row (tags in lanes 0…8; the other lanes are whatever the scratch held and are never read
    /// as scores): a row is kept and copied as one 64-byte value.
    private var scores: [SIMD16<Int32>] = []

    /// A cache with room for the word types a news article scores (more only grow it).
    init() { scores.reserveCapacity(NERBlockCache.reserved) }

    /// Empties the cache for the next document, keeping its storage.
    mutating func reset() {
        index.removeAll(capacity: 128)
        scores.removeAll(keepingCapacity: true)
    }

    /// The cache key of a word type at the start of a sentence or not (`first` 0/1), in a headline or not.
    @inline(__always)
    static func key(word: UInt64, first: UInt64, headline: UInt64) -> UInt64 {
        // `word` is already a mixed hash: a distinct odd constant per flag pair keeps the keys apart.
        word ^ ((first << 1 | headline) &+ 1) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Writes the cached word-feature scores for `key` to `out` (sixteen values, the nine tags first); false when not cached.
    @inline(__always)
    func lookup(_ key: UInt64, into out: UnsafeMutablePointer<Int32>) -> Bool {
        lookupRow(key, into: out) >= 0
    }

    /// `lookup(_:into:)` giving the row the scores are kept in (−1: not cached).
    @inline(__always)
    func lookupRow(_ key: UInt64, into out: UnsafeMutablePointer<Int32>) -> Int32 {
        let row = index.row(key)
        guard row >= 0 else { return -1 }
        copy(row: row, into: out)
        return row
    }

    /// Writes the sixteen values kept in `row` to `out` (the nine scores in the first nine).
    @inline(__always)
    func copy(row: Int32, into out: UnsafeMutablePointer<Int32>) {
        let v = scores.withUnsafeBufferPointer { $0[Int(row)] }
        UnsafeMutableRawPointer(out).storeBytes(of: v, as: SIMD16<Int32>.self)
    }

    /// Keeps the sixteen values at `values` (the nine scores first) for `key` (not cached yet); returns their row.
    @inline(__always)
    @discardableResult
    mutating func store(_ key: UInt64, _ values: UnsafePointer<Int32>) -> Int32 {
        let row = index.insert(key).row  // row = scores.count
        scores.append(UnsafeRawPointer(values).loadUnaligned(as: SIMD16<Int32>.self))
        return row
    }

    /// Writes the word-feature scores of `a` to `out` (sixteen values, the nine tags first), computing them
    /// with `weights` the first time.
    @inline(__always)
    mutating func scores(_ a: NERFeatures.Atoms, first: UInt64, headline: UInt64, facts: NERFeatures.DocumentFacts,
                         weights: PerceptronWeightTable, scratch: UnsafeMutablePointer<UInt64>, into out: UnsafeMutablePointer<Int32>) {
        let key = Self.key(word: a.word, first: first, headline: headline)
        if lookup(key, into: out) { return }
        NERFeatures.wordFeatures(a, first: first, headline: headline, facts: facts, into: scratch)
        for t in 0..<16 { out[t] = 0 }
        weights.add(scratch, count: NERFeatures.wordCount, to: out)
        store(key, out)
    }
}

/// The summed weights of a word's `NERFeatures.ownWordFeatures` (those that do not read the document's
/// facts) per `NERWordScoreCache.key` (the word, first in its sentence or not, in a headline or not),
/// kept across the documents a recogniser tags: a common word ("The", "President", a country's name) is
/// hashed and looked up once, not once per document. Shared by the threads using the recogniser (a lock,
/// taken once per word type and document), at most `limit` keys.
///
/// A workspace (`NERWorkspace`, one thread at a time) keeps a memo of its own in front of the shared
/// one (`shared`): it takes no lock, asks the shared memo only for the keys it does not hold, and
/// stores a new sum in both. The sums are the same wherever they are kept.
final class NERWordScoreMemo: @unchecked Sendable {
    /// A plain pthread mutex (an `NSLock` costs several times as much per look-up); nil for a
    /// workspace's own memo, used by one thread at a time.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>?
    /// The table and the sums, behind a pointer: the mutex guards them, so the dynamic exclusivity
    /// checks a class's stored `var`s would cost on every access are not needed.
    private let storage: UnsafeMutablePointer<(index: PerceptronFeatureTable, scores: [SIMD16<Int32>])>
    /// The memo behind this one (a workspace's: the recogniser's shared memo).
    let shared: NERWordScoreMemo?
    /// Keys kept at most.
    let limit: Int
    static let limit = 1 << 16

    /// The shared memo of a recogniser.
    convenience init() { self.init(locking: true, shared: nil, limit: Self.limit) }

    /// `locking`: false for a memo used by one thread at a time.
    init(locking: Bool, shared: NERWordScoreMemo?, limit: Int) {
        if locking {
            let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(m, nil)
            mutex = m
        } else {
            mutex = nil
        }
        self.shared = shared
        self.limit = limit
        storage = .allocate(capacity: 1)
        storage.initialize(to: (PerceptronFeatureTable(capacity: 1 << 12), []))
    }

    deinit {
        if let mutex { pthread_mutex_destroy(mutex); mutex.deallocate() }
        storage.deinitialize(count: 1); storage.deallocate()
    }

    @inline(__always) private func lock() { if let mutex { pthread_mutex_lock(mutex) } }
    @inline(__always) private func unlock() { if let mutex { pthread_mutex_unlock(mutex) } }

    /// The kept sums for `key`, if any (here, else in `shared`, then kept here too).
    func lookup(_ key: UInt64) -> SIMD16<Int32>? {
        lock()
        let row = storage.pointee.index.row(key)
        let found = row >= 0 ? storage.pointee.scores.withUnsafeBufferPointer { $0[Int(row)] } : nil
        unlock()
        if found == nil, let shared, let kept = shared.lookup(key) {
            keep(key, kept)
            return kept
        }
        return found
    }

    /// Keeps `sums` for `key` here and in `shared` (each while fewer than its `limit` keys are kept).
    func store(_ key: UInt64, _ sums: SIMD16<Int32>) {
        keep(key, sums)
        shared?.store(key, sums)
    }

    private func keep(_ key: UInt64, _ sums: SIMD16<Int32>) {
        lock(); defer { unlock() }
        guard storage.pointee.index.count < limit else { return }
        if storage.pointee.index.insert(key).isNew { storage.pointee.scores.append(sums) }
    }

    var count: Int { lock(); defer { unlock() }; return storage.pointee.index.count }
}

/// Per word type of a document (`NERWordTypes`): the `NERWordScoreCache` row of its word-feature scores
/// for each first-in-sentence/headline pair (−1 until scored) and its 3-letter suffix hash, so a recurring
/// word is not hashed again; the rows are those the word's cache key finds, so the scores are the same.
///
/// Also per word type, filled when first needed (bits of `ready`): its lowercase-word feature
/// (`feature(3, lower)`, the label memory's key); the summed weights of the neighbour-word features it
/// gives a scored word (`neighbour`: templates 16, 14, 15, 17 as it stands two before, one before, one
/// after, two after); and the first halves of the pair features it takes part in (`NERFeatures.feature(t,
/// a, b)` is `combine(feature(t, a), b)`): as the left neighbour `feature(21 | 27 | 36, lower)`, as the
/// scored word `feature(22, lower)`, `feature(28, shape)`, `feature(35, suffix)`. Types `typeCount` and
/// `typeCount + 1` stand for the sentence start and end (`startType`, `endType`).
struct NERTypeScoreRows {
    let rows: UnsafeMutablePointer<Int32>
    let suffixes: UnsafeMutablePointer<UInt64>
    /// Bits 0–3: `neighbours[4t + k]` is set; bit 4: `words[t]`; bit 5: `halves[6t…6t+2]`; bit 6: `halves[6t+3…6t+5]`.
    let ready: UnsafeMutablePointer<UInt8>
    let words: UnsafeMutablePointer<UInt64>
    let neighbours: UnsafeMutablePointer<SIMD16<Int32>>
    let halves: UnsafeMutablePointer<UInt64>
    private(set) var startType: Int32, endType: Int32
    /// The most word types the buffers have room for.
    let capacity: Int

    init(typeCount: Int) {
        self.init(capacity: typeCount)
        clear(typeCount: typeCount)
    }

    /// Room for up to `capacity` word types (`emptied(typeCount:)` makes the rows of a document).
    init(capacity typeCount: Int) {
        capacity = typeCount
        rows = .allocate(capacity: max(4 * typeCount, 1))
        suffixes = .allocate(capacity: max(typeCount, 1))
        ready = .allocate(capacity: typeCount + 2)
        words = .allocate(capacity: typeCount + 2)
        neighbours = .allocate(capacity: 4 * (typeCount + 2))
        halves = .allocate(capacity: 6 * (typeCount + 2))
        startType = Int32(truncatingIfNeeded: typeCount); endType = startType &+ 1
    }

    /// Nothing known yet about `typeCount` word types (and the two boundary types after them).
    private mutating func clear(typeCount: Int) {
        rows.initialize(repeating: -1, count: 4 * typeCount)
        ready.initialize(repeating: 0, count: typeCount + 2)
        startType = Int32(truncatingIfNeeded: typeCount); endType = startType &+ 1
    }

    /// The same buffers, as new rows for a document of `typeCount` (at most `capacity`) word types.
    func emptied(typeCount: Int) -> NERTypeScoreRows {
        precondition(typeCount <= capacity)
        var r = self
        r.clear(typeCount: typeCount)
        return r
    }

    func deallocate() {
        rows.deallocate(); suffixes.deallocate(); ready.deallocate(); words.deallocate(); neighbours.deallocate(); halves.deallocate()
    }

    /// `NERFeatures.feature(3, lower)` of type `t` (whose lowercase hash is `lower`).
    @inline(__always)
    func word(_ t: Int, lower: UInt64) -> UInt64 {
        if ready[t] & 16 != 0 { return words[t] }
        let w = NERFeatures.feature(3, lower)
        words[t] = w; ready[t] |= 16
        return w
    }

    /// The neighbour-word templates by offset from the scored word: −2, −1, +1, +2.
    static let neighbourTemplates: (UInt64, UInt64, UInt64, UInt64) = (16, 14, 15, 17)

    /// The summed weights of the neighbour-word feature of type `t` (lowercase hash `lower`) at position
    /// `k` (0…3: two before, one before, one after, two after the scored word).
    @inline(__always)
    func neighbour(_ t: Int, _ k: Int, lower: UInt64, weights: PerceptronWeightTable) -> SIMD16<Int32> {
        let bit = UInt8(1) &<< UInt8(k)
        let slot = 4 &* t &+ k
        if ready[t] & bit != 0 { return neighbours[slot] }
        let templates = Self.neighbourTemplates
        let s = weights.vector(NERFeatures.feature(k == 0 ? templates.0 : k == 1 ? templates.1 : k == 2 ? templates.2 : templates.3, lower))
        neighbours[slot] = s; ready[t] |= bit
        return s
    }

    /// `feature(21, lower)`, `feature(27, lower)`, `feature(36, lower)` of type `t` as a left neighbour,
    /// each already multiplied as `combine` multiplies its first argument (`NERFeatures.scaled`): a pair
    /// feature is then `NERFeatures.combine(scaled:_:)` of the half and the other word's value.
    @inline(__always)
    func leftHalves(_ t: Int, lower: UInt64) -> UnsafeMutablePointer<UInt64> {
        let h = halves + 6 &* t
        if ready[t] & 32 == 0 {
            h[0] = NERFeatures.scaled(NERFeatures.feature(21, lower)); h[1] = NERFeatures.scaled(NERFeatures.feature(27, lower))
            h[2] = NERFeatures.scaled(NERFeatures.feature(36, lower))
            ready[t] |= 32
        }
        return h
    }

    /// `feature(22, lower)`, `feature(28, shape)`, `feature(35, suffix)` of type `t` as the scored word,
    /// multiplied as `leftHalves` are.
    @inline(__always)
    func rightHalves(_ t: Int, lower: UInt64, shape: UInt64, suffix: UInt64) -> UnsafeMutablePointer<UInt64> {
        let h = halves + (6 &* t &+ 3)
        if ready[t] & 64 == 0 {
            h[0] = NERFeatures.scaled(NERFeatures.feature(22, lower)); h[1] = NERFeatures.scaled(NERFeatures.feature(28, shape))
            h[2] = NERFeatures.scaled(NERFeatures.feature(35, suffix))
            ready[t] |= 64
        }
        return h
    }
}

/// The entity types the recogniser gave each word earlier in the document ("prediction history"):
/// a name tagged PER in one sentence is likely PER in the next.
struct NERLabelMemory {
    /// Word hash → row of `counts` (an open-addressing table: no per-lookup SipHash).
    private var rows = PerceptronFeatureTable(capacity: 64)
    /// Four 8-bit counts per word, one per label.
    private var counts: [UInt32] = []

    /// A memory with room for the names of a news article (more only grow it).
    init() { counts.reserveCapacity(32) }

    /// Empties the memory for the next document, keeping its storage.
    mutating func reset() {
        rows.removeAll(capacity: 64)
        counts.removeAll(keepingCapacity: true)
    }

    /// The most frequent type so far for a word (1…4 for the labels of `EntityTagIndex`, 0 for none).
    @inline(__always)
    func majority(_ word: UInt64) -> UInt64 {
        let r = rows.row(word)
        guard r >= 0 else { return 0 }
        let c = counts[Int(r)]
        var best: UInt64 = 0, bestCount: UInt32 = 0
        for t in 0..<4 {
            let n = (c >> (8 * UInt32(t))) & 0xFF
            if n > bestCount { best = UInt64(t + 1); bestCount = n }
        }
        return best
    }

    @inline(__always)
    mutating func record(_ word: UInt64, tag: Int) {
        guard tag > 0 else { return }
        let shift = 8 * UInt32((tag - 1) / 2)
        let (row, isNew) = rows.insert(word)
        if isNew { counts.append(0) }
        let c = counts[Int(row)]
        if (c >> shift) & 0xFF < 0xFF { counts[Int(row)] = c + (1 << shift) }
    }
}
