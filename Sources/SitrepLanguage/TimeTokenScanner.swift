/// One word the time finder cares about: a time word from the lexicon or a number.
struct TimeToken {
    // Stored narrow (32 bytes a token): the scan appends many of them.
    private var _start: Int32
    private var _end: Int32
    private var _word: Int32
    private var _sentence: Int32
    /// Index into `TimeLexicon.entries`, or -1 for a number.
    var entry: Int32
    private var _number: Int32
    private var _digits: UInt8
    var flags: UInt16
    /// What stands between the previous word and this one.
    var gap: Gap

    var start: Int { get { Int(_start) } set { _start = Int32(truncatingIfNeeded: newValue) } }
    var end: Int { get { Int(_end) } set { _end = Int32(truncatingIfNeeded: newValue) } }
    /// Ordinal of the word in the text: tokens are adjacent when their words are.
    var word: Int { Int(_word) }
    /// Sentence counter (approximate: bumped at . ! ? and blank lines), for tense cues.
    var sentence: Int { Int(_sentence) }
    /// A number's value (digits only, at most nine), -1 for words.
    var number: Int { Int(_number) }
    var digits: Int { Int(_digits) }

    init(start: Int, end: Int, word: Int, sentence: Int, entry: Int32, number: Int, digits: Int, flags: UInt16, gap: Gap) {
        _start = Int32(truncatingIfNeeded: start); _end = Int32(truncatingIfNeeded: end)
        _word = Int32(truncatingIfNeeded: word); _sentence = Int32(truncatingIfNeeded: sentence)
        self.entry = entry
        _number = Int32(truncatingIfNeeded: number); _digits = UInt8(truncatingIfNeeded: digits)
        self.flags = flags; self.gap = gap
    }

    enum Gap: UInt8 { case space, hyphen, comma, slash, colon, period, other }

    static let capitalised: UInt16 = 1
    static let ordinalSuffix: UInt16 = 2
    static let decade: UInt16 = 4
    static let possessive: UInt16 = 8
    static let sentenceStart: UInt16 = 16
    /// A capitalised word that is not a time word follows directly (a name: "Sunday Times").
    static let nameFollows: UInt16 = 32
    /// A plain (non-time) word follows directly.
    static let wordFollows: UInt16 = 64
    /// A currency sign, '#' or '%' stands right before, or the previous word is a number: "$5 a year", "13% a year".
    static let afterAmount: UInt16 = 128
    /// The previous word is a capitalised name, not at a sentence start: "Resolution 2018".
    static let afterName: UInt16 = 256
    /// Two digits right after an apostrophe that opens a word: a year ("in '98", "May '02").
    static let apostropheYear: UInt16 = 512
    /// A plain (non-time) word follows after a hyphen: "month-long", "year-old".
    static let hyphenWordFollows: UInt16 = 1024

    @inline(__always) func has(_ f: UInt16) -> Bool { flags & f != 0 }
}

/// Splits UTF-8 text into words and keeps only time words and numbers, each with its word ordinal,
/// the punctuation before it and its capitalisation: one pass, no allocation per word.
struct TimeTokenScanner {
    let lexicon: TimeLexicon
    let amEntry: Int32, pmEntry: Int32, oclockEntry: Int32
    /// Per lexicon entry, what the time-word shortcut needs to know of it (`Self.grammatical`, `Self.tellsWord`,
    /// `Self.abbreviation` bits), read instead of the entry's kind and role.
    let entryBits: [UInt8]

    /// The entry is a grammatical word (`kind == .word`): a time word right after a token tells it what follows.
    static let grammatical: UInt8 = 1
    /// A grammatical word whose role counts as a word following the token before it ("March will", "Monday said").
    static let tellsWord: UInt8 = 2
    /// A month or weekday abbreviation: a full stop right after it belongs to it ("Sept.", "Wed.").
    static let abbreviation: UInt8 = 4

    init(lexicon: TimeLexicon) {
        self.lexicon = lexicon
        func find(_ w: String) -> Int32 {
            let b = Array(w.utf8)
            return b.withUnsafeBufferPointer { lexicon.lookup($0, 0, $0.count) }
        }
        amEntry = find("am"); pmEntry = find("pm"); oclockEntry = find("oclock")
        entryBits = lexicon.entries.map { Self.bits($0) }
    }

