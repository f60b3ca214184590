import SitrepStore
@testable import SitrepStoreSQLite
import Testing

struct SearchQueryTests {
    @Test func wordsAreSeparateTermsAndQuotedPartsArePhrases() {
        let query = SearchQuery(parsing: #"convoy "left Kafr Batna" dawn"#)
        #expect(query.terms == [
            .init(tokens: ["convoy"]), .init(tokens: ["left", "Kafr", "Batna"]), .init(tokens: ["dawn"]),
        ])
    }

    @Test func aHyphenatedWordIsAPhraseOfItsPieces() {
        #expect(SearchQuery(parsing: "al-Ḥaddād").terms == [.init(tokens: ["al", "Ḥaddād"])])
    }

    @Test func trailingStarMakesAPrefixOutsideQuotesOnly() {
        #expect(SearchQuery(parsing: "shell*").terms == [.init(tokens: ["shell"], isPrefix: true)])
        #expect(SearchQuery(parsing: #""shell*""#).terms == [.init(tokens: ["shell"], isPrefix: false)])
    }

    @Test(arguments: ["", "   ", "*", "-", "\"", "\"\"", "()", "- * ^ : + ."])
    func inputWithoutWordsIsEmpty(text: String) {
        let query = SearchQuery(parsing: text)
        #expect(query.isEmpty)
        #expect(query.fts5Expression == nil)
    }

    @Test func operatorsAreWordsNotSyntax() {
        let query = SearchQuery(parsing: "AND OR NOT NEAR")
        #expect(query.terms.map(\.tokens) == [["AND"], ["OR"], ["NOT"], ["NEAR"]])
        #expect(query.fts5Expression == #""AND" AND "OR" AND "NOT" AND "NEAR""#)
    }

    @Test func unbalancedQuoteRunsToTheEnd() {
        #expect(SearchQuery(parsing: #"ceasefire "around Douma"#).terms == [
            .init(tokens: ["ceasefire"]), .init(tokens: ["around", "Douma"]),
        ])
    }

    @Test func expressionQuotesEveryTermAndMarksPrefixes() {
        #expect(SearchQuery(parsing: #"bus* "tear gas""#).fts5Expression == #""bus" * AND "tear gas""#)
    }
}
