import SitrepCore

/// The word lists behind `QuantityFinder`, loaded from `Resources/en/`:
/// `number-words.tsv`, `vague-quantities.tsv`, `quantity-modifiers.tsv`, `quantity-units.tsv`,
/// `count-nouns.tsv`, `noun-phrase-breaks.txt`, `noun-phrase-determiners.txt`.
public struct QuantityLexicon: Sendable {
    enum NumberClass: UInt8 { case cardinal, ordinal, scale }
    enum Effect: String { case approximate, moreThan = "more_than", atLeast = "at_least", atMost = "at_most",
                          lessThan = "less_than", exact, between }
    enum Position: String { case after, before, around }

    var numberWords = WordTable(capacity: 128)
    var numberValue: [Int64] = []
    var numberClass: [NumberClass] = []

    var vague = PhraseTable()
    var vagueRange: [(min: Int, max: Int?)] = []

    var modifiers = PhraseTable()
    var effects: [Effect] = []

    var after = PhraseTable()
    var before = PhraseTable()
    var around = PhraseTable()
    var unitKinds: [QuantityKind] = []

    var nouns = PhraseTable()
    var lemmas: [String] = []
    /// Whether the form is the lemma itself (plural or invariable); a singular form before another word
    /// is often a modifier ("three rebel spokesmen").
    var isLemmaForm: [Bool] = []

    var breaks = WordTable(capacity: 128)
    var determiners = WordTable(capacity: 32)

    /// Words that can start a number expression: number words, "a"/"an", first words of vague phrases.
    var starts = WordTable(capacity: 128)

    public init() throws { try self.init(directory: nil) }

    /// Loads each file from `directory/en/…` when present there (a user's extended copy), else the shipped one.
    public init(directory: String?) throws {
        func load(_ name: String) throws -> String { try LanguageData.text("en/" + name, directory: directory) }
        try self.init(numberWords: load("number-words.tsv"), vague: load("vague-quantities.tsv"),
                      modifiers: load("quantity-modifiers.tsv"), units: load("quantity-units.tsv"),
                      nouns: load("count-nouns.tsv"), breaks: load("noun-phrase-breaks.txt"),
                      determiners: load("noun-phrase-determiners.txt"))
    }

    /// Builds the lexicon from file contents (users may pass their own, extended files).
    public init(numberWords: String, vague: String, modifiers: String, units: String, nouns: String,
                breaks: String, determiners: String) throws {
        for row in try LanguageData.rows(numberWords, file: "en/number-words.tsv", minColumns: 3, maxColumns: 3) {
            guard let v = Int64(row.columns[1]), v >= 0 else { throw LanguageData.badRow(row, "value must be a non-negative integer") }
            let cls: NumberClass
            switch row.columns[2] {
            case "cardinal": cls = .cardinal
            case "ordinal": cls = .ordinal
            case "scale": cls = .scale
            default: throw LanguageData.badRow(row, "class must be cardinal, ordinal or scale")
            }
            self.numberWords.insert(row.columns[0], Int32(numberValue.count))
            numberValue.append(v)
            numberClass.append(cls)
            if cls != .scale { starts.insert(row.columns[0], 1) }
        }
        starts.insert("a", 1)
        starts.insert("an", 1)
        for row in try LanguageData.rows(vague, file: "en/vague-quantities.tsv", minColumns: 3, maxColumns: 3) {
            guard let lo = Int(row.columns[1]), lo >= 0 else { throw LanguageData.badRow(row, "min must be a non-negative integer") }
            let hi: Int?
            if row.columns[2].isEmpty { hi = nil } else {
                guard let h = Int(row.columns[2]), h >= lo else { throw LanguageData.badRow(row, "max must be empty or an integer ≥ min") }
                hi = h
            }
            self.vague.insert(row.columns[0], Int32(vagueRange.count))
            vagueRange.append((lo, hi))
            if let first = row.columns[0].split(separator: " ").first { starts.insert(String(first), 1) }
        }
        for row in try LanguageData.rows(modifiers, file: "en/quantity-modifiers.tsv", minColumns: 2, maxColumns: 2) {
            guard let e = Effect(rawValue: row.columns[1]) else { throw LanguageData.badRow(row, "unknown effect '\(row.columns[1])'") }
            self.modifiers.insert(row.columns[0], Int32(effects.count))
            effects.append(e)
        }
        for row in try LanguageData.rows(units, file: "en/quantity-units.tsv", minColumns: 3, maxColumns: 3, keyColumns: 2) {
            guard let pos = Position(rawValue: row.columns[0]) else { throw LanguageData.badRow(row, "position must be after, before or around") }
            guard let kind = QuantityKind(rawValue: row.columns[2]), kind != .count, kind != .ordinal, kind != .other else {
                throw LanguageData.badRow(row, "kind must name what a non-count number measures (area, distance, …), not '\(row.columns[2])'")
            }
            let index = Int32(unitKinds.count)
            unitKinds.append(kind)
            switch pos {
            case .after: after.insert(row.columns[1], index)
            case .before: before.insert(row.columns[1], index)
            case .around: around.insert(row.columns[1], index)
            }
        }
        for row in try LanguageData.rows(nouns, file: "en/count-nouns.tsv", minColumns: 2, maxColumns: 2) {
            self.nouns.insert(row.columns[0], Int32(lemmas.count))
            lemmas.append(row.columns[1])
            isLemmaForm.append(row.columns[0] == row.columns[1])
        }
        for row in try LanguageData.rows(breaks, file: "en/noun-phrase-breaks.txt", minColumns: 1, maxColumns: 1) {
            self.breaks.insert(row.columns[0], 1)
        }
        for row in try LanguageData.rows(determiners, file: "en/noun-phrase-determiners.txt", minColumns: 1, maxColumns: 1) {
            self.determiners.insert(row.columns[0], 1)
        }
    }
}

extension QuantityLexicon {
    /// One lexicon behind a reference, made once per finder and shared by its per-document scanners.
    final class Shared: Sendable {
        let lexicon: QuantityLexicon
        init(_ lexicon: QuantityLexicon) { self.lexicon = lexicon }
    }
}