    /// The `entryBits` of one entry: the same tests the general path makes on its kind and role.
    static func bits(_ x: TimeLexicon.Entry) -> UInt8 {
        var b: UInt8 = 0
        if x.kind == .monthAbbr || x.kind == .weekdayAbbr { b |= abbreviation }
        if x.kind == .word {
            b |= grammatical
            if tellsWordFollows(x.role) { b |= tellsWord }
        }
        return b
    }

    /// Whether a grammatical time word of this role tells the time token right before it that a word follows
    /// ("Sunday Times", "March will"): the one list both the shortcut and the general path read.
    static func tellsWordFollows(_ role: TimeLexicon.Role) -> Bool {
        switch role {
        case .amount, .futureCue, .futureCueTo, .scheduleVerb, .pastCue, .perfect, .old, .period, .deferVerb, .ahead, .eventNoun, .deadline, .deadlineVerb, .turn:
            return true
        default:
            return false
        }
    }

    /// Appends the time tokens of `p` to `tokens`. They are written straight into the new array's storage, with room
    /// for one token per four bytes; a denser text (numbers one or two bytes apart) is scanned again with twice the room.
    ///
    /// `shortcut: false` turns off the plain-word shortcut (see the private `scan`): for tests that pin it to the general path.
    func scan(_ p: UnsafeBufferPointer<UInt8>, into tokens: inout [TimeToken], shortcut: Bool = true) {
        lexicon.withProbe { probe in entryBits.withUnsafeBufferPointer { bits in
            var capacity = p.count / 4 + 16
            while true {
                var full = false
                let scanned = [TimeToken](unsafeUninitializedCapacity: capacity) { buffer, count in
                    var out = TokenBuffer(buffer)
                    scan(p, probe: probe, bits: bits, into: &out, shortcut: shortcut)
                    count = out.count
                    full = out.full
                }
                if !full {
                    if tokens.isEmpty { tokens = scanned } else { tokens.append(contentsOf: scanned) }
                    return
                }
                capacity *= 2
            }
        } }
    }

    /// Whether the word after "a.m."/"p.m." and its full stop (at `from`) opens a sentence: one space, then a capitalised
    /// word that does not carry the clock time on — not a weekday, a month, "today", a time zone ("10 a.m. EDT Friday").
    private static func opensSentence(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ probe: TimeLexicon.Probe) -> Bool {
        var s = from
        while s < p.count, p[s] == 0x20 { s += 1 }
        guard s > from, s < p.count, ByteClass.isUpper(p[s]) else { return false }
        var e = s
        while e < p.count, ByteClass.isAlnum(p[e]) { e += 1 }
        guard e - s >= 2, e - s <= 40 else { return true }
        let entry = probe.word(p, s, e)
        guard entry >= 0 else { return true }
        let x = probe.entries[Int(entry)]
        switch x.kind {
        case .weekday, .weekdayAbbr, .month, .monthAbbr, .dayRef, .holiday: return false
        case .word: return x.role != .zone
        default: return true
        }
    }

