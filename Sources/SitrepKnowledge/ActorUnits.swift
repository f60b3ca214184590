import SitrepCore
import SitrepLanguage

/// One comparable piece of text for actor matching: a word, a hyphen-separated part of a word, the
/// possessive `'s`, or a punctuation mark, with a hash of its folded form (lowercase, diacritics off,
/// apostrophes dropped, `ibn` → `bin`, `abdel` → `abdul`) and of its exact bytes.
struct ActorUnit: Sendable {
    var start: Int32
    var end: Int32
    /// Start including Arabic articles dropped before it (`al-` in `al-Sham`, `Al ` in `Al Jazeera`).
    var extendedStart: Int32
    var folded: UInt64
    /// For a word written with its article attached ("Alqaeda", "Elnusra"): the folded rest, else 0.
    var alternative: UInt64 = 0
    var exact: UInt64
    var token: Int32
    var flags: UInt8

    static let word: UInt8 = 1, capitalised: UInt8 = 2, allCaps: UInt8 = 4, lastInToken: UInt8 = 8

    var isWord: Bool { flags & Self.word != 0 }
    var isCapitalised: Bool { flags & Self.capitalised != 0 }
    var isAllCaps: Bool { flags & Self.allCaps != 0 }
}

/// Cuts text into `ActorUnit`s; aliases and documents go through the same code, so they compare equal.
enum ActorUnits {
    /// Hashes of folded and exact bytes (`UnitHash`): bytes packed eight to a little-endian word, each full word
    /// mixed in with one multiply, the length and a final mix at the end. A plain word of ASCII letters is hashed
    /// a word at a time (`units`); any other part byte by byte (`readPart`): both give the same hash of the same bytes.
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// One full word of eight bytes mixed into the running hash.
    @inline(__always) static func chunk(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* prime
        return (x << 29) | (x >> 35)
    }

    /// The hash of `n` bytes: `h` after their full words, `rest` the last 0…7 bytes packed (0 when none).
    @inline(__always) static func final(_ h: UInt64, _ rest: UInt64, _ n: Int) -> UInt64 {
        let x = ((h ^ rest) &* prime) ^ UInt64(truncatingIfNeeded: n)
        let z = (x ^ (x >> 32)) &* 0xBF58_476D_1CE4_E5B9
        return z ^ (z >> 29)
    }

    /// A hash built byte by byte.
    struct UnitHash {
        var h = ActorUnits.offset
        var rest: UInt64 = 0
        var count = 0
        @inline(__always) mutating func add(_ b: UInt8) {
            rest |= UInt64(b) &<< UInt64((count & 7) << 3)
            count &+= 1
            if count & 7 == 0 { h = ActorUnits.chunk(h, rest); rest = 0 }
        }
        var value: UInt64 { ActorUnits.final(h, rest, count) }
    }

    static func hashFolded(_ s: String) -> UInt64 {
        var u = UnitHash()
        for b in s.utf8 { u.add(b) }
        return u.value
    }

    /// Folded forms of the Arabic article, dropped before a hyphen or as a separate word before a name.
    static let articles: Set<UInt64> = Set(["al", "el", "a", "as", "ash", "ad", "ar", "az", "ez", "at", "an", "ath",
                                            "adh", "es", "et", "ed", "er", "ul", "ud", "ur"].map(hashFolded))
    /// Standalone article words ("Al Jazeera", "El Baradei").
    static let standaloneAl = hashFolded("al"), standaloneEl = hashFolded("el")
    static let replacements: [UInt64: UInt64] = [
        hashFolded("ibn"): hashFolded("bin"), hashFolded("abdel"): hashFolded("abdul"),
        hashFolded("abdal"): hashFolded("abdul"), hashFolded("abd"): hashFolded("abdul"),
        hashFolded("mohammed"): hashFolded("mohammad"), hashFolded("muhammad"): hashFolded("mohammad"),
        hashFolded("mohamed"): hashFolded("mohammad"), hashFolded("muhammed"): hashFolded("mohammad"),
    ]

