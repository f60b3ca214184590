import SitrepCore

/// A source's noun phrase as token indexes.
struct SourcePhrase {
    var range: Range<Int>
    var isPronoun = false
    /// Tokens after the phrase that describe the source ("for the Toronto … concern").
    var affiliation: Range<Int>? = nil
}

/// One byte per token: its `AttributionScanner.Part` once worked out, nil before.
final class PartMemo {
    let slots: UnsafeMutableBufferPointer<AttributionScanner.Part?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit { slots.deallocate() }
}

extension AttributionScanner {
    /// The role a token can play in a source phrase (worked out once per token, then read from `partMemo`).
    @inline(__always)
    func part(_ t: Int) -> Part {
        let slots = partMemo.slots
        guard UInt(bitPattern: t) < UInt(slots.count) else { return findPart(t) }
        if let known = slots[t] { return known }
        let p = findPart(t)
        slots[t] = p
        return p
    }

    /// `part`'s answer, from the token's flags and the lexicon.
    func findPart(_ t: Int) -> Part {
        let f = ct.flag(t)
        if f.contains(.word) {
            if let r = lex.roles[ct.key(t)] {
                // Capitalised, "Observatory", "Human Rights", "Abu", "Al" are parts of a name.
                if f.contains(.capitalized), r == .head || r == .modifier || r == .link || r == .particle { return .name }
                switch r {
                case .head: return .head
                case .modifier: return .modifier
                case .determiner, .single: return .determiner
                case .pronoun: return .pronoun
                case .link: return .link
                case .particle: return .particle
                case .affiliation: return .affiliation
                case .location: return .location
                case .stop: return .stop
                }
            }
            if f.contains(.capitalized) || f.contains(.hyphenName) { return isGlued(t, capitalized: f.contains(.capitalized)) ? .glued : .name }
            return isGlued(t, capitalized: false) ? .glued : .other
        }
        if f.contains(.number) { return .number }
        if f.contains(.openBracket) { return .openBracket }
        if f.contains(.closeBracket) { return .closeBracket }
        return .other
    }

    /// Two words glued by page cleaning: a lowercase word with a capital inside ("reportersThe", "newsOfficials",
    /// "area'Reinforce"), or a capitalised one whose capitalised tail is a function word of `noun-phrase-breaks.txt`
    /// ("SyriaThe", "ReviewA"; not "McGregor", "BellSouth").
    func isGlued(_ t: Int, capitalized: Bool) -> Bool {
        guard let tail = ct.gluedTail(t) else { return false }
        return !capitalized || lex.phraseBreaks.contains(ct.tailKey(t, from: tail))
    }

    @inline(__always) private func isContent(_ p: Part) -> Bool {
        switch p {
        case .name, .head, .modifier, .number, .closeBracket: return true
        default: return false
        }
    }

