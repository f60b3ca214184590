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