    /// Base letters of U+0100…U+017F (Latin Extended-A).
    static let latinExtendedA: [UInt8] = Array(
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt" .utf8)
        + Array("uuuuuuuuuuuuwwyyyzzzzzzs".utf8)

    /// Base letter of a Latin-1 supplement letter (second byte after 0xC3), or 0.
    @inline(__always) static func latin1Base(_ b: UInt8) -> UInt8 {
        switch b | 0x20 {  // fold upper (0x80–0x9E) onto lower (0xA0–0xBE)
        case 0xA0...0xA5: return 0x61
        case 0xA7: return 0x63
        case 0xA8...0xAB: return 0x65
        case 0xAC...0xAF: return 0x69
        case 0xB1: return 0x6E
        case 0xB2...0xB6, 0xB8: return 0x6F
        case 0xB9...0xBC: return 0x75
        case 0xBD, 0xBF: return 0x79
        default: return 0
        }
    }

    /// Apostrophe-like mark at `i`: its length, else 0.
    @inline(__always) static func apostrophe(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if c == 0x27 || c == 0x60 { return 1 }
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x98 || b[i + 2] == 0x99 { return 3 }
        if c == 0xCA, i + 1 < end, b[i + 1] == 0xBF || b[i + 1] == 0xBE || b[i + 1] == 0xBC { return 2 }
        return 0
    }

    static func units(_ text: String, tokens: [Token]? = nil) -> [ActorUnit] {
        var text = text
        let tokens = tokens ?? EntityWordSplitter.split(text)
        return text.withUTF8 { units(bytes: $0, tokens: tokens) }
    }

    /// `fast: false` reads every word byte by byte (`readPart`): the plain computation the word-at-a-time path is
    /// tested against.
    static func units(bytes b: UnsafeBufferPointer<UInt8>, tokens: [Token], fast: Bool = true) -> [ActorUnit] {
        let n = tokens.count
        if let units = units(bytes: b, tokens: tokens, fast: fast, room: n + n / 4 + 16) { return units }
        // More units than that (many hyphenated words): room for one per byte of the tokens, always enough (a
        // token's units are disjoint, non-empty pieces of it).
        var room = 16
        for t in tokens { room += max(0, min(Int(t.range.end), b.count) - Int(t.range.start)) }
        return units(bytes: b, tokens: tokens, fast: fast, room: room)!
    }

    /// The units written straight into the result's storage, room for `room` of them (no uniqueness or capacity
    /// check of an array per unit, no copy at the end); nil when they do not fit.
    private static func units(bytes b: UnsafeBufferPointer<UInt8>, tokens: [Token], fast: Bool, room: Int) -> [ActorUnit]? {
        let al = standaloneAl, el = standaloneEl
        let possessive = hashFolded("s")
        var overflow = false
        let result = tokens.withUnsafeBufferPointer { tk -> [ActorUnit] in
            [ActorUnit](unsafeUninitializedCapacity: room) { storage, initialized in
                var out = UnitBuffer(base: storage.baseAddress!, capacity: room)
                let cache = ActorWordCache(slots: tk.count >= 64 ? 256 : 1)
                defer { initialized = out.count; overflow = out.overflow; cache.deallocate() }
                var pendingArticleStart: Int32 = -1
                let count = b.count
                for ti in 0..<tk.count {
                    let tStart = Int(tk[ti].range.start), tEnd = min(Int(tk[ti].range.end), count)
                    guard tStart < tEnd else { continue }
                    let token = Int32(truncatingIfNeeded: ti)
                    let first = b[tStart]
                    let isWordToken = first >= 0x80 ? EntityWordSplitter.nonWordLength(b, tStart) == 0
                        : (first &- 0x30 < 10) || ((first | 0x20) &- 0x61 < 26)
                    if !isWordToken {
                        // Punctuation: one unit with its bytes; hyphens and dashes between words are not units.
                        pendingArticleStart = -1
                        if first == 0x2D && tEnd - tStart == 1 { continue }
                        // A possessive token ('s) is the unit "s".
                        let ap = apostrophe(b, tStart, tEnd)
                        if ap > 0 && tStart + ap + 1 == tEnd && (b[tStart + ap] | 0x20) == 0x73 {
                            out.append(ActorUnit(start: Int32(tStart), end: Int32(tEnd), extendedStart: Int32(tStart),
                                                 folded: possessive, exact: possessive, token: token,
                                                 flags: ActorUnit.word | ActorUnit.lastInToken))
                            continue
                        }
                        var u = UnitHash()
                        for i in tStart..<tEnd { u.add(b[i]) }
                        let h = u.value
                        out.append(ActorUnit(start: Int32(tStart), end: Int32(tEnd), extendedStart: Int32(tStart),
                                             folded: h, exact: h, token: token, flags: ActorUnit.lastInToken))
                        continue
                    }
                    // The commonest case: a token of one to fifteen ASCII letters, read as one or two words of eight
                    // bytes and hashed so (what `readPart` and `finish` give for it, written out).
                    if fast && tEnd - tStart < 16 && tStart + 16 <= count {
                        let len = tEnd - tStart
                        let p = UnsafeRawPointer(b.baseAddress! + tStart)
                        let x0 = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
                        let x1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                        let letters = len <= 8 ? PlaceWordScanner.asciiLetterRun(x0) >= len
                            : PlaceWordScanner.asciiLetterRun(x0) == 8 && PlaceWordScanner.asciiLetterRun(x1) >= len - 8
                        if letters {
                            let all: UInt64 = 0x2020_2020_2020_2020
                            // Bytes of the token in the first and second word; their case bits.
                            let m0: UInt64 = len >= 8 ? ~0 : (1 &<< UInt64(len << 3)) - 1
                            let m1: UInt64 = len <= 8 ? 0 : (1 &<< UInt64((len - 8) << 3)) - 1
                            let w0 = x0 & m0, w1 = x1 & m1
                            // `flags` also holds `ActorWordCache.article` when the word is "al" or "el" (taken off
                            // before the unit is written).
                            let folded: UInt64, exact: UInt64, alternative: UInt64, flags: UInt8
                            let cached = cache.slot(w0, w1)
                            if cached.pointee.w0 == w0 && cached.pointee.w1 == w1 {
                                // Seen before in this document: what was computed for it then.
                                folded = cached.pointee.folded; exact = cached.pointee.exact
                                alternative = cached.pointee.alternative; flags = cached.pointee.flags
                            } else {
                                let l0 = w0 | (all & m0), l1 = w1 | (all & m1)
                                @inline(__always) func hash(_ a: UInt64, _ b: UInt64, _ n: Int) -> UInt64 {
                                    n < 8 ? final(offset, a, n) : final(chunk(offset, a), b, n)
                                }
                                var f = hash(l0, l1, len)
                                // (Without capitals the exact bytes are the folded ones.)
                                exact = w0 == l0 && w1 == l1 ? f : hash(w0, w1, len)
                                let head = len >= 2 ? UInt16(l0 & 0xFF) << 8 | UInt16((l0 >> 8) & 0xFF) : UInt16(l0 & 0xFF)
                                if len >= 3 && len <= 8 && (head == 0x6962 || head == 0x6162 || head == 0x6D6F || head == 0x6D75),
                                   let r = replacements[f] { f = r }
                                folded = f
                                var fl = ActorUnit.word | ActorUnit.lastInToken
                                if w0 & 0x20 == 0 { fl |= ActorUnit.capitalised }
                                if (w0 & all) | (w1 & all) == 0 { fl |= ActorUnit.allCaps }
                                if f == al || f == el { fl |= ActorWordCache.article }
                                flags = fl
                                // "al…", "el…": the rest after the article (bytes 2…), for names written with it attached.
                                alternative = len >= 5 && (head == 0x616C || head == 0x656C)
                                    ? hash((l0 >> 16) | (l1 << 48), l1 >> 16, len - 2) : 0
                                cached.pointee = ActorWordCache.Entry(w0: w0, w1: w1, folded: folded, exact: exact,
                                                                      alternative: alternative, flags: flags)
                            }
                            let ext = pendingArticleStart >= 0 ? pendingArticleStart : Int32(tStart)
                            pendingArticleStart = -1
                            // A standalone "Al"/"El" before another word is an article: no unit.
                            if flags & ActorWordCache.article != 0 && ti + 1 < tk.count && tk[ti + 1].range.start > tk[ti].range.end {
                                pendingArticleStart = ext
                                continue
                            }
                            out.append(ActorUnit(start: Int32(tStart), end: Int32(tEnd), extendedStart: ext, folded: folded,
                                                 alternative: alternative, exact: exact, token: token,
                                                 flags: flags & ~ActorWordCache.article))
                            continue
                        }
                    }
                    // Any other token of ASCII letters only, read eight bytes at a time.
                    if fast, let part = plainPart(b, from: tStart, to: tEnd) {
                        var articleStart = pendingArticleStart
                        pendingArticleStart = -1
                        finish(part, b, tokenEnd: tEnd, last: true, token: token, articleStart: &articleStart, into: &out)
                        if (part.folded == al || part.folded == el), ti + 1 < tk.count, tk[ti + 1].range.start > tk[ti].range.end,
                           let lastUnit = out.last, lastUnit.token == token, lastUnit.start == Int32(tStart), lastUnit.end == Int32(tEnd) {
                            pendingArticleStart = lastUnit.extendedStart
                            out.removeLast()
                        }
                        continue
                    }
                    // A word: parts between hyphens.
                    var articleStart = pendingArticleStart
                    pendingArticleStart = -1
                    var i = tStart
                    while true {
                        let part = readPart(b, from: i, to: tEnd, tokenEnd: tEnd)
                        if part.possessive {
                            // A possessive 's at the end of the token becomes its own unit.
                            finish(part, b, tokenEnd: tEnd, last: false, token: token, articleStart: &articleStart, into: &out)
                            out.append(ActorUnit(start: Int32(part.stop), end: Int32(tEnd), extendedStart: Int32(part.stop),
                                                 folded: possessive, exact: possessive, token: token,
                                                 flags: ActorUnit.word | ActorUnit.lastInToken))
                            break
                        }
                        if part.stop < tEnd {  // a hyphen
                            finish(part, b, tokenEnd: tEnd, last: false, token: token, articleStart: &articleStart, into: &out)
                            i = part.stop + 1
                            continue
                        }
                        finish(part, b, tokenEnd: tEnd, last: true, token: token, articleStart: &articleStart, into: &out)
                        break
                    }
                    // A standalone "Al"/"El" before another word is an article.
                    if let lastUnit = out.last, lastUnit.folded == al || lastUnit.folded == el, lastUnit.token == token,
                       lastUnit.start == Int32(tStart), lastUnit.end == Int32(tEnd),
                       ti + 1 < tk.count, tk[ti + 1].range.start > tk[ti].range.end {
                        pendingArticleStart = lastUnit.extendedStart
                        out.removeLast()
                    }
                    if out.overflow { break }
                }
            }
        }
        return overflow ? nil : result
    }

    /// Units written to raw storage of fixed room (`ActorUnit` is plain data: nothing to deinitialise). A unit
    /// past the room is dropped and marks the buffer as overflowed.
    struct UnitBuffer {
        let base: UnsafeMutablePointer<ActorUnit>
        let capacity: Int
        private(set) var count = 0
        private(set) var overflow = false

        init(base: UnsafeMutablePointer<ActorUnit>, capacity: Int) {
            self.base = base
            self.capacity = capacity
        }

        @inline(__always) mutating func append(_ u: ActorUnit) {
            if count < capacity {
                (base + count).initialize(to: u)
                count &+= 1
            } else {
                overflow = true
            }
        }

        var last: ActorUnit? { count > 0 ? base[count - 1] : nil }

        mutating func removeLast() { count -= 1 }
    }

    /// One part of a word: where it starts and stops, its hashes and letter case.
    struct Part {
        var start: Int
        /// Where reading stopped: the token end, a hyphen, or a possessive apostrophe.
        var stop: Int
        var folded: UInt64, exact: UInt64
        /// Where the bytes after the first two folded ones start (their hash is needed only for "al…").
        var restFrom: Int
        var foldedCount: Int
        /// The first two folded bytes.
        var head: UInt16
        var bits: UInt8
        /// Stopped at an apostrophe followed by the token's final `s`.
        var possessive: Bool

        static let letter: UInt8 = 1, lower: UInt8 = 2, capitalised: UInt8 = 4
    }

    /// Reads one part of a word from `start` up to a hyphen, a final possessive `'s`, or `end`. Kept out of
    /// line with plain locals so the per-byte loop stays in registers.
    @inline(never)
    static func readPart(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, tokenEnd: Int) -> Part {
        var i = start
        var folded = UnitHash(), exact = UnitHash()
        var restFrom = end
        var count = 0
        var head: UInt16 = 0
        var bits: UInt8 = 0
        var possessive = false
        while i < end {
            let c = b[i]
            let x: UInt8
            if c &- 0x61 < 26 {  // the common case: a lowercase ASCII letter
                exact.add(c)
                bits |= Part.letter | Part.lower
                x = c
                i += 1
            } else if c == 0x2D {
                break
            } else {
                let ap = apostrophe(b, i, end)
                if ap > 0 {
                    if i + ap + 1 == tokenEnd && (b[i + ap] | 0x20) == 0x73 { possessive = true; break }
                    i += ap
                    continue
                }
                exact.add(c)
                if c < 0x80 {
                    if c &- 0x41 < 26 {
                        bits |= Part.letter
                        if i == start { bits |= Part.capitalised }
                        x = c | 0x20
                    } else {
                        x = c
                    }
                    i += 1
                } else if c == 0xC3, i + 1 < end, latin1Base(b[i + 1]) != 0 {
                    let d = b[i + 1]
                    bits |= Part.letter
                    if d < 0xA0 { if i == start { bits |= Part.capitalised } } else { bits |= Part.lower }
                    exact.add(d)
                    x = latin1Base(d)
                    i += 2
                } else if c == 0xC4 || c == 0xC5, i + 1 < end {
                    let d = b[i + 1]
                    let cp = (Int(c & 0x1F) << 6) | Int(d & 0x3F)
                    bits |= Part.letter
                    if cp % 2 == 0 { if i == start { bits |= Part.capitalised } } else { bits |= Part.lower }
                    exact.add(d)
                    x = latinExtendedA[cp - 0x100]
                    i += 2
                } else {
                    bits |= Part.letter | Part.lower
                    x = c
                    i += 1
                }
            }
            folded.add(x)
            count += 1
            if count <= 2 { head = head << 8 | UInt16(x); restFrom = i }
        }
        return Part(start: start, stop: i, folded: folded.value, exact: exact.value, restFrom: restFrom, foldedCount: count, head: head,
                    bits: bits, possessive: possessive)
    }

    /// The 8 bytes at `i` (little-endian), zeros past `count`.
    @inline(__always) static func load8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int) -> UInt64 {
        if i + 8 <= count { return UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) }
        var x: UInt64 = 0
        for k in 0..<(count - i) { x |= UInt64(b[i + k]) << UInt64(k << 3) }
        return x
    }

    /// The part `readPart` gives for a token of ASCII letters only (no hyphen, apostrophe, digit or other byte),
    /// read a word of eight bytes at a time; nil for any other token.
    @inline(__always)
    static func plainPart(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Part? {
        let n = b.count
        let caseBits: UInt64 = 0x2020_2020_2020_2020
        var folded = offset, exact = offset
        var lowerSeen: UInt64 = 0
        var capitals = false
        var p = start
        var firstWord: UInt64 = 0
        while true {
            let rem = end - p
            let x = load8(b, p, n)
            if rem >= 8 {
                guard PlaceWordScanner.asciiLetterRun(x) == 8 else { return nil }
                if p == start { firstWord = x }
                lowerSeen |= x & caseBits
                if x & caseBits != caseBits { capitals = true }
                folded = chunk(folded, x | caseBits)
                exact = chunk(exact, x)
                p += 8
                if rem == 8 {
                    folded = final(folded, 0, end - start)
                    exact = capitals ? final(exact, 0, end - start) : folded
                    break
                }
                continue
            }
            guard PlaceWordScanner.asciiLetterRun(x) >= rem else { return nil }
            let mask: UInt64 = (1 << UInt64(rem << 3)) - 1
            let w = x & mask
            if p == start { firstWord = w }
            lowerSeen |= w & caseBits
            let lw = w | (caseBits & mask)
            if w != lw { capitals = true }
            folded = final(folded, lw, end - start)
            // (Without capitals the exact bytes are the folded ones.)
            exact = capitals ? final(exact, w, end - start) : folded
            break
        }
        let count = end - start
        var bits = Part.letter
        if lowerSeen != 0 { bits |= Part.lower }
        if firstWord & 0x20 == 0 { bits |= Part.capitalised }
        let lowered = firstWord | caseBits
        let head = count >= 2 ? UInt16(lowered & 0xFF) << 8 | UInt16((lowered >> 8) & 0xFF) : UInt16(lowered & 0xFF)
        return Part(start: start, stop: end, folded: folded, exact: exact, restFrom: start + min(count, 2), foldedCount: count,
                    head: head, bits: bits, possessive: false)
    }

    /// Ends a part at its stop: an article waits for the next part, anything else becomes a unit.
    @inline(__always)
    static func finish(_ p: Part, _ b: UnsafeBufferPointer<UInt8>, tokenEnd: Int, last: Bool, token: Int32,
                       articleStart: inout Int32, into out: inout UnitBuffer) {
        guard p.stop > p.start else { return }
        var f = p.folded
        // Only "ib…", "ab…", "mo…", "mu…" of 3–8 letters can be a variant spelling.
        if p.foldedCount >= 3 && p.foldedCount <= 8
            && (p.head == 0x6962 || p.head == 0x6162 || p.head == 0x6D6F || p.head == 0x6D75),
           let r = replacements[f] { f = r }
        var flags = ActorUnit.word
        if p.bits & Part.capitalised != 0 { flags |= ActorUnit.capitalised }
        if p.bits & (Part.letter | Part.lower) == Part.letter { flags |= ActorUnit.allCaps }
        if last { flags |= ActorUnit.lastInToken }
        if !last && p.foldedCount <= 3 && articles.contains(f) {
            if articleStart < 0 { articleStart = Int32(p.start) }
        } else {
            let ext = articleStart >= 0 ? articleStart : Int32(p.start)
            let attached = p.foldedCount >= 5 && (p.head == 0x616C || p.head == 0x656C)  // "al…", "el…"
            out.append(ActorUnit(start: Int32(p.start), end: Int32(p.stop), extendedStart: ext,
                                 folded: f, alternative: attached ? readPart(b, from: p.restFrom, to: p.stop, tokenEnd: tokenEnd).folded : 0,
                                 exact: p.exact,
                                 token: token, flags: flags))
            articleStart = -1
        }
    }
}
