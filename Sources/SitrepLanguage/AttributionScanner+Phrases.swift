import SitrepCore

/// A source's noun phrase as token indexes.
struct SourcePhrase {
    var range: Range<Int>
    var isPronoun = false
}

extension AttributionScanner {
    /// The role a token can play in a source phrase.
    func part(_ t: Int) -> Part {
        let f = ct.flags[t]
        if f.contains(.word) {
            if let r = lex.roles[ct.key(t)] {
                // Capitalised, "Observatory", "Human Rights", "Abu", "Al" are parts of a name.
                if f.contains(.capitalized), r == .head || r == .modifier || r == .link || r == .particle { return .name }
                switch r {
                case .head: return .head
                case .modifier: return .modifier
                case .determiner: return .determiner
                case .pronoun: return .pronoun
                case .link: return .link
                case .particle: return .particle
                case .affiliation: return .affiliation
                case .location: return .location
                case .stop: return .stop
                }
            }
            if f.contains(.capitalized) || f.contains(.hyphenName) { return .name }
            return .other
        }
        if f.contains(.number) { return .number }
        if f.contains(.openBracket) { return .openBracket }
        if f.contains(.closeBracket) { return .closeBracket }
        return .other
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
        var k = j, start = -1, depth = 0, hasContent = false
        while k >= lo, j - k < 20 {
            let p = part(k)
            var accept = false, stopAfter = false
            switch p {
            case .name, .head, .modifier, .number: accept = true
            case .closeBracket: accept = true; depth += 1
            case .openBracket: accept = depth > 0; depth -= 1
            case .determiner:
                accept = true
                // "the head of the Observatory": go on past "of the".
                stopAfter = !(k - 2 >= lo && (part(k - 1) == .link || part(k - 1) == .affiliation) && isContent(part(k - 2)))
            case .link, .affiliation, .location:
                accept = start != -1 && k - 1 >= lo && isContent(part(k - 1))
            case .particle:
                // "de Mistura", "bin Laden": a lowercase particle before a name.
                accept = start != -1 && part(k + 1) == .name
                stopAfter = !(k - 1 >= lo && part(k - 1) == .name)
            case .other:
                // An unlisted noun heading a compound: "news agencies", "Kurdish commentators".
                if k == j, k - 1 >= lo, isUnlistedNoun(k) {
                    let left = part(k - 1)
                    accept = left == .modifier || left == .name || left == .head || left == .number
                    if accept { hasContent = true }
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

    /// A lowercase word that is none of the closed-class words the finders know (verb forms, auxiliaries,
    /// adverbs, clause words).
    func isUnlistedNoun(_ k: Int) -> Bool {
        guard ct.isWord(k), !ct.isCapitalized(k), !ct.has(k, .ing), !ct.endsWithED(k) else { return false }
        let key = ct.key(k)
        return !lex.keys.beForms.contains(key) && !lex.keys.doForms.contains(key) && !lex.verbs.mayStart(k, ct)
            && !lex.adverbs.contains(key) && !lex.adjuncts.contains(key) && key != lex.keys.that && key != lex.keys.who
            && key != lex.keys.which && key != lex.keys.what
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
    /// before the verb are not a source ("a citizen journalist based near the frontline said"),
    /// the phrase before a location or affiliation word.
    func subject(before v: Int, lo: Int) -> SourcePhrase? {
        var j = v - 1
        while j >= lo, lex.adverbs.contains(ct.key(j)) { j -= 1 }
        guard j >= lo else { return nil }
        if let np = backwardNP(end: j, lo: lo) { return np }
        var k = j
        while k > lo, j - k < 8 {
            let p = part(k)
            if p == .stop || p == .pronoun || !ct.isWord(k) || ct.key(k) == lex.keys.that || ct.key(k) == lex.keys.which
                || ct.key(k) == lex.keys.who { break }
            if p == .location || p == .affiliation, part(k - 1) == .head || part(k - 1) == .name,
               let np = backwardNP(end: k - 1, lo: lo) {
                return np
            }
            k -= 1
        }
        // "the farmer said", "a local teacher told …": an unlisted noun after a determiner — not before
        // a verb form that may be a plural noun ("its own previous reports").
        if v < ct.tokens.count, lastByte(of: v) == UInt8(ascii: "s") { return nil }
        var d = j
        while d >= lo, j - d < 4, part(d) == .other, ct.isWord(d), !ct.isCapitalized(d),
              !lex.keys.beForms.contains(ct.key(d)), !lex.keys.doForms.contains(ct.key(d)), !lex.verbs.mayStart(d, ct),
              !lex.adverbs.contains(ct.key(d)), ct.key(d) != lex.keys.that { d -= 1 }
        if d >= lo, d < j, part(d) == .determiner, part(j) == .other {
            return SourcePhrase(range: d..<(j + 1))
        }
        return nil
    }

    private func lastByte(of t: Int) -> UInt8 { ct.lastByte[t] }

    /// The subject with its appositive: "X, head of Y, said", "…, X, a spokesman with Y claimed",
    /// "the envoy for Y, X, said".
    func subjectWithAppositive(before v: Int, lo: Int) -> (source: TextRange, affiliation: TextRange?, start: Int, isPronoun: Bool)? {
        var j = v - 1
        while j >= lo, lex.adverbs.contains(ct.key(j)) { j -= 1 }
        guard j >= lo else { return nil }
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
            if first == .determiner || first == .head || first == .modifier {
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
        if first == .determiner || first == .head || first == .modifier, s - 2 >= lo, ct.has(s - 1, .comma),
           let name = nameRun(end: s - 2, lo: lo) {
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
        !ct.flags[k].isDisjoint(with: [.comma, .finalPunctuation, .clausePunctuation, .openDouble, .closeDouble, .ambiguousDouble, .dash])
    }

    /// Splits a phrase into the source and its affiliation at the first affiliation word
    /// ("a spokesman | with the … militia"); a location ("a journalist | in Sweida") is dropped.
    func splitSource(_ np: SourcePhrase) -> (source: TextRange, affiliation: TextRange?) {
        let r = np.range
        var seen = false
        for k in r {
            let p = part(k)
            if p == .name || p == .head { seen = true; continue }
            if seen, p == .affiliation || p == .location, k + 1 < r.upperBound {
                var e = k - 1
                while e > r.lowerBound, part(e) == .link || part(e) == .determiner { e -= 1 }
                let source = ct.range(r.lowerBound, e)
                return (source, p == .affiliation ? ct.range(k, r.upperBound - 1) : nil)
            }
        }
        return (ct.range(r.lowerBound, r.upperBound - 1), nil)
    }

    /// The range from token `a` to token `b`, without commas and dashes at either end.
    func span(_ a0: Int, _ b0: Int) -> TextRange? {
        var a = a0, b = b0
        let edge: ClauseTokens.Flags = [.comma, .dash, .clausePunctuation]
        while a <= b, !ct.flags[a].isDisjoint(with: edge) { a += 1 }
        while b >= a, !ct.flags[b].isDisjoint(with: edge.union(.finalPunctuation)) { b -= 1 }
        guard a <= b else { return nil }
        return ct.range(a, b)
    }
}
