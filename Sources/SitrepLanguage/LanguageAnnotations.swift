import SitrepCore

// The language layer's output: typed values on UTF-8 ranges of a document's cleaned text.
// These types are the contract between SitrepLanguage and the layers above it
// (SitrepKnowledge, SitrepExtract); their producers live in their own files.

/// What kind of token the tokenizer saw.
public enum TokenKind: UInt8, Sendable, Hashable {
    case word, number, punctuation, openQuote, closeQuote, quote, dash, symbol
}

/// One token: a word (Arabic names with al-/el-/a- kept whole), a number, punctuation, a quote or a dash.
public struct Token: Hashable, Sendable {
    public var range: TextRange
    public var kind: TokenKind
    public init(range: TextRange, kind: TokenKind) { self.range = range; self.kind = kind }
}

/// One sentence (or headline / dateline), as a range of text and of token indexes.
public struct Sentence: Hashable, Sendable {
    public var range: TextRange
    /// Indexes into `LanguageAnnotations.tokens`.
    public var tokens: Range<Int>
    /// Index of the paragraph (blank-line or line-break separated block) it belongs to.
    public var paragraph: Int
    /// A title-like line without a final full stop, or a dateline ("AMMAN:").
    public var isHeadline: Bool
    public init(range: TextRange, tokens: Range<Int>, paragraph: Int, isHeadline: Bool = false) {
        self.range = range; self.tokens = tokens; self.paragraph = paragraph; self.isHeadline = isHeadline
    }
}

/// What a number in the text measures. Only `count` (and `population` as background) may become event counts.
public enum QuantityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case count, area, distance, duration, age, percentage, money, year, timeOfDay = "time_of_day"
    case ordinal, population, identifier, calendar, other
}

/// A number or vague quantity with its range and, when the text says, what it counts.
public struct QuantityMention: Hashable, Sendable {
    public var range: TextRange
    public var kind: QuantityKind
    /// Lower bound (inclusive). "more than 250" → 251.
    public var min: Int
    /// Upper bound (inclusive), `nil` when open-ended.
    public var max: Int?
    public var approximate: Bool
    /// The counted noun, normalised to its plural lemma ("fighters", "hostages", "women and children").
    public var of: String?
    /// Where the counted noun phrase is.
    public var ofRange: TextRange?
    public init(range: TextRange, kind: QuantityKind, min: Int, max: Int?, approximate: Bool,
                of: String? = nil, ofRange: TextRange? = nil) {
        self.range = range; self.kind = kind; self.min = min; self.max = max
        self.approximate = approximate; self.of = of; self.ofRange = ofRange
    }

    /// The contract's count value, for `count` quantities only.
    public func asQuantity(text: String?) -> Quantity? {
        kind == .count ? Quantity(min: min, max: max, approximate: approximate, of: of, text: text) : nil
    }
}

/// TimeML's TIMEX3 types.
public enum TimexType: String, Sendable, Hashable, Codable {
    case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
}

/// A time expression and, when it has an anchor, the interval it resolves to.
public struct TimeMention: Hashable, Sendable {
    public var range: TextRange
    public var type: TimexType
    /// The resolved interval; `nil` when unresolved (see `unresolvedReason`).
    public var interval: DayInterval?
    public var precision: TimePrecision?
    /// TimeML's normalised value: `2018-09-23`, `2018-W38`, `2018-08`, `2017`, `PT3H`, `PAST_REF`.
    public var value: String
    /// "since", "by", "until", "before", "after": the interval is a bound, not the time of the event.
    public var modifier: String?
    public var unresolvedReason: String?
    public init(range: TextRange, type: TimexType, interval: DayInterval?, precision: TimePrecision?,
                value: String, modifier: String? = nil, unresolvedReason: String? = nil) {
        self.range = range; self.type = type; self.interval = interval; self.precision = precision
        self.value = value; self.modifier = modifier; self.unresolvedReason = unresolvedReason
    }
}

/// Who a clause's claim rests on: a reporting verb, "according to X", a quotation's speaker.
public struct Attribution: Hashable, Sendable {
    public enum Cue: String, Sendable, Hashable, Codable {
        case reportingVerb = "reporting_verb", accordingTo = "according_to", quotation, chained
    }
    /// The text whose claims the source stands behind (a clause, a sentence or a quotation).
    public var scope: TextRange
    /// The source as written: a person, an organisation, "local sources", "a spokesman".
    public var source: TextRange
    /// The source's affiliation when given ("head of the … Observatory", "with the … militia").
    public var affiliation: TextRange?
    /// The reporting verb or phrase ("said", "according to", "quoted … as saying").
    public var cue: TextRange
    public var cueKind: Cue
    /// For chained attribution, the outer reporter ("the Jordanian Al-Ghad newspaper").
    public var via: TextRange?
    /// Whom the source spoke to, when named ("AFP" in "X told AFP"): the channel, not the source.
    public var medium: TextRange?
    public init(scope: TextRange, source: TextRange, affiliation: TextRange? = nil, cue: TextRange,
                cueKind: Cue, via: TextRange? = nil, medium: TextRange? = nil) {
        self.scope = scope; self.source = source; self.affiliation = affiliation
        self.cue = cue; self.cueKind = cueKind; self.via = via; self.medium = medium
    }
}

/// How firmly a clause states what it says, and the words that say so.
public struct CertaintyMark: Hashable, Sendable {
    public var scope: TextRange
    public var certainty: Certainty
    /// The hedge, negation, modal or reporting word; `nil` for plain assertion.
    public var cue: TextRange?
    public init(scope: TextRange, certainty: Certainty, cue: TextRange?) {
        self.scope = scope; self.certainty = certainty; self.cue = cue
    }
}

/// Everything the language layer found in one document, each list sorted by start offset.
public struct LanguageAnnotations: Sendable {
    public var tokens: [Token] = []
    public var sentences: [Sentence] = []
    public var quantities: [QuantityMention] = []
    public var times: [TimeMention] = []
    public var attributions: [Attribution] = []
    public var certainties: [CertaintyMark] = []
    public init() {}
}
