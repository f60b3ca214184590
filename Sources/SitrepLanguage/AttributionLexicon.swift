import SitrepCore

/// The attribution word lists: reporting verbs (`en/reporting-verbs.tsv`), the words of a source's
/// noun phrase (`en/source-nouns.tsv`) and the adverbs that may stand between a source and its verb
/// (`en/reporting-adverbs.tsv`), and the words that open a short phrase after the verb
/// (`en/reporting-adjuncts.tsv`).
struct AttributionLexicon: Sendable {
    /// How a reporting verb takes its source, medium and content.
    enum Frame: String, Sendable {
        case say, declare, tell, quote, participle, according, none
    }

    struct Verb: Sendable {
        var lemma: String
        var frame: Frame
        var certainty: Certainty
    }

    /// The role of a lowercase word inside a source's noun phrase.
    enum Role: String, Sendable {
        case head, modifier, determiner, pronoun, link, particle, affiliation, location, stop
        /// A determiner of one ("a", "another", "this"): before a noun and a plural head it goes with the noun.
        case single

        /// A determiner of either kind.
        var isDeterminer: Bool { self == .determiner || self == .single }
    }

    var verbs = ClausePhrases<Verb>()
    var roles = KeyMap<Role>()
    var adverbs: KeySet = []
    /// Words that open a short phrase after the verb ("on Monday", "in a statement", "by phone").
    var adjuncts: KeySet = []
    /// One-word times after the verb ("said Tuesday that", "said yesterday the …"); also adjuncts.
    var timeWords: KeySet = []
    /// Participles after "reported", "believed", "confirmed" that make it a reduced passive ("people reported killed").
    var passiveComplements: KeySet = []
    /// Function words that end a noun phrase (`en/noun-phrase-breaks.txt`: "as", "when", "nor"): never a modifier before a head.
    var phraseBreaks: KeySet = []
    /// Keys the finders test often.
    let keys: Keys

    struct Keys: Sendable {
        let that = ClauseTokens.key("that"), to = ClauseTokens.key("to"), `as` = ClauseTokens.key("as")
        let what = ClauseTokens.key("what"), who = ClauseTokens.key("who"), which = ClauseTokens.key("which")
        let possessive = ClauseTokens.key("'s"), and = ClauseTokens.key("and"), but = ClauseTokens.key("but")
        let on = ClauseTokens.key("on"), `in` = ClauseTokens.key("in"), last = ClauseTokens.key("last")
        let this = ClauseTokens.key("this"), yesterday = ClauseTokens.key("yesterday"), today = ClauseTokens.key("today")
        let earlier = ClauseTokens.key("earlier"), later = ClauseTokens.key("later"), at = ClauseTokens.key("at")
        let by = ClauseTokens.key("by"), colon = ClauseTokens.key(":"), of = ClauseTokens.key("of")
        let timeWords = KeySet(["week", "month", "year", "night", "weekend", "morning", "evening", "afternoon"].map(ClauseTokens.key))
        let beForms = KeySet(["is", "are", "was", "were", "be", "been", "being", "am"].map(ClauseTokens.key))
        let negators = KeySet(["not", "never", "cannot"].map(ClauseTokens.key))
        let doForms = KeySet(["did", "does", "do", "has", "have", "had", "could", "would", "will", "can"].map(ClauseTokens.key))
    }

    init(verbsPath: String? = nil, nounsPath: String? = nil, adverbsPath: String? = nil, adjunctsPath: String? = nil) throws {
        keys = Keys()
        do {
            let (text, file) = try ClauseData.text("en/reporting-verbs.tsv", path: verbsPath)
            for row in try ClauseData.rows(text, file: file, columns: 4) {
                guard let frame = Frame(rawValue: row.columns[2]) else {
                    throw ClauseData.badRow(row, "unknown frame '\(row.columns[2])' (say, declare, tell, quote, participle, according, none)")
                }
                guard let certainty = Certainty(rawValue: row.columns[3]), [.reported, .possible, .denied].contains(certainty) else {
                    throw ClauseData.badRow(row, "certainty must be reported, possible or denied, not '\(row.columns[3])'")
                }
                verbs.add(row.columns[0], Verb(lemma: row.columns[1], frame: frame, certainty: certainty))
            }
        }
        do {
            let (text, file) = try ClauseData.text("en/source-nouns.tsv", path: nounsPath)
            for row in try ClauseData.rows(text, file: file, columns: 2) {
                guard let role = Role(rawValue: row.columns[1]) else {
                    throw ClauseData.badRow(row, "unknown role '\(row.columns[1])'")
                }
                roles[ClauseTokens.key(row.columns[0])] = role
            }
        }
        do {
            let (text, file) = try ClauseData.text("en/reporting-adverbs.tsv", path: adverbsPath)
            for row in try ClauseData.rows(text, file: file, columns: 1) {
                adverbs.insert(ClauseTokens.key(row.columns[0]))
            }
        }
        do {
            let (text, file) = try ClauseData.text("en/reporting-adjuncts.tsv", path: adjunctsPath)
            for row in try ClauseData.rows(text, file: file, columns: 2) {
                let key = ClauseTokens.key(row.columns[0])
                switch row.columns[1] {
                case "opener": adjuncts.insert(key)
                case "time": adjuncts.insert(key); timeWords.insert(key)
                case "passive": passiveComplements.insert(key)
                default: throw ClauseData.badRow(row, "kind must be opener, time or passive, not '\(row.columns[1])'")
                }
            }
        }
        do {
            let (text, file) = try ClauseData.text("en/noun-phrase-breaks.txt", path: nil)
            for row in try ClauseData.rows(text, file: file, columns: 1) {
                phraseBreaks.insert(ClauseTokens.key(row.columns[0]))
            }
        }
    }

    @inline(__always) func role(_ t: Int, _ ct: ClauseTokens) -> Role? { roles[ct.key(t)] }
}

extension AttributionLexicon {
    /// One lexicon behind a reference, made once per finder and shared by its per-document scanners.
    final class Shared: Sendable {
        let lexicon: AttributionLexicon
        init(_ lexicon: AttributionLexicon) { self.lexicon = lexicon }
    }
}
