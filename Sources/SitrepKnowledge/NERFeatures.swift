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
        var shape: UInt64 = 0
        var shortShape: UInt64 = 0
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// Starts with an uppercase letter.
        var capitalised = false
        /// Has a letter and no lowercase letter.
        var allCaps = false
        var hasLetter = false
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

    static func atoms(of word: String) -> Atoms {
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
        // Document-level facts about each lowercase form.
        var capitalisedMid = Set<UInt64>()
        var lowercaseSeen = Set<UInt64>()
        for sentence in atoms {
            let headline = isHeadline(sentence)
            for (i, a) in sentence.enumerated() where a.hasLetter {
                if !a.capitalised { lowercaseSeen.insert(a.lower) } else if i > 0 && !headline { capitalisedMid.insert(a.lower) }
            }
        }
        var out: [[UInt64]] = []
        out.reserveCapacity(document.count)
        for (s, sentence) in atoms.enumerated() {
            let headline: UInt64 = isHeadline(sentence) ? 1 : 0
            let dict = dictionary?[s]
            var f: [UInt64] = []
            f.reserveCapacity(sentence.count * staticCount)
            let n = sentence.count
            @inline(__always) func lw(_ j: Int) -> UInt64 { j < 0 ? sentenceStart : j >= n ? sentenceEnd : sentence[j].lower }
            @inline(__always) func sh(_ j: Int) -> UInt64 { j < 0 ? sentenceStart : j >= n ? sentenceEnd : sentence[j].shortShape }
            for i in 0..<n {
                let a = sentence[i]
                let first: UInt64 = i == 0 ? 1 : 0
                let d = dict?[i] ?? 0
                let docCap: UInt64 = capitalisedMid.contains(a.lower) ? 1 : 0
                let docLower: UInt64 = lowercaseSeen.contains(a.lower) ? 1 : 0
                f.append(feature(1, 0))
                f.append(feature(2, a.word))
                f.append(feature(3, a.lower))
                f.append(feature(4, a.shape))
                f.append(feature(5, a.shortShape))
                f.append(feature(6, a.prefixes.0)); f.append(feature(7, a.prefixes.1))
                f.append(feature(8, a.prefixes.2)); f.append(feature(9, a.prefixes.3))
                f.append(feature(10, a.suffixes.0)); f.append(feature(11, a.suffixes.1))
                f.append(feature(12, a.suffixes.2)); f.append(feature(13, a.suffixes.3))
                f.append(feature(14, lw(i - 1))); f.append(feature(15, lw(i + 1)))
                f.append(feature(16, lw(i - 2))); f.append(feature(17, lw(i + 2)))
                f.append(feature(18, sh(i - 1))); f.append(feature(19, sh(i + 1)))
                f.append(feature(20, sh(i - 1), a.shortShape, sh(i + 1)))
                f.append(feature(21, lw(i - 1), a.lower)); f.append(feature(22, a.lower, lw(i + 1)))
                f.append(feature(23, first, a.shortShape))
                f.append(feature(24, headline, a.shortShape))
                f.append(feature(25, sh(i - 2))); f.append(feature(26, sh(i + 2)))
                f.append(feature(27, lw(i - 1), a.shortShape)); f.append(feature(28, a.shortShape, lw(i + 1)))
                f.append(feature(29, docCap, docLower, a.shortShape))
                f.append(feature(30, docCap, first, headline))
                f.append(feature(31, d))
                f.append(feature(32, d, a.shortShape))
                f.append(feature(33, neighbour(dict, i - 1), d, neighbour(dict, i + 1)))
                f.append(feature(34, headline, a.lower))
                f.append(feature(35, a.suffixes.2, lw(i + 1)))
                f.append(feature(36, lw(i - 1), a.suffixes.2))
            }
            out.append(f)
        }
        return out
    }

    @inline(__always)
    private static func neighbour(_ atoms: [UInt64]?, _ i: Int) -> UInt64 {
        guard let atoms, i >= 0, i < atoms.count else { return 0 }
        return atoms[i]
    }

    /// A sentence with no lowercase word of three letters or more reads as a headline.
    static func isHeadline(_ sentence: [Atoms]) -> Bool {
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
        out[5] = feature(45, memory)
        out[6] = feature(46, memory, shortShape)
        out[0] = feature(40, UInt64(t1))
        out[1] = feature(41, UInt64(t2), UInt64(t1))
        out[2] = feature(42, UInt64(t1), lower)
        out[3] = feature(43, UInt64(t1), shortShape)
        out[4] = feature(44, UInt64(t2), UInt64(t1), shortShape)
    }
}


/// The entity types the recogniser gave each word earlier in the document ("prediction history"):
/// a name tagged PER in one sentence is likely PER in the next.
struct NERLabelMemory {
    private var counts: [UInt64: UInt32] = [:]

    /// The most frequent type so far for a word (1…4 for the labels of `EntityTagIndex`, 0 for none).
    @inline(__always)
    func majority(_ word: UInt64) -> UInt64 {
        guard let c = counts[word] else { return 0 }
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
        let c = counts[word, default: 0]
        if (c >> shift) & 0xFF < 0xFF { counts[word] = c + (1 << shift) }
    }
}
