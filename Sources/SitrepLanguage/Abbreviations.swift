import SitrepCore

/// Abbreviations that end in a full stop without ending a sentence, and the words that may start one
/// after an abbreviation. Loaded from `Resources/en/abbreviations.txt` and `en/sentence-starters.txt`.
public struct Abbreviations: Sendable {
    /// How an abbreviation behaves before a capitalised word.
    public enum Kind: Int32, Sendable {
        /// Titles before names ("Mr.", "Dr.", "Gen."): never end a sentence.
        case title = 1
        /// Other abbreviations ("Oct.", "No.", "sq.", "U.S.", "a.m.", "etc."): end a sentence only when
        /// a typical sentence-starting word follows ("… in the U.S. The next day …").
        case abbreviation = 2
    }

    /// Keys are the abbreviation with its final stop, lowercase ("u.s.", "oct.").
    var table: WordTable
    /// Lowercase words that typically begin a sentence ("the", "he", "but").
    var starters: WordTable

    public init() throws { try self.init(directory: nil) }

    /// Loads `en/abbreviations.txt` and `en/sentence-starters.txt` from `directory` when present there, else the shipped ones.
    public init(directory: String?) throws {
        try self.init(abbreviations: LanguageData.text("en/abbreviations.txt", directory: directory), file: "en/abbreviations.txt",
                      starters: LanguageData.text("en/sentence-starters.txt", directory: directory), startersFile: "en/sentence-starters.txt")
    }

    public init(abbreviations: String, file: String, starters: String, startersFile: String) throws {
        var table = WordTable(capacity: 256)
        for row in try LanguageData.rows(abbreviations, file: file, minColumns: 2, maxColumns: 2) {
            let key = row.columns[0]
            guard key.hasSuffix("."), !key.contains(" ") else {
                throw LanguageData.badRow(row, "an abbreviation is written with its final full stop and no spaces ('Oct.')")
            }
            let kind: Kind
            switch row.columns[1] {
            case "title": kind = .title
            case "abbreviation": kind = .abbreviation
            default: throw LanguageData.badRow(row, "kind must be 'title' or 'abbreviation', not '\(row.columns[1])'")
            }
            table.insert(key, kind.rawValue)
        }
        var words = WordTable(capacity: 128)
        for row in try LanguageData.rows(starters, file: startersFile, minColumns: 1, maxColumns: 1) {
            guard row.columns[0] == row.columns[0].lowercased() else { throw LanguageData.badRow(row, "sentence starters are lowercase") }
            words.insert(row.columns[0], 1)
        }
        self.table = table
        self.starters = words
    }

    /// The kind of the abbreviation spelt by `p[from..<to]` (including its final stop), if it is one.
    func kind(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Kind? {
        table.value(p, from, to).flatMap(Kind.init(rawValue:))
    }

    public func kind(of abbreviation: String) -> Kind? { table.value(abbreviation).flatMap(Kind.init(rawValue:)) }
}
