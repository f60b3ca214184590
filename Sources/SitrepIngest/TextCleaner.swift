import Foundation
import SitrepCore

/// Turns raw article text into cleaned text: drops repeated paragraphs and page furniture,
/// takes out the title, byline and date lines, records every removal with its raw offsets,
/// and keeps an exact map from cleaned offsets back to the raw input.
///
/// Works line by line on UTF-8 bytes; each line is one paragraph unit. Kept lines are joined
/// with a blank line, or a single newline where the input hard-wrapped a sentence.
struct TextCleaner: Sendable {
    let lexicon: IngestLexicon

    init(lexicon: IngestLexicon = .shared) { self.lexicon = lexicon }

    func clean(_ raw: [UInt8], metadata: DocumentMetadata = .init()) -> CleanedText {
        raw.withUnsafeBufferPointer { clean($0, metadata: metadata) }
    }

    /// `source`, when given, is the text whose UTF-8 `p` is: the cleaned text is then put together from its slices
    /// (already valid) rather than checked byte by byte.
    func clean(_ p: UnsafeBufferPointer<UInt8>, metadata: DocumentMetadata, source: String? = nil) -> CleanedText {
        let scanned = ScannedLines(p)
        return scanned.keys.withUnsafeBufferPointer { kp in
            var pass = CleaningPass(p: p, kp: kp, lines: scanned.lines, lexicon: lexicon, metadata: metadata)
            pass.source = source
            return pass.run()
        }
    }
}

/// The state of cleaning one text.
struct CleaningPass {
    let p: UnsafeBufferPointer<UInt8>
    let kp: UnsafeBufferPointer<UInt8>
    let lines: [ScannedLine]
    let lexicon: IngestLexicon
    let metadata: DocumentMetadata
    /// The text `p` holds, when the caller has it (see `TextCleaner.clean`).
    var source: String?

    var kind: [RemovedPart.Kind?]
    var reason: [String]
    var group: [Int]
    var hits: [[FurnitureHit]]
    /// Per line, the `FurnitureKind.bit`s of its hits: most lines have none.
    var hitMask: [UInt32]
    var nextGroup = 0
    var titleLine = -1
    var bylineOutlet: String?
    var copyrightOutlet: String?
    var commentOutlet: String?
    var candidates: [DateCandidate] = []
    var captionClues: [DateClue] = []

    init(p: UnsafeBufferPointer<UInt8>, kp: UnsafeBufferPointer<UInt8>, lines: [ScannedLine], lexicon: IngestLexicon, metadata: DocumentMetadata) {
        self.p = p
        self.kp = kp
        self.lines = lines
        self.lexicon = lexicon
        self.metadata = metadata
        self.scanner = DateScanner(names: lexicon.calendar)
        let n = lines.count
        kind = Array(repeating: nil, count: n)
        reason = Array(repeating: "", count: n)
        group = Array(repeating: -1, count: n)
        hits = lines.map { lexicon.furniture.hits(in: kp, from: $0.keyStart, to: $0.keyEnd, anchored: $0.words <= 12) }
        hitMask = hits.map { $0.reduce(UInt32(0)) { $0 | $1.kind.bit } }
    }

    let scanner: DateScanner

    // MARK: helpers

    func has(_ i: Int, _ k: FurnitureKind) -> Bool { hitMask[i] & k.bit != 0 }
    func hit(_ i: Int, _ k: FurnitureKind) -> FurnitureHit? { hitMask[i] & k.bit == 0 ? nil : hits[i].first { $0.kind == k } }