    /// The noun phrase that ends at token `j`, scanning left no further than `lo`.
    func backwardNP(end j: Int, lo: Int) -> SourcePhrase? {
        guard j >= lo else { return nil }
        if part(j) == .pronoun { return SourcePhrase(range: j..<(j + 1), isPronoun: true) }
        var k = j, start = -1, depth = 0, hasContent = false, loose = 0
        scan: while k >= lo, j - k < 20 {
            let p = part(k)
            var accept = false, stopAfter = false
            switch p {
            case .name, .head, .modifier, .number: accept = true
            case .closeBracket:
                // ("… at any cost]Maduro said": a bracket glued to the next word ends a quoted passage.)
                accept = k == j || ct.end(k) != ct.start(k + 1)
                depth += 1
            case .openBracket: accept = depth > 0; depth -= 1
            case .determiner:
                // "a move experts say", "another indication officials said": a determiner of one before a noun and a
                // plural head belongs to the noun; the source starts after it.
                if start != -1, lex.roles[ct.key(k)] == .single, let noun = singularNoun(after: k, head: j) {
                    start = noun + 1
                    break scan
                }
                accept = true
                // "the head of the Observatory": go on past "of the".
                stopAfter = !(k - 2 >= lo && (part(k - 1) == .link || part(k - 1) == .affiliation) && isContent(part(k - 2)))
            case .link, .affiliation, .location:
                accept = (start != -1 || (k == j && ct.key(k) == lex.keys.possessive)) && k - 1 >= lo && isContent(part(k - 1))
            case .particle:
                // "de Mistura", "bin Laden": a lowercase particle before a name.
                accept = start != -1 && part(k + 1) == .name
                stopAfter = !(k - 1 >= lo && part(k - 1) == .name)
            case .other:
                if k == j, isUnlistedNoun(k) {
                    // An unlisted noun heading a compound ("news agencies"), or alone after a comma, a
                    // sentence opener or the sentence start ("…, detectives said").
                    if k - 1 < lo {
                        accept = true
                    } else {
                        let left = part(k - 1)
                        accept = left == .modifier || left == .name || left == .head || left == .number || left == .stop
                            || ct.has(k - 1, .comma)
                    }
                    if accept { hasContent = true }
                } else if start != -1, loose < 3, isCompoundModifier(k) {
                    // "the air force", "city transport officials": a lowercase noun or adjective before the head,
                    // up to the determiner, punctuation, preposition or verb that ends the phrase.
                    accept = true
                    loose += 1
                } else if k - 1 >= lo, isAbbreviationStop(k) {
                    // "Hadson Corp. said": the stop of an abbreviation inside a name.
                    accept = true
                }
            default: accept = false
            }
            if !accept { break }
            if p == .name || p == .head { hasContent = true }
            start = k
            if stopAfter { break }
            k -= 1
        }
        guard start >= 0, hasContent else { return nil }
        return SourcePhrase(range: start..<(j + 1))
    }

    /// In a phrase from the determiner `d` to the plural head `j`, the last lowercase noun before the head that is not
    /// plural ("move" in "a move experts"); nil when the head is not plural or only adjectives stand between.
    func singularNoun(after d: Int, head j: Int) -> Int? {
        guard j > d + 1, !ct.isCapitalized(j), ct.isPluralShape(j) else { return nil }
        var m = j - 1
        while m > d {
            let p = part(m)
            if (p == .other || p == .head) && !ct.isPluralShape(m) { return m }
            // ("a group of experts", "a unit's officers": one phrase.)
            if p == .link || p == .affiliation { return nil }
            m -= 1
        }
        return nil
    }

    /// A full stop glued to a capitalised word before it ("Corp.", "Gen.") inside a sentence.
    func isAbbreviationStop(_ k: Int) -> Bool {
        guard k > 0, ct.has(k, .finalPunctuation), ct.tokens[k].range.length == 1,
              ct.tokens[k - 1].range.end == ct.tokens[k].range.start, ct.isCapitalized(k - 1) else { return false }
        return ct.tokens[k - 1].range.length <= 5
    }

    /// A lowercase word that is none of the closed-class words the finders know (verb forms, auxiliaries,
    /// adverbs, clause words).
    func isUnlistedNoun(_ k: Int) -> Bool {
        guard ct.isWord(k), !ct.isCapitalized(k), !ct.has(k, .ing), !ct.endsWithED(k) else { return false }
        let key = ct.key(k)
        return !lex.keys.beForms.contains(key) && !lex.keys.doForms.contains(key) && !lex.verbs.mayStart(k, ct)
            && !lex.adverbs.contains(key) && !lex.adjuncts.contains(key) && key != lex.keys.that && key != lex.keys.who
            && key != lex.keys.which && key != lex.keys.what
    }

    /// An unlisted lowercase word that can stand before a head as part of its name ("air" in "air force",
    /// "coast" in "coast guard"): no closed-class word, verb form, time word or phrase break ("as", "when", "nor").
    func isCompoundModifier(_ k: Int) -> Bool {
        isUnlistedNoun(k) && !lex.timeWords.contains(ct.key(k)) && !lex.phraseBreaks.contains(ct.key(k)) && !ct.has(k, .hyphenName)
    }

