import SitrepCore

/// The features the sub-event classifier reads from one text (a snippet or an event's evidence):
/// what the rules decided (main event type, mode, certainty, ACLED sub-event type, trigger word and
/// its stem, the other event types found), which cue classes and refining cues stand in the text, and
/// optionally its words, stems and word pairs. Features are short strings (`rule=Armed clash`, `cue=dispersal`).
public struct SubEventFeatures: Sendable {
    /// Which optional feature groups to add.
    public struct Groups: Sendable {
        /// Each word, its stem and each word pair (`w=`, `s=`, `b=`). Off by default: on CASE dev, 10-fold
        /// cross-validation scores lower with them (the snippets are too few for open vocabulary).
        public var words: Bool
        /// Each cue class paired with the rules' answer (`rc=`).
        public var cuePairs: Bool
        /// Each mention's ACLED label and any certainty other than asserted, and the first mention's label.
        public var mentionDetail: Bool
        /// The cue classes of the main event's sentence as separate features (`scue=`).
        public var sentenceCues: Bool
        public init(words: Bool = false, cuePairs: Bool = false, mentionDetail: Bool = false, sentenceCues: Bool = false) {
            self.words = words; self.cuePairs = cuePairs; self.mentionDetail = mentionDetail; self.sentenceCues = sentenceCues
        }
    }

    let lexicon: ExtractionLexicon
    let cues: SubEventCueTable
    public var groups: Groups

    public init(lexicon: ExtractionLexicon, cues: SubEventCueTable, groups: Groups = Groups()) {
        self.lexicon = lexicon; self.cues = cues; self.groups = groups
    }

    /// The rules' answer for a text: the ACLED sub-event type of its main event, or `none` when it has none.
    public static func ruleLabel(main: EventMention?, in mentions: [EventMention] = [], none: String) -> String {
        main.map { ACLEDMapping.subEventType(of: $0, in: mentions) } ?? none
    }

    /// The features of `text`, given the mentions extraction found in it (offsets relative to `text`).
    public func features(text: String, mentions: [EventMention]) -> [String] {
        let main = MainEvent.choose(mentions, lexicon: lexicon)
        var out: [String] = ["bias"]
        out.append("rule=" + Self.ruleLabel(main: main, in: mentions, none: "NONE"))
        if let m = main {
            out.append("main=" + m.type.rawValue)
            out.append("mainmode=\(m.type.rawValue)/\(m.mode?.rawValue ?? "-")")
            out.append("cert=" + m.certainty.rawValue)
            out.append("rulecert=\(ACLEDMapping.subEventType(of: m, in: mentions))/\(m.certainty.rawValue)")
            if m.fatalities != nil { out.append("fatal") }
            let trigger = Self.slice(text, m.trigger).lowercased()
            if !trigger.isEmpty {
                out.append("trig=" + trigger)
                out.append("trigstem=" + Self.stem(trigger))
            }
            for role in m.actors {
                let head = role.name.split(separator: " ").last.map { Self.stem($0.lowercased()) } ?? "-"
                out.append("role=\(role.role.rawValue)/\(head)")
            }
        } else {
            out.append(mentions.isEmpty ? "nomention" : "claimedonly")
        }
        var seenTypes = Set<String>()
        for m in mentions {
            let t = m.type.rawValue + "/" + (m.mode?.rawValue ?? "-")
            if seenTypes.insert(t).inserted { out.append("has=" + t) }
            if seenTypes.insert(m.type.rawValue).inserted { out.append("has=" + m.type.rawValue) }
            if groups.mentionDetail {
                let label = ACLEDMapping.category(m).subEventType
                if seenTypes.insert("acled " + label).inserted { out.append("hasacled=" + label) }
                if m.certainty != .asserted, seenTypes.insert("cert " + t + m.certainty.rawValue).inserted {
                    out.append("hascert=\(m.type.rawValue)/\(m.certainty.rawValue)")
                }
            }
        }
        if groups.mentionDetail, let f = mentions.first { out.append("first=" + ACLEDMapping.category(f).subEventType) }
        let words = SubEventTokens(text)
        // Cue classes alone and paired with the rules' answer: the pairs let the model learn where the rules go wrong.
        let rule = Self.ruleLabel(main: main, in: mentions, none: "NONE")
        for cue in Set(cues.matches(words.keys, blocks: words.isPunctuation)).sorted() {
            out.append("cue=" + cue)
            if groups.cuePairs { out.append("rc=\(rule)|\(cue)") }
        }
        for cue in Set(modeCues(words)).sorted() {
            out.append(cue)
            if groups.cuePairs { out.append("rc=\(rule)|\(cue)") }
        }
        if groups.sentenceCues, let m = main {
            // The cue classes of the main event's own sentence, apart from the rest of the text.
            let sentence = SubEventTokens(m.evidence.text)
            for cue in Set(cues.matches(sentence.keys, blocks: sentence.isPunctuation)).sorted() { out.append("scue=" + cue) }
        }
        guard groups.words else { return out }
        var previous = "<s>"
        for (i, word) in words.words.enumerated() {
            if words.isPunctuation[i] { previous = "<p>"; continue }
            let lower = word.lowercased()
            out.append("w=" + lower)
            out.append("s=" + Self.stem(lower))
            out.append("b=" + previous + "_" + lower)
            previous = lower
        }
        return out
    }

