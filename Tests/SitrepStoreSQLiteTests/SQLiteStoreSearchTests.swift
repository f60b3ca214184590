import SitrepCore
import SitrepStore
import SitrepStoreSQLite
import Testing

struct SQLiteStoreSearchTests {
    static func filledStore() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([
            SampleDocuments.full, SampleDocuments.convoy, SampleDocuments.ceasefire,
            SampleDocuments.protest, SampleDocuments.arabic,
        ])
        return store
    }

    @Test func aWordFindsTheDocumentAndMarksTheMatch() throws {
        let hits = try Self.filledStore().searchDocuments("ambulances", limit: 10)
        #expect(hits.map(\.document.id) == [SampleDocuments.full.id])
        #expect(hits[0].snippet.contains("«ambulances»"))
        #expect(hits[0].document == SampleDocuments.full)
    }

    @Test func wordsAreAllRequired() throws {
        let store = try Self.filledStore()
        #expect(try store.searchDocuments("convoy dawn", limit: 10).map(\.document.id) == [SampleDocuments.convoy.id])
        #expect(try store.searchDocuments("convoy ceasefire", limit: 10).isEmpty)
    }

    @Test func quotedPhraseNeedsTheWordsTogether() throws {
        let store = try Self.filledStore()
        #expect(try store.searchDocuments(#""tear gas""#, limit: 10).map(\.document.id) == [SampleDocuments.protest.id])
        #expect(try store.searchDocuments(#""gas tear""#, limit: 10).isEmpty)
    }

    @Test(arguments: ["harasta", "HARASTA", "Ḥarasta", "severac", "Severac", "munir al-haddad"])
    func matchingIgnoresCaseAndDiacritics(query: String) throws {
        #expect(try !Self.filledStore().searchDocuments(query, limit: 10).isEmpty)
    }

    @Test func titleMatchesCountAndRankFirst() throws {
        let store = try SQLiteStore.inMemory()
        let inText = SampleDocuments.plain(
            "Water trucks reached the camp after the road to Azaz reopened; aid workers counted 600 tents.",
            title: "Aid reaches camp")
        let inTitle = SampleDocuments.plain(
            "Water trucks reached the camp after the northern road reopened; aid workers counted 600 tents.",
            title: "Road to Azaz reopens")
        _ = try store.save([inText, inTitle])
        let hits = try store.searchDocuments("Azaz", limit: 10)
        #expect(hits.map(\.document.id) == [inTitle.id, inText.id])
        #expect(hits[0].snippet.contains("«Azaz»"))
    }

    @Test func bestFirstByRank() throws {
        let store = try SQLiteStore.inMemory()
        let often = SampleDocuments.plain("Airstrike, then another airstrike, then a third airstrike hit the depot.")
        let once = SampleDocuments.plain("Residents counted one airstrike during a long night of artillery and machine-gun fire near the depot.")
        _ = try store.save([once, often])
        let hits = try store.searchDocuments("airstrike", limit: 10)
        #expect(hits.map(\.document.id) == [often.id, once.id])
        #expect(hits[0].rank > hits[1].rank)
    }

    @Test func prefixSearch() throws {
        #expect(try Self.filledStore().searchDocuments("ambul*", limit: 10).map(\.document.id) == [SampleDocuments.full.id])
    }

    @Test func arabicScriptIsSearchable() throws {
        #expect(try Self.filledStore().searchDocuments("حلب", limit: 10).map(\.document.id) == [SampleDocuments.arabic.id])
    }

    @Test func limitIsHonoured() throws {
        let store = try Self.filledStore()
        #expect(try store.searchDocuments("the", limit: 2).count == 2)
        #expect(try store.searchDocuments("the", limit: 0).isEmpty)
    }

    @Test(arguments: [
        "", " ", "\"unbalanced", "unbalanced\"", "AND OR", "OR", "NOT", "*", "-x", "-", "x -y", "NEAR(a b)",
        "title:convoy", "^start", "a + b", "(((", ")", "'single'", "\"\"", "col:", "{title text}: bus",
        "convoy*  *", "\u{0301}", "🙂", "%_\\", "SELECT * FROM document; --", "\u{0000}",
    ])
    func hostileInputNeverRaises(query: String) throws {
        let store = try Self.filledStore()
        let hits = try store.searchDocuments(query, limit: 10)
        for hit in hits { #expect(!hit.snippet.isEmpty) }
    }

    @Test func operatorWordsAreSearchedAsWords() throws {
        let store = try SQLiteStore.inMemory()
        let withAnd = SampleDocuments.plain("Fighters and civilians left together.")
        let without = SampleDocuments.plain("Fighters left first.")
        _ = try store.save([withAnd, without])
        #expect(try store.searchDocuments("fighters AND", limit: 10).map(\.document.id) == [withAnd.id])
        #expect(try store.searchDocuments("-x", limit: 10).isEmpty)
    }
}

struct SQLiteStoreSearchNormalizationTests {
    @Test func decomposedAndComposedAccentsMatchEachOther() throws {
        let store = try SQLiteStore.inMemory()
        let composed = SampleDocuments.plain("Talks resumed in Mont\u{00E9}limar on Friday.")
        let decomposed = SampleDocuments.plain("Observers arrived in Ne\u{0301}rac on Sunday.")
        _ = try store.save([composed, decomposed])
        #expect(try store.searchDocuments("Monte\u{0301}limar", limit: 5).map(\.document.id) == [composed.id])
        #expect(try store.searchDocuments("N\u{00E9}rac", limit: 5).map(\.document.id) == [decomposed.id])
        #expect(try store.searchDocuments("nerac", limit: 5).map(\.document.id) == [decomposed.id])
    }
}

struct SQLiteStoreSearchLimitsTests {
    @Test(arguments: [200, 5_000])
    func veryLongQueriesDoNotRaise(words: Int) throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleDocuments.convoy])
        let query = (0..<words).map { $0 % 7 == 0 ? "\"convoy buses\"" : "w\($0)" }.joined(separator: " ")
        #expect(try store.searchDocuments(query, limit: 5).isEmpty)
        let longWord = String(repeating: "convoy", count: 20_000)
        #expect(try store.searchDocuments(longWord, limit: 5).isEmpty)
    }
}