    /// The noun phrase that starts at token `i`, before `hi`.
    func forwardNP(from i: Int, limit hi: Int) -> SourcePhrase? {
        guard i < hi else { return nil }
        if part(i) == .pronoun { return SourcePhrase(range: i..<(i + 1), isPronoun: true) }
        var k = i, end = i, depth = 0, hasContent = false
        while k < hi, k - i < 20 {
            let p = part(k)
            var accept = false
            switch p {
            case .name, .head, .modifier, .number: accept = true
            case .determiner: accept = k == i || part(k - 1) == .link || part(k - 1) == .affiliation
            case .particle:
                accept = k + 1 < hi && part(k + 1) == .name
            case .link, .affiliation:
                if k + 1 < hi {
                    let next = part(k + 1)
                    accept = k > i ? (isContent(next) || next == .determiner) : next == .name
                }
            case .other:
                if k == i, k + 1 < hi, isUnlistedNoun(k) || ct.has(k, .hyphenName) || ct.isWord(k) && !ct.isCapitalized(k) && !lex.verbs.mayStart(k, ct) {
                    // "said four-star Gen. John Dailey": a lowercase modifier before a name.
                    let next = part(k + 1)
                    accept = (next == .name || next == .head) && ct.isWord(k) && !lex.keys.beForms.contains(ct.key(k))
                        && !lex.keys.doForms.contains(ct.key(k)) && ct.key(k) != lex.keys.that
                        && !lex.phraseBreaks.contains(ct.key(k)) // ("explains how Jae's mother …")
                } else if k > i, isCompoundModifier(k) {
                    // "said the air force": lowercase words before a head (at most three), none after it.
                    var m = k + 1
                    while m < hi, m - k < 3, part(m) == .other, isCompoundModifier(m) { m += 1 }
                    accept = m < hi && (part(m) == .head || part(m) == .name || part(m) == .modifier)
                } else if k > i, k + 1 < hi, isAbbreviationStop(k), part(k + 1) == .name {
                    // "Gen. John Dailey", "Dow Jones & Co. Inc."
                    accept = true
                }
            case .openBracket:
                accept = k + 1 < hi && part(k + 1) == .name
                depth += 1
            case .closeBracket:
                accept = depth > 0
                depth -= 1
            default: accept = false
            }
            if !accept { break }
            if p == .name || p == .head { hasContent = true }
            if p == .name || p == .head || p == .number || p == .closeBracket { end = k + 1 }
            k += 1
        }
        guard hasContent, end > i else { return nil }
        return SourcePhrase(range: i..<end)
    }

    /// The subject before a reporting verb: adverbs and auxiliaries skipped; when the words right
    /// before the verb are not a source ("a freelance reporter living close to the front line said"),
    /// the phrase before a location or affiliation word.
    func subject(before v: Int, lo: Int) -> SourcePhrase? {
        var j = v - 1
        while j >= lo, lex.adverbs.contains(ct.key(j)) { j -= 1 }
        guard j >= lo else { return nil }
        // "The police command on Thursday said", "the company earlier this month announced": the time is no source.
        j = beforeTimePhrase(j, lo: lo)
        while j >= lo, lex.adverbs.contains(ct.key(j)) { j -= 1 }
        guard j >= lo else { return nil }
        // "Compaq, which said …": the phrase before the relative pronoun.
        if (ct.key(j) == lex.keys.which || ct.key(j) == lex.keys.who), j - 2 >= lo, ct.has(j - 1, .comma) {
            return backwardNP(end: j - 2, lo: lo).flatMap { $0.isPronoun ? nil : $0 }
        }
        // "Libya hailed the ruling and said …": the subject that opens the sentence.
        if ct.key(j) == lex.keys.and || ct.key(j) == lex.keys.but, j > lo {
            var f = lo
            while f < j, !(ct.isWord(f) || ct.has(f, .number)) || part(f) == .stop { f += 1 }
            return f < j ? forwardNP(from: f, limit: j) : nil
        }
        // "officials who monitor the border said": the phrase before "who".
        if let w = relativeWho(before: j, lo: lo), let np = backwardNP(end: w - 1, lo: lo), !np.isPronoun { return np }
        if let np = backwardNP(end: j, lo: lo) {
            // "a spokesman for the Basra port authority said": the short phrase "authority" sits after an
            // unlisted word; a head with a post-modifier further left is the source.
            let s0 = np.range.lowerBound
            if !np.isPronoun, !ct.isCapitalized(s0), s0 - 1 >= lo, ct.isWord(s0 - 1), part(s0 - 1) == .other,
               let alt = postModifiedHead(before: j, lo: lo, locations: false) { return alt }
            return np
        }
        if let alt = postModifiedHead(before: j, lo: lo, locations: true) { return alt }
        // "the farmer said", "a local teacher told …": an unlisted noun after a determiner — not before
        // a verb form that may be a plural noun ("its own previous reports").
        if v < ct.tokens.count, ct.has(v, .endsInS) { return nil }
        var d = j
        while d >= lo, j - d < 4, part(d) == .other, ct.isWord(d), !ct.isCapitalized(d),
              !lex.keys.beForms.contains(ct.key(d)), !lex.keys.doForms.contains(ct.key(d)), !lex.verbs.mayStart(d, ct),
              !lex.adverbs.contains(ct.key(d)), ct.key(d) != lex.keys.that { d -= 1 }
        if d >= lo, d < j, part(d) == .determiner, part(j) == .other {
            return SourcePhrase(range: d..<(j + 1))
        }
        return nil
    }

