import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

struct LanguageDataTests {
    @Test func everyShippedFileLoads() throws {
        _ = try LanguageAnalyzer()
        let a = try Abbreviations()
        #expect(a.kind(of: "Mr.") == .title)
        #expect(a.kind(of: "u.s.") == .abbreviation)
    }

    @Test func aBadRowNamesFileAndLine() {
        #expect {
            try Abbreviations(abbreviations: "# c\nmr.\ttitle\nfoo\ttitle\n", file: "x.txt", starters: "the\n", startersFile: "s.txt")
        } throws: { error in
            guard let e = error as? SitrepError else { return false }
            return e.code == "data.badRow" && e.input == "x.txt:3"
        }
    }

    @Test func aDuplicateRowIsRejected() {
        #expect {
            try Abbreviations(abbreviations: "mr.\ttitle\nMr.\ttitle\n", file: "x.txt", starters: "the\n", startersFile: "s.txt")
        } throws: { error in
            (error as? SitrepError)?.code == "data.duplicateRow"
        }
    }
}

struct ShippedDataFileTests {
    static let files = ["abbreviations.txt", "sentence-starters.txt", "number-words.tsv", "vague-quantities.tsv",
                        "quantity-modifiers.tsv", "quantity-units.tsv", "count-nouns.tsv", "noun-phrase-breaks.txt",
                        "noun-phrase-determiners.txt"]

    @Test(arguments: files)
    func shippedFilesAreSortedNFCAndWithoutDuplicates(name: String) throws {
        let text = try LanguageData.text("en/" + name)
        let rows = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(!rows.isEmpty)
        #expect(rows == rows.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "\(name) is not sorted")
        #expect(Set(rows).count == rows.count, "\(name) has duplicate rows")
        #expect(text.precomposedStringWithCanonicalMapping == text, "\(name) is not NFC")
    }

    @Test func quantityLexiconRejectsACountUnit() {
        let empty = "# none\n"
        #expect {
            try QuantityLexicon(numberWords: "one\t1\tcardinal\n", vague: empty, modifiers: empty,
                                units: "after\tkm\tdistance\nafter\tpeople\tcount\n", nouns: empty, breaks: "the\n", determiners: "the\n")
        } throws: { error in
            (error as? SitrepError)?.input == "en/quantity-units.tsv:2"
        }
    }
}

struct UserDataFolderTests {
    @Test func aUserFolderExtendsTheCountedNouns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("en"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = try LanguageData.text("en/count-nouns.tsv")
        #expect(!shipped.contains("\nwidget\t"))
        try (shipped + "widget\twidgets\nwidgets\twidgets\n").write(to: folder.appendingPathComponent("en/count-nouns.tsv"), atomically: true, encoding: .utf8)
        let finder = QuantityFinder(lexicon: try QuantityLexicon(directory: folder.path))
        let text = "They seized 40 widgets."
        let tokens = Tokenizer.tokenize(text)
        let sentences = Shared.splitter.split(text, tokens: tokens)
        #expect(finder.find(in: text, tokens: tokens, sentences: sentences).first?.of == "widgets")
        #expect(Shared.analyzer.quantities.find(in: text, tokens: tokens, sentences: sentences).first?.of == nil)
    }
}
