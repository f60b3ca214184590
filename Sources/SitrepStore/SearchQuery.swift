/// A user's full-text query reduced to terms every store can search for safely.
///
/// Words are AND-ed; a "quoted part" is a phrase; a word written `al-Bab` or `U.N.` is the phrase
/// of its pieces; a trailing `*` makes a word a prefix. Operators (`AND`, `OR`, `NOT`, `-`, `NEAR`)
/// are not interpreted: they are words like any other or punctuation that is dropped. Each term
/// holds only letters, digits and marks, so a store can quote it without escaping.
public struct SearchQuery: Sendable, Hashable {
    /// One term: a run of tokens that must occur next to each other, in order.
    public struct Term: Sendable, Hashable {
        public var tokens: [String]
        /// The last token may be the start of a longer word.
        public var isPrefix: Bool

        public init(tokens: [String], isPrefix: Bool = false) {
            self.tokens = tokens
            self.isPrefix = isPrefix
        }
    }

    /// All must match.
    public var terms: [Term]

    /// `true` when the query holds no word at all (it finds nothing).
    public var isEmpty: Bool { terms.isEmpty }

    public init(terms: [Term]) { self.terms = terms }

    /// Reads what a user typed. Never fails: an unbalanced quote runs to the end of the input.
    public init(parsing text: String) {
        var terms: [Term] = []
        var chunk: [Unicode.Scalar] = []
        var inQuotes = false

        func flush(phrase: Bool) {
            defer { chunk.removeAll(keepingCapacity: true) }
            let prefix = !phrase && chunk.last == "*"
            let tokens = SearchQuery.tokens(of: chunk)
            guard !tokens.isEmpty else { return }
            terms.append(Term(tokens: tokens, isPrefix: prefix))
        }

        for scalar in text.unicodeScalars {
            if SearchQuery.isQuote(scalar) {
                flush(phrase: inQuotes)
                inQuotes.toggle()
            } else if !inQuotes && scalar.properties.isWhitespace {
                flush(phrase: false)
            } else {
                chunk.append(scalar)
            }
        }
        flush(phrase: inQuotes)
        self.terms = terms
    }

    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{201E}"
            || scalar == "\u{00AB}" || scalar == "\u{00BB}"
    }

    /// Letters, digits and marks: what a Unicode word tokenizer keeps (private-use too).
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark, .privateUse:
            return true
        default:
            return false
        }
    }

    static func tokens(of scalars: [Unicode.Scalar]) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if isTokenScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        // A token of marks alone (a stray combining accent) is no word.
        return tokens.filter { $0.unicodeScalars.contains { s in
            let c = s.properties.generalCategory
            return c != .nonspacingMark && c != .spacingMark && c != .enclosingMark
        } }
    }
}