    /// The token before a time phrase that ends at `j` ("on Thursday", "Tuesday", "earlier this month", "late last
    /// week", "yesterday"), or `j` when none ends there.
    func beforeTimePhrase(_ j: Int, lo: Int) -> Int {
        var k = j, sawTime = false
        while k >= lo, j - k < 4, ct.isWord(k) {
            let key = ct.key(k)
            if lex.timeWords.contains(key) || lex.keys.timeWords.contains(key) {
                sawTime = true
            } else if !(sawTime && lex.adjuncts.contains(key)) {
                // (An opener of reporting-adjuncts.tsv: "on", "this", "last", "late".)
                break
            }
            k -= 1
        }
        return sawTime && k >= lo ? k : j
    }

    /// "who" opening a relative clause (no comma before it) within the few words up to `j`: "officials who spoke to
    /// reporters said"; nil when punctuation, "and" or "but" comes first, or when a subject follows "who".
    func relativeWho(before j: Int, lo: Int) -> Int? {
        var k = j
        while k > lo, j - k < 10, ct.isWord(k) || ct.has(k, .number), ct.key(k) != lex.keys.and, ct.key(k) != lex.keys.but {
            if ct.key(k) == lex.keys.who {
                // ("the man who they suspected": "who" is the object there, and "they" the subject.)
                let next = k + 1 <= j ? part(k + 1) : .other
                return ct.isWord(k - 1) && !ct.isCapitalized(k) && next != .pronoun && next != .determiner && next != .name ? k : nil
            }
            k -= 1
        }
        return nil
    }

    /// A head followed by a post-modifier that runs up to `j`: "a journalist based near the frontline",
    /// "a spokesman for the Toronto cable concern" (the post-modifier becomes the affiliation, a location is dropped).
    func postModifiedHead(before j: Int, lo: Int, locations: Bool) -> SourcePhrase? {
        var k = j
        while k > lo, j - k < 10 {
            let p = part(k)
            if p == .stop || p == .pronoun || !ct.isWord(k) || ct.key(k) == lex.keys.that || ct.key(k) == lex.keys.which
                || ct.key(k) == lex.keys.who || lex.keys.beForms.contains(ct.key(k)) || lex.verbs.mayStart(k, ct) { break }
            let linkWord = p == .link && ct.key(k) != lex.keys.and && ct.key(k) != lex.keys.possessive
            if (locations && p == .location) || p == .affiliation || linkWord,
               part(k - 1) == .head || part(k - 1) == .name,
               var np = backwardNP(end: k - 1, lo: lo) {
                if p != .location { np.affiliation = k..<(j + 1) }
                return np
            }
            k -= 1
        }
        return nil
    }