    func rawString(_ s: Int, _ e: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self) }
    func lineText(_ i: Int) -> String { rawString(lines[i].start, lines[i].end) }

    func keyContains(_ i: Int, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        let s = lines[i].keyStart, e = lines[i].keyEnd
        guard e - s >= n else { return false }
        return needle.withUTF8Buffer { nb in
            var j = s
            while j + n <= e {
                if kp[j] == nb[0] {
                    var k = 1
                    while k < n, kp[j + k] == nb[k] { k += 1 }
                    if k == n { return true }
                }
                j += 1
            }
            return false
        }
    }

    func keyHasSuffix(_ i: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let s = lines[i].keyStart, e = lines[i].keyEnd
        guard e - s >= n else { return false }
        return suffix.withUTF8Buffer { sb in
            for k in 0..<n where kp[e - n + k] != sb[k] { return false }
            return true
        }
    }

    /// Raw word ranges of a line (split on whitespace, like the key).
    func rawWords(_ i: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var j = lines[i].start
        let e = lines[i].end
        while j < e {
            if ByteText.isSpace(p[j]) { j += 1; continue }
            let u = ByteText.unicodeSpaceLength(p, j, e)
            if u > 0 { j += u; continue }
            let s = j
            while j < e, !ByteText.isSpace(p[j]), ByteText.unicodeSpaceLength(p, j, e) == 0 { j += 1 }
            out.append((s, j))
        }
        return out
    }

    func isCapitalizedWord(_ w: (Int, Int)) -> Bool {
        let b = p[w.0]
        return ByteText.isUpper(b) || ByteText.isDigit(b) || (b >= 0xC3 && b < 0xE0)
    }

    mutating func mark(_ i: Int, _ k: RemovedPart.Kind, _ why: String, group g: Int = -1) {
        guard kind[i] == nil else { return }
        kind[i] = k
        reason[i] = why
        group[i] = g
    }

    mutating func newGroup() -> Int { nextGroup += 1; return nextGroup }

    // MARK: passes

    mutating func run() -> CleanedText {
        commentSections()
        relatedBlocks()
        singleLineFurniture()
        captions()
        teasers()
        dateLines()
        let (firstBody, lastBody) = bodyBounds()
        title(before: firstBody)
        bylines(before: firstBody, after: lastBody)
        classifyDateCandidates(firstBody: firstBody)
        navigation(firstBody: firstBody, lastBody: lastBody)
        duplicates()
        return finish()
    }

    mutating func commentSections() {
        var i = 0
        let n = lines.count
        while i < n {
            guard kind[i] == nil else { i += 1; continue }
            var starts = false
            if has(i, .commentHeading), i + 1 < n,
               has(i + 1, .commentPolicy) || has(i + 1, .commentPrompt) || keyContains(i + 1, "comment") {
                starts = true
            } else if has(i, .commentPolicy), i >= n / 3, keyContains(i, "comment") {
                // Without a heading, a policy sentence must speak of comments ("profanity" alone is news).
                starts = true
            }
            guard starts else { i += 1; continue }
            let g = newGroup()
            mark(i, .commentSection, "comment section: heading and moderation policy", group: g)
            takeCommentOutlet(i)
            func isCommentLine(_ j: Int) -> Bool {
                kind[j] == nil && (has(j, .commentPolicy) || has(j, .commentPrompt) || keyContains(j, "comment")
                    || (lines[j].words <= 3 && !lines[j].isBodyLike))
            }
            var j = i + 1
            while j < n, kind[j] == nil {
                // Bridge up to two policy sentences without the vocabulary ("We do not accept threats.").
                var next = -1
                for k in j..<min(n, j + 3) where isCommentLine(k) { next = k; break }
                guard next >= 0, (j..<next).allSatisfy({ kind[$0] == nil }) else { break }
                for k in j...next {
                    mark(k, .commentSection, "comment section: heading and moderation policy", group: g)
                    takeCommentOutlet(k)
                }
                j = next + 1
            }
            i = j
        }
        for i in 0..<n where kind[i] == nil && has(i, .commentPrompt) {
            mark(i, .commentSection, "comment prompt")
        }
    }

    /// "Rudaw moderates all comments": the capitalised words before a moderation phrase name the site.
    mutating func takeCommentOutlet(_ i: Int) {
        guard commentOutlet == nil else { return }
        for h in hits[i] where h.kind == .commentPolicy && h.start > lines[i].keyStart {
            var before = 0
            for k in lines[i].keyStart..<h.start where kp[k] == 0x20 { before += 1 }
            let words = rawWords(i)
            guard (1...4).contains(before), words.count > before else { continue }
            let names = words[0..<before]
            guard names.allSatisfy(isCapitalizedWord) else { continue }
            let lower = rawString(names.first!.0, names.last!.1).lowercased()
            if ["we", "our", "this site", "the site"].contains(lower) { continue }
            commentOutlet = rawString(names.first!.0, names.last!.1)
            return
        }
    }

    func isHeadlineLike(_ j: Int) -> Bool {
        let l = lines[j]
        return l.words <= 25 && !l.endsSentence && !l.isBodyLike
    }

    mutating func relatedBlocks() {
        let n = lines.count
        var i = 0
        while i < n {
            guard kind[i] == nil, let h = hit(i, .related) else { i += 1; continue }
            let whole = h.start == lines[i].keyStart && h.end == lines[i].keyEnd
            let heading = whole || lines[i].words <= 5
            if !heading {
                mark(i, .relatedLinks, "related-article link")
                i += 1
                continue
            }
            let g = newGroup()
            mark(i, .relatedLinks, "related-content block", group: g)
            var j = i + 1
            var count = 0
            while j < n, kind[j] == nil, count < 12, isHeadlineLike(j) {
                mark(j, .relatedLinks, "related-content block", group: g)
                count += 1
                j += 1
            }
            if count > 0 {
                let why = "related-content block: '\(lineText(i))' and \(count) headline\(count == 1 ? "" : "s")"
                for k in i..<j { reason[k] = why }
            }
            i = j
        }
    }

    mutating func singleLineFurniture() {
        for i in lines.indices where kind[i] == nil {
            let l = lines[i]
            if l.words <= 6, has(i, .share) {
                mark(i, .share, "share button")
            } else if has(i, .readingTime) {
                mark(i, .readingTime, "reading-time label")
            } else if l.words <= 30, let h = hit(i, .copyright), h.start == l.keyStart || keyContains(i, "all rights reserved") {
                mark(i, .copyright, "copyright line")
                if copyrightOutlet == nil { copyrightOutlet = outletInCopyright(i) }
            } else if l.words <= 30, has(i, .banner) {
                mark(i, .boilerplate, "translation, beta or subscription banner")
            } else if l.words <= 6, has(i, .navigation) {
                mark(i, .navigation, "site navigation")
            }
        }
    }

    /// `text` without the given ASCII characters at either end: what `trimmingCharacters(in:)` gives for a
    /// set of ASCII characters (they are whole scalars, so cutting their bytes keeps the text valid).
    static func trimmingASCII(_ text: String, _ characters: StaticString) -> String {
        let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        let bytes = Array(text.utf8)
        var a = 0, b = bytes.count
        while a < b, set.contains(bytes[a]) { a += 1 }
        while b > a, set.contains(bytes[b - 1]) { b -= 1 }
        return a == 0 && b == bytes.count ? text : String(decoding: bytes[a..<b], as: UTF8.self)
    }

    /// "© 2000 - 2020 Al Bawaba (", "Copyright 2018 The Daily Ledger. All rights reserved."
    func outletInCopyright(_ i: Int) -> String? {
        let words = rawWords(i)
        var k = 0
        var name: [(Int, Int)] = []
        while k < words.count {
            let w = words[k]
            let text = rawString(w.0, w.1)
            let lower = text.lowercased()
            if name.isEmpty {
                if lower == "©" || lower.hasPrefix("copyright") || lower == "(c)" || text.utf8.allSatisfy({ ByteText.isDigit($0) || $0 == 0x2D || $0 == 0x2C })
                    || lower == "–" || lower == "—" || lower.hasPrefix("©") && text.utf8.count <= 2 {
                    k += 1
                    continue
                }
                if lower.hasPrefix("©") { // "©2019"
                    k += 1
                    continue
                }
            }
            let b = p[w.0]
            // Nothing left once . , ; | ( ) are trimmed (ASCII only: the same as Foundation's trimming, without it).
            let onlyTrimmed = text.utf8.allSatisfy { ".,;|()".utf8.contains($0) }
            if lower == "all" || lower == "-" || lower == "|" || b == 0x28 || onlyTrimmed { break }
            if !(isCapitalizedWord(w) || lower == "the" || lower == "of" || lower == "al") { break }
            name.append(w)
            if text.hasSuffix(".") || text.hasSuffix(",") || text.hasSuffix("|") { break }
            k += 1
        }
        guard !name.isEmpty, name.count <= 5 else { return nil }
        let s = Self.trimmingASCII(rawString(name.first!.0, name.last!.1), ".,;|( ")
        return s.isEmpty || s.utf8.allSatisfy({ ByteText.isDigit($0) }) ? nil : s
    }

    mutating func captions() {
        var dates: [DateMention] = []
        var rel: [RelativeWeekday] = []
        for i in lines.indices where kind[i] == nil {
            let l = lines[i]
            let credits = has(i, .credit) ? hits[i].filter { $0.kind == .credit } : []
            var isCaption = false
            var why = ""
            if let h = credits.first {
                let wireDateline = kp[h.start] == 0x28 && h.start - l.keyStart < 40 && l.words > 15
                // A marker made of words only ("image from", "courtesy of") can be news prose; in a
                // paragraph it must stand in a short closing sentence, or come with another credit.
                let strong = credits.contains { h in (h.start..<h.end).contains { kp[$0] == 0x2F || kp[$0] == 0x28 || kp[$0] == 0x3A } }
                let prose = l.isBodyLike && !strong && credits.count < 2 && !inShortClosingSentence(i, h.start)
                if !wireDateline, !prose, l.words <= 40 || credits.count >= 2 || has(i, .captionHint) {
                    isCaption = true
                    let marker = String(decoding: UnsafeBufferPointer(rebasing: kp[h.start..<h.end]), as: UTF8.self)
                    why = "photo caption or credit (marker '\(marker)')"
                }
            } else if (l.first == 0x28 && l.last == 0x29) || (l.first == 0x5B && l.last == 0x5D), l.words <= 8, !keyHasSuffix(i, "...]") {
                isCaption = true
                why = "bracketed one-line label (an image caption)"
            }
            guard isCaption else { continue }
            mark(i, l.words <= 4 && credits.count > 0 ? .photoCredit : .caption, why)
            dates.removeAll(keepingCapacity: true)
            scanner.scan(p, from: l.start, to: l.end, mentions: &dates, relative: &rel)
            for d in dates {
                if let day = d.calendarDay { captionClues.append(DateClue(day: day, text: rawString(d.start, d.end))) }
            }
        }
        // A label repeated word for word says so.
        var seen: [String: Int] = [:]
        for i in lines.indices where kind[i] == .caption && reason[i].hasPrefix("bracketed") {
            let t = lineText(i)
            if let first = seen[t] { reason[i] = "bracketed one-line label repeated (first at line \(first + 1)): an image caption" } else { seen[t] = i }
        }
    }

    /// Whether key offset `at` lies in the line's last sentence, that sentence is not the only one, and it is short.
    func inShortClosingSentence(_ i: Int, _ at: Int) -> Bool {
        let l = lines[i]
        var k = l.keyEnd - 2
        while k > l.keyStart {
            let c = kp[k]
            if kp[k + 1] == 0x20, c == 0x2E || c == 0x3F || c == 0x21 { break }
            k -= 1
        }
        guard k > l.keyStart, at > k else { return false }
        var words = 1
        for j in (k + 2)..<l.keyEnd where kp[j] == 0x20 { words += 1 }
        return words <= 12
    }

    mutating func teasers() {
        let n = lines.count
        for i in lines.indices where kind[i] == nil && lines[i].words <= 40 {
            var e = lines[i].keyEnd
            let s = lines[i].keyStart
            var ellipsis = false
            if keyHasSuffix(i, "[...]") || keyHasSuffix(i, "(...)") { e -= 5; ellipsis = true } else if keyHasSuffix(i, "...") { e -= 3; ellipsis = true }
            guard ellipsis else { continue }
            while e > s, kp[e - 1] == 0x20 { e -= 1 }
            guard e - s >= 15 else { continue }
            var j = i + 1
            while j < n, j <= i + 6 {
                let o = lines[j]
                if kind[j] == nil || kind[j] == .dateline, o.keyLength > e - s {
                    var same = true
                    for k in 0..<(e - s) where kp[o.keyStart + k] != kp[s + k] { same = false; break }
                    if same {
                        mark(i, .teaser, "lead teaser ending in an ellipsis; repeats the start of a later paragraph")
                        break
                    }
                }
                j += 1
            }
        }
    }

    /// Lines that are only a date ("13 February 2018", "Published October 1st, 2018 - 11:32 GMT").
    mutating func dateLines() {
        var mentions: [DateMention] = []
        var rel: [RelativeWeekday] = []
        for i in lines.indices where kind[i] == nil && lines[i].words <= 14 {
            let l = lines[i]
            mentions.removeAll(keepingCapacity: true)
            scanner.scan(p, from: l.start, to: l.end, mentions: &mentions, relative: &rel)
            guard mentions.count == 1, let m = mentions.first, let day = m.calendarDay else { continue }
            guard isOnlyDate(i, m) else { continue }
            var prefix = DateCandidate.Prefix.none
            if let h = hit(i, .datePrefix), h.start == l.keyStart {
                prefix = keyContains(i, "updated") || keyContains(i, "modified") ? .updated : .published
            }
            mark(i, .dateline, "date line")
            candidates.append(DateCandidate(day: day, line: i, method: .dateline, text: lineText(i), time: timeOfDay(l.start, l.end),
                                            prefix: prefix, aboveTitle: false, weekdayMismatch: m.weekday != nil && m.weekday != day.weekday))
        }
    }

    /// Whether every word of the line outside the date is a date prefix, a time, a zone or a connector.
    /// Words a date line may hold besides its date (built once, not for every line).
    static let dateLineWords: Set<String> = ["published", "updated", "posted", "last", "first", "modified", "on", "at", "gmt", "utc",
                                             "bst", "cet", "cest", "est", "edt", "pst", "pdt", "ast", "msk", "am", "pm", "local", "time",
                                             "z", "t", "date"]

    func isOnlyDate(_ i: Int, _ m: DateMention) -> Bool {
        let allowed = Self.dateLineWords
        let l = lines[i]
        var j = l.start
        while j < l.end {
            if j >= m.start && j < m.end { j = m.end; continue }
            let b = p[j]
            if ByteText.isAlnum(b) {
                let s = j
                while j < l.end, ByteText.isAlnum(p[j]) { j += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: p[s..<j]), as: UTF8.self).lowercased()
                if word.utf8.allSatisfy({ ByteText.isDigit($0) }) {
                    // part of a time (11:32) or a zone offset (+03:00)
                    let nextColon = j < l.end && p[j] == 0x3A
                    let prevColon = s > l.start && p[s - 1] == 0x3A
                    if (nextColon || prevColon) && word.utf8.count <= 2 { continue }
                    return false
                }
                if allowed.contains(word) { continue }
                if let (k, _) = lexicon.calendar.lookup(p, s, j), k == .weekday { continue }
                return false
            }
            if b >= 0x80 {
                if ByteText.unicodeSpaceLength(p, j, l.end) > 0 { j += ByteText.unicodeSpaceLength(p, j, l.end); continue }
                if b == 0xE2, j + 2 < l.end, p[j + 1] == 0x80, p[j + 2] == 0x93 || p[j + 2] == 0x94 { j += 3; continue }
                return false
            }
            j += 1
        }
        return true
    }

    /// "11:32 GMT", "21:55", "9:05 am".
    func timeOfDay(_ s: Int, _ e: Int) -> String? {
        var j = s
        while j < e {
            if ByteText.isDigit(p[j]), j == s || !ByteText.isAlnum(p[j - 1]) {
                var k = j
                while k < e, ByteText.isDigit(p[k]) { k += 1 }
                if k - j <= 2, k + 2 < e, p[k] == 0x3A, ByteText.isDigit(p[k + 1]), ByteText.isDigit(p[k + 2]),
                   k + 3 == e || !ByteText.isDigit(p[k + 3]) {
                    let hh = rawString(j, k), mm = rawString(k + 1, k + 3)
                    var z = k + 3
                    while z < e, p[z] == 0x20 { z += 1 }
                    var zs = z
                    while zs < e, ByteText.isAlpha(p[zs]) { zs += 1 }
                    let zone = rawString(z, zs)
                    let known = ["GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "AST", "MSK", "am", "pm", "AM", "PM"]
                    let hour = hh.count == 1 ? "0" + hh : hh
                    return known.contains(zone) ? "\(hour):\(mm) \(zone)" : "\(hour):\(mm)"
                }
                j = k
                continue
            }
            j += 1
        }
        return nil
    }

    func bodyBounds() -> (Int, Int) {
        var first = lines.count, last = -1
        for i in lines.indices where kind[i] == nil && lines[i].isBodyLike {
            if first == lines.count { first = i }
            last = i
        }
        return (first, last)
    }

    func isTitleLike(_ i: Int) -> Bool {
        let l = lines[i]
        guard l.words >= 3, l.words <= 30, l.keyLength <= 250, !l.endsSentence || l.last == 0x3F || l.last == 0x21 else { return false }
        guard l.last != 0x2E, l.last != 0x3A, l.last != 0x2C else { return false }
        guard ByteText.isUpper(l.first) || ByteText.isDigit(l.first) || l.first >= 0xC3 || l.first == 0x22 || l.first == 0x27 else { return false }
        if let h = hit(i, .bylinePrefix), h.start == l.keyStart { return false }
        return !isSeparatedByline(i)
    }

    mutating func title(before firstBody: Int) {
        if let given = metadata.title {
            let key = Self.key(given)
            var checked = 0
            for i in lines.indices where kind[i] == nil {
                if Array(UnsafeBufferPointer(rebasing: kp[lines[i].keyStart..<lines[i].keyEnd])) == key {
                    titleLine = i
                    mark(i, .title, "title given with the input")
                    return
                }
                checked += 1
                if checked >= 6 { break }
            }
            return
        }
        for i in 0..<min(firstBody, lines.count) where kind[i] == nil {
            if isTitleLike(i) {
                titleLine = i
                mark(i, .title, "headline: first title-like line before the body")
                return
            }
        }
    }

    /// "Jane Doe - The Courier Iraq", "Sami Haddad | Levant Wire".
    func isSeparatedByline(_ i: Int) -> Bool { separatedByline(i) != nil }

    /// The words before and after the separator of a byline "Name - Outlet".
    func separatedByline(_ i: Int) -> (name: [(Int, Int)], outlet: [(Int, Int)])? {
        let l = lines[i]
        guard l.words >= 3, l.words <= 10, !l.endsSentence else { return nil }
        let words = rawWords(i)
        var sep = -1
        for (k, w) in words.enumerated() {
            let t = rawString(w.0, w.1)
            if t == "-" || t == "–" || t == "—" || t == "|" {
                if sep >= 0 { return nil }
                sep = k
            }
        }
        guard sep >= 2, sep < words.count - 1, sep <= 4 else { return nil }
        let name = Array(words[0..<sep]), outlet = Array(words[(sep + 1)...])
        guard name.allSatisfy(isCapitalizedWord), outlet.allSatisfy(isCapitalizedWord) else { return nil }
        for w in words { for j in w.0..<w.1 where p[j] == 0x2C || p[j] == 0x3A || p[j] == 0x3B { return nil } }
        return (name, outlet)
    }

    mutating func bylines(before firstBody: Int, after lastBody: Int) {
        var mentions: [DateMention] = []
        var rel: [RelativeWeekday] = []
        for i in lines.indices where kind[i] == nil && i != titleLine && (i < firstBody || i > lastBody) {
            let l = lines[i]
            var isByline = false
            if let h = hit(i, .bylinePrefix), h.start == l.keyStart, l.words >= 2, l.words <= 12 {
                let words = rawWords(i)
                let after = words.count > 1 ? words[words.count > 2 && h.end - h.start > 3 ? 2 : 1] : words[0]
                isByline = isCapitalizedWord(after) && (!l.endsSentence || l.words <= 6)
                if isByline, bylineOutlet == nil, let (_, outletWords) = separatedByline(i) {
                    bylineOutlet = outletName(outletWords) // "By Jane Doe - Harbour Daily"
                }
            } else if i < firstBody, let (_, outletWords) = separatedByline(i) {
                isByline = true
                if bylineOutlet == nil { bylineOutlet = outletName(outletWords) }
            }
            guard isByline else { continue }
            mark(i, .byline, "byline")
            mentions.removeAll(keepingCapacity: true)
            scanner.scan(p, from: l.start, to: l.end, mentions: &mentions, relative: &rel)
            if let m = mentions.first, let day = m.calendarDay {
                candidates.append(DateCandidate(day: day, line: i, method: .byline, text: lineText(i), time: timeOfDay(l.start, l.end),
                                                prefix: .none, aboveTitle: false, weekdayMismatch: m.weekday != nil && m.weekday != day.weekday))
            }
        }
    }

    /// An outlet name without trailing edition words ("7Dnews Syria" → "7Dnews").
    func outletName(_ words: [(Int, Int)]) -> String? {
        var ws = words
        while ws.count > 1 {
            var dropped = false
            for take in [2, 1] where ws.count > take {
                let tail = rawString(ws[ws.count - take].0, ws.last!.1).lowercased()
                if lexicon.furniture.isLine(ByteText.bytes(tail), kind: .edition) {
                    ws.removeLast(take)
                    dropped = true
                    break
                }
            }
            if !dropped { break }
        }
        guard let f = ws.first, let l = ws.last else { return nil }
        return rawString(f.0, l.1)
    }

    mutating func classifyDateCandidates(firstBody: Int) {
        for c in candidates.indices {
            let i = candidates[c].line
            candidates[c].belowBody = i > firstBody
            if candidates[c].method == .dateline {
                let before = i > 0 && kind[i - 1] == .byline
                let after = i + 1 < lines.count && kind[i + 1] == .byline
                if before || after {
                    candidates[c].method = .byline
                    reason[i] = "date line next to the byline"
                }
            }
            candidates[c].aboveTitle = titleLine >= 0 && i < titleLine
            if candidates[c].aboveTitle { reason[i] = "date line above the title" }
        }
    }

    mutating func navigation(firstBody: Int, lastBody: Int) {
        for i in lines.indices where kind[i] == nil && i != titleLine {
            let l = lines[i]
            guard l.words <= 3, !l.hasPunctuation, l.keyLength <= 40 else { continue }
            if i < firstBody {
                mark(i, .navigation, "short line without punctuation above the article (site navigation)")
            } else if i > lastBody {
                mark(i, .navigation, "short line without punctuation below the article (site navigation)")
            }
        }
    }

    mutating func duplicates() {
        let n = lines.count
        // The first line seen with each key hash, in an open-addressing table (the hashes are already mixed): the
        // same lookups as a dictionary, without hashing the hash again for every line.
        var firstSeen = LineHashTable(lines: n)
        var original = [Int](repeating: -1, count: n)
        func same(_ a: Int, _ b: Int) -> Bool {
            let la = lines[a], lb = lines[b]
            guard la.keyLength == lb.keyLength else { return false }
            return memcmp(kp.baseAddress! + la.keyStart, kp.baseAddress! + lb.keyStart, la.keyLength) == 0
        }
        for i in 0..<n where kind[i] == nil {
            let l = lines[i]
            let h = Self.fastHash(kp, l.keyStart, l.keyEnd)
            if let j = firstSeen.firstLine(h, else: i) {
                if same(i, j) { original[i] = j }
            }
        }
        var isDup = [Bool](repeating: false, count: n)
        for i in 0..<n where original[i] >= 0 && lines[i].keyLength >= 24 { isDup[i] = true }
        // Short repeated lines inside a repeated run.
        var changed = true
        while changed {
            changed = false
            for i in 0..<n where original[i] >= 0 && !isDup[i] {
                let j = original[i]
                let prevRun = i > 0 && isDup[i - 1] && original[i - 1] == j - 1
                let nextRun = i + 1 < n && isDup[i + 1] && original[i + 1] == j + 1
                if prevRun || nextRun { isDup[i] = true; changed = true }
            }
        }
        var i = 0
        while i < n {
            guard isDup[i] else { i += 1; continue }
            var j = i
            while j + 1 < n, isDup[j + 1], original[j + 1] == original[j] + 1 { j += 1 }
            let g = newGroup()
            let why = i == j
                ? "repeats paragraph \(original[i] + 1)"
                : "repeats paragraphs \(original[i] + 1)–\(original[j] + 1) (a repeated run of \(j - i + 1))"
            for k in i...j { mark(k, .duplicateParagraph, why, group: g) }
            i = j + 1
        }
    }

    /// Line numbers by key hash, for `duplicates`: an open-addressing table with room for twice the lines.
    struct LineHashTable {
        var hashes: [UInt64]
        var lines: [Int]
        let mask: Int

        init(lines n: Int) {
            var capacity = 16
            while capacity < 2 * n { capacity <<= 1 }
            hashes = [UInt64](repeating: 0, count: capacity)
            lines = [Int](repeating: -1, count: capacity)
            mask = capacity - 1
        }

        /// The line stored for hash `h`; when there is none, `line` is stored for it and `nil` returned.
        mutating func firstLine(_ h: UInt64, else line: Int) -> Int? {
            var i = Int(truncatingIfNeeded: h) & mask
            while lines[i] >= 0 {
                if hashes[i] == h { return lines[i] }
                i = (i &+ 1) & mask
            }
            hashes[i] = h
            lines[i] = line
            return nil
        }
    }

    /// A quick 64-bit hash of a key, eight bytes at a time (only compared within one text).
    static func fastHash(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(e - s)
        var i = s
        let raw = UnsafeRawPointer(p.baseAddress!)
        while i + 8 <= e {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        while i < e { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3; i += 1 }
        return h ^ (h >> 29)
    }

    static func key(_ text: String) -> [UInt8] {
        let bytes = ByteText.bytes(text)
        return bytes.withUnsafeBufferPointer { bp in
            let s = ScannedLines(bp)
            guard let l = s.lines.first else { return [] }
            return Array(s.keys[l.keyStart..<s.keys.count])
        }
    }

    // MARK: output

    mutating func finish() -> CleanedText {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var map = OffsetMap()
        var prev = -1
        var bodyMentions: [DateMention] = []
        var relative: [RelativeWeekday] = []
        var pastClues: [DateClue] = []
        let scanner = self.scanner
        for i in lines.indices where kind[i] == nil {
            let l = lines[i]
            if prev >= 0 {
                let soft = prev == i - 1 && !l.blankBefore && !lines[prev].endsSentence && ByteText.isLower(l.first)
                out.append(0x0A)
                if !soft { out.append(0x0A) }
            }
            emit(l, into: &out, map: &map)
            let before = bodyMentions.count
            scanner.scan(p, from: l.start, to: l.end, mentions: &bodyMentions, relative: &relative)
            for m in bodyMentions[before...] {
                if let day = m.calendarDay, !isFutureContext(l.start, m.start) {
                    pastClues.append(DateClue(day: day, text: rawString(m.start, m.end)))
                }
            }
            prev = i
        }
        if titleLine >= 0 {
            let l = lines[titleLine]
            scanner.scan(p, from: l.start, to: l.end, mentions: &bodyMentions, relative: &relative)
        }
        let text = source.flatMap { Self.assemble(out, map: map, from: $0) } ?? String(decoding: out, as: UTF8.self)
        let title = metadata.title ?? (titleLine >= 0 ? lineText(titleLine) : nil)
        let outlet = metadata.outlet ?? bylineOutlet ?? copyrightOutlet ?? commentOutlet
        let published = metadata.published ?? PublicationDateResolver.resolve(
            candidates: candidates, bodyMentions: bodyMentions, relative: relative,
            captionClues: captionClues, pastClues: pastClues)
        return CleanedText(text: text, offsetMap: map, removed: removedParts(), title: title, outlet: outlet, published: published)
    }

    /// The cleaned text from slices of `source` (the raw text) where the map copies raw bytes, and the few bytes
    /// in between (line breaks, spaces, normalised pieces) decoded: `String(decoding: out, as: UTF8.self)` without
    /// checking every byte again. `nil` (decode instead) should the result not be `out` byte for byte.
    static func assemble(_ out: [UInt8], map: OffsetMap, from source: String) -> String? {
        var text = ""
        text.reserveCapacity(out.count)
        let utf8 = source.utf8
        guard out.count <= Int(Int32.max), utf8.count <= Int(Int32.max) else { return nil }
        var cursor = 0
        for segment in map.segments {
            let clean = Int(segment.clean), raw = Int(segment.raw), length = Int(segment.length)
            guard clean >= cursor, clean + length <= out.count, raw >= 0, raw + length <= utf8.count else { return nil }
            if clean > cursor { text += String(decoding: out[cursor..<clean], as: UTF8.self) }
            let a = utf8.index(utf8.startIndex, offsetBy: raw)
            let b = utf8.index(a, offsetBy: length)
            text.append(contentsOf: source[a..<b])
            cursor = clean + length
        }
        if cursor < out.count { text += String(decoding: out[cursor...], as: UTF8.self) }
        let same = text.withUTF8 { t in
            out.withUnsafeBufferPointer { o in t.count == o.count && (t.count == 0 || memcmp(t.baseAddress!, o.baseAddress!, t.count) == 0) }
        }
        return same ? text : nil
    }

    /// Words before a date in its sentence that place it in the future ("will meet on 5 September").
    func isFutureContext(_ lineStart: Int, _ at: Int) -> Bool {
        var s = at
        var budget = 60
        while s > lineStart, budget > 0 {
            let b = p[s - 1]
            if b == 0x2E || b == 0x3F || b == 0x21 { break }
            s -= 1
            budget -= 1
        }
        let window = rawString(s, at).lowercased()
        for w in [" will ", " would ", " next ", "scheduled", "expected", " set to ", " due ", "deadline", " until ", " by ", "planned", "upcoming"] where window.contains(w) {
            return true
        }
        return window.hasPrefix("will ") || window.hasPrefix("by ")
    }

    func removedParts() -> [RemovedPart] {
        var parts: [RemovedPart] = []
        var lastGroup = -1
        for i in lines.indices {
            guard let k = kind[i] else { lastGroup = -1; continue }
            if group[i] >= 0, group[i] == lastGroup, var last = parts.popLast() {
                let s = Int(last.raw.start)
                last.raw = TextRange(s, lines[i].end)
                last.text = rawString(s, lines[i].end)
                parts.append(last)
            } else {
                parts.append(RemovedPart(kind: k, text: lineText(i), raw: TextRange(lines[i].start, lines[i].end), reason: reason[i]))
            }
            lastGroup = group[i]
        }
        return parts
    }

    /// Copies a kept line: raw runs map exactly; NBSP and other Unicode spaces become ' ' (unmapped);
    /// a piece that is not in NFC is normalised and only its unchanged prefix and suffix are mapped.
    func emit(_ l: ScannedLine, into out: inout [UInt8], map: inout OffsetMap) {
        // An ASCII line holds no Unicode space and nothing to normalise: one run, copied without looking at its bytes.
        guard l.hasNonASCII else {
            map.append(clean: out.count, raw: l.start, length: l.end - l.start)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[l.start..<l.end]))
            return
        }
        guard Self.needsNFC(p, l.start, l.end) else {
            emitRun(l.start, l.end, into: &out, map: &map)
            return
        }
        // NFC piece by piece: a piece is a run of non-ASCII bytes with the ASCII letter before it
        // (which a combining mark may compose with). ASCII bytes are starters that never compose
        // backwards, so pieces normalise independently and everything else keeps its exact mapping.
        var cursor = l.start
        var j = l.start
        let e = l.end
        while j < e {
            if p[j] < 0x80 { j += 1; continue }
            var runEnd = j
            while runEnd < e, p[runEnd] >= 0x80, runEnd - j < 4096 || !Self.isStarterBoundary(p, runEnd, e) { runEnd += 1 }
            let pieceStart = j > cursor && ByteText.isAlnum(p[j - 1]) ? j - 1 : j
            if pieceStart > cursor { emitRun(cursor, pieceStart, into: &out, map: &map) }
            if Self.needsNFC(p, pieceStart, runEnd) {
                emitNormalized(pieceStart, runEnd, into: &out, map: &map)
            } else {
                emitRun(pieceStart, runEnd, into: &out, map: &map)
            }
            cursor = runEnd
            j = runEnd
        }
        if e > cursor { emitRun(cursor, e, into: &out, map: &map) }
    }

    /// Whether a scalar starts at `i` and is a starter (canonical combining class 0, not a Hangul vowel or trailing jamo).
    static func isStarterBoundary(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Bool {
        let b = p[i]
        guard (b & 0xC0) != 0x80 else { return false }
        var v = UInt32(b < 0xE0 ? b & 0x1F : b < 0xF0 ? b & 0x0F : b & 0x07)
        let len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        guard i + len <= e else { return false }
        if len == 1 { return true }
        for k in 1..<len { v = v << 6 | UInt32(p[i + k] & 0x3F) }
        if v >= 0x1160 && v <= 0x11FF { return false }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.canonicalCombiningClass.rawValue == 0
    }

    /// Copies raw bytes; NBSP and other Unicode spaces become ' ' and are left out of the map.
    func emitRun(_ s: Int, _ e: Int, into out: inout [UInt8], map: inout OffsetMap) {
        var run = s
        var j = s
        while j < e {
            // Eight ASCII bytes at once: none of them can start a Unicode space.
            if j + 8 <= e, ByteText.load8(p, j) & 0x8080_8080_8080_8080 == 0 { j += 8; continue }
            if p[j] < 0xC2 { j += 1; continue }
            let u = ByteText.unicodeSpaceLength(p, j, e)
            if u == 0 { j += 1; continue }
            if j > run {
                map.append(clean: out.count, raw: run, length: j - run)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<j]))
            }
            out.append(0x20)
            j += u
            run = j
        }
        if e > run {
            map.append(clean: out.count, raw: run, length: e - run)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<e]))
        }
    }

    /// A piece that changes under NFC: normalised, and only its unchanged prefix and suffix are mapped.
    func emitNormalized(_ start: Int, _ end: Int, into out: inout [UInt8], map: inout OffsetMap) {
        let rawBytes = Array(UnsafeBufferPointer(rebasing: p[start..<end]))
        var spaced: [UInt8] = []
        spaced.reserveCapacity(rawBytes.count)
        rawBytes.withUnsafeBufferPointer { rb in
            var j = 0
            while j < rb.count {
                let u = ByteText.unicodeSpaceLength(rb, j, rb.count)
                if u > 0 { spaced.append(0x20); j += u } else { spaced.append(rb[j]); j += 1 }
            }
        }
        let normalized = ByteText.bytes(String(decoding: spaced, as: UTF8.self).precomposedStringWithCanonicalMapping)
        // Common prefix and suffix with the raw bytes, on scalar boundaries.
        var pre = 0
        let limit = min(normalized.count, rawBytes.count)
        while pre < limit, normalized[pre] == rawBytes[pre] { pre += 1 }
        while pre > 0, pre < limit, (normalized[pre] & 0xC0) == 0x80 || (rawBytes[pre] & 0xC0) == 0x80 { pre -= 1 }
        var suf = 0
        while suf < limit - pre, normalized[normalized.count - 1 - suf] == rawBytes[rawBytes.count - 1 - suf] { suf += 1 }
        while suf > 0, (normalized[normalized.count - suf] & 0xC0) == 0x80 { suf -= 1 }
        let base = out.count
        map.append(clean: base, raw: start, length: pre)
        out.append(contentsOf: normalized)
        if suf > 0 { map.append(clean: base + normalized.count - suf, raw: end - suf, length: suf) }
    }

    /// Whether a paragraph may change under NFC: it holds a combining mark, a Hangul jamo or a
    /// canonical singleton. Latin-1, Latin Extended and general punctuation never do.
    static func needsNFC(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var j = s
        while j < e {
            if j + 8 <= e, ByteText.load8(p, j) & 0x8080_8080_8080_8080 == 0 { j += 8; continue }
            let b = p[j]
            if b < 0x80 { j += 1; continue }
            var v: UInt32
            var len: Int
            if b < 0xE0 { v = UInt32(b & 0x1F); len = 2 } else if b < 0xF0 { v = UInt32(b & 0x0F); len = 3 } else { v = UInt32(b & 0x07); len = 4 }
            guard j + len <= e else { return true }
            for k in 1..<len { v = v << 6 | UInt32(p[j + k] & 0x3F) }
            j += len
            if v < 0x0300 { continue }
            if v >= 0x2000 && v <= 0x20CF { continue }
            if v >= 0x0300 && v <= 0x036F { return true }
            if v >= 0x1100 && v <= 0x11FF { return true }
            if v >= 0xF900 && v <= 0xFAFF { return true }
            if v == 0x2126 || v == 0x212A || v == 0x212B || v == 0x0374 || v == 0x037E || v == 0x0387 { return true }
            if v >= 0x1F71 && v <= 0x1FFE { return true }
            if let scalar = Unicode.Scalar(v), scalar.properties.canonicalCombiningClass.rawValue != 0 { return true }
            if v >= 0x0900 && v <= 0x0DFF || v >= 0xFB1D && v <= 0xFB4F || v >= 0x2F800 && v <= 0x2FA1F { return true }
        }
        return false
    }
}