    /// The refining cues of `mode-cues.tsv` that stand in the text, as `mcue=<becomes>/<mode>`.
    func modeCues(_ words: SubEventTokens) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.keys.count {
            if let m = lexicon.modeCues.longestMatch(at: i, keys: words.keys, limit: words.keys.count, blocks: { words.isPunctuation[$0] }) {
                for cue in lexicon.modeCues.patterns[m.pattern].value {
                    out.append("mcue=\(cue.becomes.rawValue)/\(cue.mode?.rawValue ?? "-")")
                }
                i = m.end
            } else if let v = lexicon.vetoes.longestMatch(at: i, keys: words.keys, limit: words.keys.count, blocks: { words.isPunctuation[$0] }) {
                out.append("veto=" + lexicon.vetoes.patterns[v.pattern].value.rawValue)
                i = v.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The text of a UTF-8 byte range of `text` (clamped to it).
    public static func slice(_ text: String, _ range: TextRange) -> String {
        let utf8 = Array(text.utf8)
        let lo = max(0, min(Int(range.start), utf8.count)), hi = max(lo, min(Int(range.end), utf8.count))
        return String(decoding: utf8[lo..<hi], as: UTF8.self)
    }

    /// A crude English stem: plural and verb endings cut ("protesters" → "protester", "clashed" → "clash").
    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        func ends(_ s: String) -> Bool { let b = Array(s.utf8); return w.count > b.count + 2 && Array(w.suffix(b.count)) == b }
        if ends("ies") { w.removeLast(3); w.append(UInt8(ascii: "y")) }
        else if ends("ing") { w.removeLast(3) }
        else if ends("ed") { w.removeLast(2) }
        else if ends("es"), w.count > 4, [UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "h")].contains(w[w.count - 3]) { w.removeLast(2) }
        else if ends("s"), w[w.count - 2] != UInt8(ascii: "s"), w[w.count - 2] != UInt8(ascii: "u") { w.removeLast(1) }
        // Doubled final consonant after a cut ending: "bombarded" stays, "kidnapp" → "kidnap".
        if w.count > 3, w[w.count - 1] == w[w.count - 2], !"aeiousl".utf8.contains(w[w.count - 1]) { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }
}

/// A text split into words and punctuation marks by scanning its UTF-8 bytes, with each word's lexicon key.
struct SubEventTokens {
    var words: [String] = []
    var keys: [UInt64] = []
    var isPunctuation: [Bool] = []

    init(_ text: String) {
        var copy = text
        copy.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if Self.isWordByte(c) {
                    let start = i
                    while i < n, Self.isWordByte(b[i])
                        || ((b[i] == UInt8(ascii: "'") || b[i] == UInt8(ascii: "-")) && i + 1 < n && Self.isWordByte(b[i + 1])) { i += 1 }
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                    keys.append(WordKey.of(b, start, i))
                    isPunctuation.append(false)
                } else if c == 0xE2 {
                    i += 3  // typographic quotes, dashes and spaces (U+2000–U+206F)
                } else {
                    if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":")
                        || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") {
                        words.append(String(UnicodeScalar(c))); keys.append(0); isPunctuation.append(true)
                    }
                    i += 1
                }
            }
        }
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c >= 0x80 }
    /// Letters, digits and non-ASCII bytes, except the typographic quotes and dashes (E2 80 xx).
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool { isLetter(c) && c != 0xE2 || c &- 0x30 < 10 }
}