    /// The subject with its appositive: "X, head of Y, said", "…, X, a spokesman with Y claimed",
    /// "the envoy for Y, X, said".
    func subjectWithAppositive(before v: Int, lo: Int) -> (source: TextRange, affiliation: TextRange?, start: Int, isPronoun: Bool)? {
        var j = v - 1
        while j >= lo, lex.adverbs.contains(ct.key(j)) { j -= 1 }
        guard j >= lo else { return nil }
        // "Pending chargesProsecutors said": the capitalised tail of a word glued by page cleaning is the source.
        // (Not a function word: "InjuredAn alleged …" has none.)
        if ct.isWord(j), part(j) == .glued, let tail = ct.gluedTail(j), !lex.phraseBreaks.contains(ct.tailKey(j, from: tail)) {
            return (TextRange(start: Int32(tail), end: ct.end(j)), nil, j, false)
        }
        if ct.has(j, .comma) {
            let c2 = j
            var c1 = c2 - 1
            while c1 > lo, c2 - c1 < 25, !isHardBoundary(c1) { c1 -= 1 }
            guard c1 > lo, ct.has(c1, .comma), c2 - c1 >= 2 else { return nil }
            let first = part(c1 + 1)
            // "The official, who spoke on condition of anonymity, said": a relative or participle aside.
            if ct.key(c1 + 1) == lex.keys.who || ct.key(c1 + 1) == lex.keys.which || ct.has(c1 + 1, .ing) {
                guard let np = backwardNP(end: c1 - 1, lo: lo), !np.isPronoun else { return nil }
                let (source, affiliation) = splitSource(np)
                return (source, affiliation, np.range.lowerBound, false)
            }
            // "Allianz, for example, said": an aside, not a description.
            if first == .link || first == .stop || lex.adverbs.contains(ct.key(c1 + 1)) || lex.adjuncts.contains(ct.key(c1 + 1)),
               c2 - c1 <= 4, let np = backwardNP(end: c1 - 1, lo: lo) {
                let (source, affiliation) = splitSource(np)
                return (source, affiliation, np.range.lowerBound, np.isPronoun)
            }
            let description = first == .determiner || first == .head || first == .modifier
                || (first == .name && c2 - c1 <= 6 && (c1 + 1..<c2).contains { part($0) == .head && !ct.isCapitalized($0) })
            if description {
                guard let np = backwardNP(end: c1 - 1, lo: lo), !np.isPronoun else { return nil }
                let (source, _) = splitSource(np)
                return (source, span(c1 + 1, c2 - 1), np.range.lowerBound, false)
            }
            if let name = nameRun(end: c2 - 1, lo: c1 + 1), name.lowerBound == c1 + 1,
               let np = backwardNP(end: c1 - 1, lo: lo), !np.isPronoun, np.range.contains(where: { part($0) == .head }) {
                return (ct.range(name.lowerBound, name.upperBound - 1), ct.range(np.range.lowerBound, np.range.upperBound - 1),
                        np.range.lowerBound, false)
            }
            return nil
        }
        guard let np = subject(before: v, lo: lo) else { return nil }
        let s = np.range.lowerBound
        if np.isPronoun { return (ct.range(s, s), nil, s, true) }
        let first = part(s)
        // ("On Friday, the army said": a fronted time or place phrase is no name before an appositive.)
        // ("Younus Al Nasser, assistant director general of the … Office said": an unlisted lowercase first word too.)
        let titled = first == .other && !ct.isCapitalized(s) && np.range.contains { part($0) == .head }
        if first == .determiner || first == .head || first == .modifier || titled, s - 2 >= lo, ct.has(s - 1, .comma),
           let name = nameRun(end: s - 2, lo: lo),
           !name.contains(where: { lex.adjuncts.contains(ct.key($0)) || lex.timeWords.contains(ct.key($0)) }) {
            let b = name.lowerBound - 1
            if b < lo || ct.has(b, .comma) || ct.has(b, .dash) || ct.has(b, .clausePunctuation) {
                return (ct.range(name.lowerBound, name.upperBound - 1), ct.range(s, np.range.upperBound - 1), name.lowerBound, false)
            }
        }
        let (source, affiliation) = splitSource(np)
        return (source, affiliation, s, false)
    }