    /// `probe`: the lexicon's tables as pointers, so that looking up every word costs no call, bounds check
    /// or reference count. Tokens go to a raw buffer (no copy-on-write check per token); the latest one's
    /// flags are still changed in place while the words after it tell what follows it.
    ///
    /// Most words are plain words after one space: they only move the counters on and tell the token before them, if any,
    /// what follows it. The shortcut at the top of the loop handles exactly those (two or more bytes, a letter first, no
    /// possessive after, not in the lexicon) with what the general path would do for them, and leaves every other word to it.
    ///
    /// A time word in the same place (after one space, no possessive after) takes a second shortcut: it is appended as the
    /// general path would append it (gap `.space`, no number), with its entry's `bits` read instead of its kind and role.
    private func scan(_ p: UnsafeBufferPointer<UInt8>, probe: TimeLexicon.Probe, bits: UnsafeBufferPointer<UInt8>,
                      into out: inout TokenBuffer, shortcut: Bool) {
        let n = p.count
        guard n > 0, let base = p.baseAddress else { return }
        var i = 0
        var word = 0
        var sentence = 0
        var lastWordEnd = 0
        var lastWasToken = false
        var sawSentenceEnd = true
        var previousWasNumber = false
        var previousWasName = false
        let cls = ByteClass.table
        let maxLength = lexicon.maxLength
        while i < n {
            let c0 = cls[Int(base[i])]
            if c0 & 3 == 0 { i &+= 1; continue }
            // The plain-word shortcut: a letter after exactly one space (the gap is `.space` and tells nothing else).
            // A time word it meets takes the time-word shortcut.
            if shortcut, c0 & ByteClass.letter != 0, i == lastWordEnd &+ 1, base[lastWordEnd] == 0x20 {
                let e = ByteClass.alnumRunEnd(p, i, n)
                let length = e &- i
                if length >= 2, e >= n || (base[e] != 0x27 && base[e] != 0xE2) {
                    let entry = length <= maxLength ? probe.word(p, i, e) : -1
                    if entry >= 0 {
                        // The time-word shortcut: what the general path does for a word after one space with an entry.
                        let b = bits[Int(entry)]
                        let startsSentence = sawSentenceEnd
                        // One space holds no currency sign; a number before it counts unless a sentence ended there.
                        let amount = previousWasNumber && !sawSentenceEnd
                        if sawSentenceEnd && word > 0 { sentence &+= 1 }
                        sawSentenceEnd = false
                        word &+= 1
                        let upperFirst = c0 & ByteClass.upper != 0
                        var flags: UInt16 = 0
                        if previousWasName { flags |= TimeToken.afterName }
                        if upperFirst { flags |= TimeToken.capitalised }
                        if startsSentence { flags |= TimeToken.sentenceStart }
                        if amount { flags |= TimeToken.afterAmount }
                        previousWasNumber = false
                        var end = e
                        // "Sept." / "Wed.": the full stop belongs to the abbreviation, not to the sentence.
                        if b & Self.abbreviation != 0, e < n, base[e] == 0x2E { end = e &+ 1 }
                        if b & Self.grammatical != 0, lastWasToken, out.count > 0, out.lastWord == word &- 1 {
                            var f: UInt16 = b & Self.tellsWord != 0 ? TimeToken.wordFollows : 0
                            if upperFirst && !startsSentence { f |= TimeToken.nameFollows }
                            out.orLastFlags(f)
                        }
                        out.append(TimeToken(start: i, end: end, word: word, sentence: sentence, entry: entry, number: -1,
                                             digits: 0, flags: flags, gap: .space))
                        lastWasToken = true
                        previousWasName = false
                        i = end
                        lastWordEnd = end
                        continue
                    } else {
                        let startsSentence = sawSentenceEnd
                        if sawSentenceEnd && word > 0 { sentence &+= 1 }
                        sawSentenceEnd = false
                        word &+= 1
                        let upperFirst = c0 & ByteClass.upper != 0
                        previousWasNumber = false
                        previousWasName = upperFirst && !startsSentence
                        if lastWasToken, out.count > 0, out.lastWord == word &- 1 {
                            out.orLastFlags(upperFirst && !startsSentence ? TimeToken.wordFollows | TimeToken.nameFollows : TimeToken.wordFollows)
                        }
                        lastWasToken = false
                        i = e
                        lastWordEnd = e
                        continue
                    }
                }
            }
            // Gap since the previous word.
            var gap = TimeToken.Gap.space
            var spaces = 0, newlines = 0, marks = 0
            var mark: UInt8 = 0
            var amount = previousWasNumber
            if i == lastWordEnd &+ 1, base[lastWordEnd] == 0x20 {
                // One space (the common case): nothing else to read.
                spaces = 1
            } else {
                var j = lastWordEnd
                while j < i {
                    let c = base[j]
                    // A no-break space counts as a space.
                    if c == 0xC2, j &+ 1 < i, base[j &+ 1] == 0xA0 { spaces &+= 1; j &+= 2; continue }
                    if c == 0x24 || c == 0x23 || c == 0x25 { amount = true }
                    if c == 0x20 || c == 0x09 { spaces &+= 1 }
                    else if c == 0x0A || c == 0x0D { newlines &+= 1 }
                    else { marks &+= 1; mark = c }
                    if c == 0x2E || c == 0x21 || c == 0x3F { sawSentenceEnd = true }
                    j &+= 1
                }
                if newlines > 1 { sawSentenceEnd = true }
            }
            // A number ending the previous sentence does not make the next word a rate ("… on Aug. 3. A year after …").
            if sawSentenceEnd, previousWasNumber, i > lastWordEnd { amount = false }
            if marks == 0 { gap = newlines > 1 ? .other : .space }
            else if marks == 1 {
                switch mark {
                case 0x2D: gap = spaces &+ newlines == 0 ? .hyphen : .other
                case 0x2C: gap = .comma
                case 0x2F: gap = spaces &+ newlines == 0 ? .slash : .other
                case 0x3A: gap = spaces &+ newlines == 0 ? .colon : .other
                case 0x2E: gap = .period
                default: gap = .other
                }
            } else { gap = .other }
            if i &- lastWordEnd > 40 { gap = .other }
            let startsSentence = sawSentenceEnd
            if sawSentenceEnd && word > 0 { sentence &+= 1 }
            sawSentenceEnd = false

            var s = i
            i = ByteClass.alnumRunEnd(p, i, n)
            var e = i
            // "'s" after a word belongs to it.
            var possessive = false
            if e < n, base[e] != 0x27 && base[e] != 0xE2 {
                // Neither ' nor ’ follows: not a possessive (the common case, one test).
            } else if e &+ 1 < n, base[e] == 0x27, (base[e &+ 1] | 0x20) == 0x73, e &+ 2 >= n || !ByteClass.isAlnum(base[e &+ 2]) {
                possessive = true; i = e &+ 2
            } else if e &+ 3 < n, base[e] == 0xE2, base[e &+ 1] == 0x80, base[e &+ 2] == 0x99, (base[e &+ 3] | 0x20) == 0x73,
                      e &+ 4 >= n || !ByteClass.isAlnum(base[e &+ 4]) {
                possessive = true; i = e &+ 4
            }
            word &+= 1
            let first = base[s]
            let upperFirst = ByteClass.isUpper(first)
            let digitFirst = ByteClass.isDigit(first)
            var entry: Int32 = -1
            var number = -1, digits = 0
            var flags: UInt16 = 0
            if previousWasName, gap == .space { flags |= TimeToken.afterName }
            if upperFirst { flags |= TimeToken.capitalised }
            if startsSentence { flags |= TimeToken.sentenceStart }
            if amount { flags |= TimeToken.afterAmount }
            previousWasNumber = digitFirst
            if possessive { flags |= TimeToken.possessive }
            if digitFirst {
                var d = s, v = 0
                while d < e, ByteClass.isDigit(base[d]), d &- s < 9 { v = v &* 10 &+ Int(base[d] &- 0x30); d &+= 1 }
                digits = d &- s
                if d == e {
                    number = v
                    if digits == 2, s >= 1 {
                        // "'98" / "’98", the apostrophe not inside a word ("rock'n'roll").
                        var a = s
                        if base[s &- 1] == 0x27 { a = s &- 1 }
                        else if s >= 3, base[s &- 3] == 0xE2, base[s &- 2] == 0x80, base[s &- 1] == 0x99 { a = s &- 3 }
                        if a < s, a == 0 || !ByteClass.isAlnum(base[a &- 1]) {
                            flags |= TimeToken.apostropheYear
                            // The apostrophe belongs to the year, not to the gap before it ("May '98").
                            s = a
                            if (marks == 1 && mark == 0x27) || (marks == 3 && mark == 0x99), spaces > 0, newlines <= 1 { gap = .space }
                        }
                    }
                } else if e &- d == 2, digits <= 2, Self.isOrdinalSuffix(base[d], base[d &+ 1]) {
                    number = v; flags |= TimeToken.ordinalSuffix
                } else if e &- d == 1, (base[d] | 0x20) == 0x73, digits == 4 || digits == 2 {
                    number = v; flags |= TimeToken.decade
                } else if e &- d == 2, digits <= 2, (base[d &+ 1] | 0x20) == 0x6D, (base[d] | 0x20) == 0x61 || (base[d] | 0x20) == 0x70 {
                    // "10am", "7pm": the number, then the meridiem as its own token.
                    out.append(TimeToken(start: s, end: d, word: word, sentence: sentence, entry: -1, number: v,
                                         digits: digits, flags: flags, gap: gap))
                    word &+= 1
                    out.append(TimeToken(start: d, end: e, word: word, sentence: sentence,
                                         entry: (base[d] | 0x20) == 0x61 ? amEntry : pmEntry, number: -1, digits: 0,
                                         flags: 0, gap: .space))
                    lastWordEnd = i; lastWasToken = true
                    continue
                }
            } else if e &- s <= maxLength {
                if e &- s >= 2 {
                    entry = probe.word(p, s, e)
                    if entry >= 0 {
                        let k = probe.entries[Int(entry)].kind
                        // "Sept." / "Wed.": the full stop belongs to the abbreviation, not to the sentence.
                        if (k == .monthAbbr || k == .weekdayAbbr), e < n, base[e] == 0x2E { e &+= 1; i = e }
                    }
                } else {
                    entry = lexicon.lookup(p, s, e)
                    let l = first | 0x20
                    // "a.m." / "p.m." (also "a.m" and "p.m")
                    if (l == 0x61 || l == 0x70), e &+ 1 < n, base[e] == 0x2E, (base[e &+ 1] | 0x20) == 0x6D,
                       e &+ 2 >= n || !ByteClass.isAlnum(base[e &+ 2]) {
                        entry = l == 0x61 ? amEntry : pmEntry
                        e &+= 2
                        if e < n, base[e] == 0x2E {
                            e &+= 1
                            // The full stop may also end the sentence ("… at 10 a.m. Police said …").
                            if Self.opensSentence(p, e, probe) { sawSentenceEnd = true }
                        }
                        i = e
                    } else if l == 0x6F, e &+ 5 < n {
                        // "o'clock" / "o’clock"
                        var q = e
                        if base[q] == 0x27 { q &+= 1 } else if base[q] == 0xE2, q &+ 2 < n, base[q &+ 1] == 0x80, base[q &+ 2] == 0x99 { q &+= 3 }
                        if q > e, q &+ 5 <= n, (base[q] | 0x20) == 0x63, (base[q &+ 1] | 0x20) == 0x6C, (base[q &+ 2] | 0x20) == 0x6F,
                           (base[q &+ 3] | 0x20) == 0x63, (base[q &+ 4] | 0x20) == 0x6B, q &+ 5 >= n || !ByteClass.isAlnum(base[q &+ 5]) {
                            entry = oclockEntry; e = q &+ 5; i = e
                        }
                    }
                }
            }
            if entry >= 0 || number >= 0 {
                // A grammatical time word right after a token still tells it what follows: "Sunday Times", "March will".
                if entry >= 0, lastWasToken, gap == .space, out.count > 0, out.lastWord == word &- 1,
                   probe.entries[Int(entry)].kind == .word {
                    var f: UInt16 = 0
                    if upperFirst && !startsSentence { f |= TimeToken.nameFollows }
                    if Self.tellsWordFollows(probe.entries[Int(entry)].role) { f |= TimeToken.wordFollows }
                    out.orLastFlags(f)
                }
                out.append(TimeToken(start: s, end: e, word: word, sentence: sentence, entry: entry, number: number,
                                     digits: digits, flags: flags, gap: gap))
                lastWasToken = true
                previousWasName = false
            } else {
                // "Resolution 2018" is an identifier, "the Treasury's 10-year note" is not.
                previousWasName = upperFirst && !startsSentence && !possessive
                // A plain word: tell the previous token, if it is adjacent, what follows it.
                if lastWasToken, gap == .space, out.count > 0, out.lastWord == word &- 1 {
                    out.orLastFlags(upperFirst && !startsSentence ? TimeToken.wordFollows | TimeToken.nameFollows : TimeToken.wordFollows)
                } else if lastWasToken, gap == .hyphen, out.count > 0, out.lastWord == word &- 1 {
                    out.orLastFlags(TimeToken.hyphenWordFollows)
                }
                lastWasToken = false
            }
            lastWordEnd = i
        }
    }
}

/// The scanner's output while it runs: the uninitialised storage of the array being made (tokens are trivial values).
/// When it is full, further tokens are dropped and `full` is set: the caller scans again with more room.
private struct TokenBuffer {
    private let base: UnsafeMutablePointer<TimeToken>
    private let capacity: Int
    private(set) var count = 0
    private(set) var full = false

    init(_ buffer: UnsafeMutableBufferPointer<TimeToken>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always) mutating func append(_ t: TimeToken) {
        if count == capacity { full = true; return }
        (base + count).initialize(to: t)
        count &+= 1
    }

    /// The word ordinal of the latest token (`count > 0`).
    @inline(__always) var lastWord: Int { base[count &- 1].word }

    @inline(__always) func orLastFlags(_ f: UInt16) { base[count &- 1].flags |= f }
}

extension TimeTokenScanner {
    /// "st", "nd", "rd", "th" in any case: the suffix of "1st", "22nd", "3rd", "30th" (not the "am" of "10am").
    @inline(__always)
    static func isOrdinalSuffix(_ x: UInt8, _ y: UInt8) -> Bool {
        let a = ByteClass.lower(x), c = ByteClass.lower(y)
        return (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68)
    }
}