    /// Capitalised name words (and name links) ending at `end`, at most six, back to `lo`.
    func nameRun(end: Int, lo: Int) -> Range<Int>? {
        var k = end, start = -1
        while k >= lo, end - k < 6 {
            let p = part(k)
            if p == .name || ((p == .link || p == .particle) && start != -1 && k - 1 >= lo && part(k - 1) == .name) { start = k; k -= 1 } else { break }
        }
        guard start >= 0, part(start) == .name else { return nil }
        return start..<(end + 1)
    }

    /// A description after a source: ", a researcher at the … Institute" up to the next comma or the end.
    func appositive(after e: Int, limit hi: Int) -> TextRange? {
        guard e + 1 < hi, ct.has(e, .comma) else { return nil }
        let p = part(e + 1)
        guard p == .determiner || p == .head || p == .modifier else { return nil }
        var k = e + 1
        while k < hi, k - e <= 20, !isHardBoundary(k) { k += 1 }
        guard k - e <= 20 else { return nil }
        return span(e + 1, k - 1)
    }

    private func isHardBoundary(_ k: Int) -> Bool {
        !ct.flag(k).isDisjoint(with: [.comma, .finalPunctuation, .clausePunctuation, .openDouble, .closeDouble, .ambiguousDouble, .dash])
    }

    /// Splits a phrase into the source and its affiliation at the first affiliation word
    /// ("a spokesman | with the … militia"); a location ("a journalist | in Sweida") is dropped.
    func splitSource(_ np: SourcePhrase) -> (source: TextRange, affiliation: TextRange?) {
        let r = np.range
        if let aff = np.affiliation {
            return (ct.range(r.lowerBound, r.upperBound - 1), ct.range(aff.lowerBound, aff.upperBound - 1))
        }
        var seen = false
        for k in r {
            let p = part(k)
            if p == .name || p == .head { seen = true; continue }
            // "the top commander of a … resistance force": the head, and what it belongs to after "of".
            if p == .link, ct.key(k) == lex.keys.of, k > r.lowerBound, part(k - 1) == .head, k + 1 < r.upperBound,
               part(k + 1) == .determiner || part(k + 1) == .name, !hasTitledName(k + 1, r.upperBound) {
                return (ct.range(r.lowerBound, k - 1), ct.range(k + 1, r.upperBound - 1))
            }
            if seen, p == .affiliation || p == .location, k + 1 < r.upperBound {
                var e = k - 1
                while e > r.lowerBound, part(e) == .link || part(e) == .determiner { e -= 1 }
                let source = ct.range(r.lowerBound, e)
                return (source, p == .affiliation ? ct.range(k, r.upperBound - 1) : nil)
            }
        }
        return (ct.range(r.lowerBound, r.upperBound - 1), nil)
    }

    /// Whether a lowercase head stands before a name in `a..<b` ("the observatory director Rami …"): the name is the
    /// source then, and the phrase is not split at "of".
    func hasTitledName(_ a: Int, _ b: Int) -> Bool {
        var m = a
        while m + 1 < b {
            if part(m) == .head, part(m + 1) == .name { return true }
            m += 1
        }
        return false
    }

    /// The range from token `a` to token `b`, without commas and dashes at either end.
    func span(_ a0: Int, _ b0: Int) -> TextRange? {
        var a = a0, b = b0
        // Commas, dashes, and quotation marks opening at the start or closing at the end (`` '' ” ’).
        let edge: ClauseTokens.Flags = [.comma, .dash, .clausePunctuation]
        while a <= b {
            let f = ct.flag(a)
            if !f.isDisjoint(with: edge) || f.contains(.single) { a += 1; continue }
            // An opening quotation mark goes unless its quotation closes inside the span.
            if f.contains(.openDouble) || f.contains(.ambiguousDouble), !(quotes.opening(at: a).map { $0.close <= b } ?? false) { a += 1; continue }
            break
        }
        while b >= a {
            let f = ct.flag(b)
            if !f.isDisjoint(with: edge.union(.finalPunctuation)) || f.contains(.single) { b -= 1; continue }
            if f.contains(.closeDouble) || f.contains(.ambiguousDouble), !(quotes.closing(at: b).map { $0.open >= a } ?? false) { b -= 1; continue }
            break
        }
        guard a <= b else { return nil }
        return ct.range(a, b)
    }
}
