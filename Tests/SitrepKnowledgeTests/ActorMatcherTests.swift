import Foundation
import SitrepCore
import Testing
@testable import SitrepKnowledge

@Suite struct ActorMatcherTests {
    static let matcher = try! ActorMatcher.loadDefault()

    func mentions(_ text: String) -> [(String, String?, ActorKind)] {
        Self.matcher.find(in: text, tokens: nil).map { (text.slice($0.range) ?? "?", $0.id, $0.kind) }
    }

    @Test func longestMatchWinsAndAliasesResolve() {
        let text = "Daesh militants and the Islamic State group clashed with Hay‘at Tahrir a-Sham near the town, while the Syrian Observatory for Human Rights counted the dead."
        let found = mentions(text)
        #expect(found.map(\.0) == ["Daesh", "militants", "Islamic State group", "Hay‘at Tahrir a-Sham", "Syrian Observatory for Human Rights"])
        #expect(found.map(\.1) == ["isis", nil, "isis", "hts", "sohr"])
    }

    @Test func verbIsIsNotTheIslamicState() {
        let found = mentions("The road is open and IS is retreating; it is said that ISIS is weaker.")
        #expect(found.map(\.0) == ["IS", "ISIS"])
        #expect(found.allSatisfy { $0.1 == "isis" })
        #expect(mentions("THE CEASEFIRE IS HOLDING IN THE SOUTH").isEmpty)
    }

    @Test func possessivesAndTheRegime() {
        let found = mentions("Assad’s forces shelled the village after the regime refused; Assad's troops later withdrew.")
        #expect(found.first?.0 == "Assad’s forces")
        #expect(found.first?.1 == "syria-gov")
        #expect(found.contains { $0.0 == "the regime" && $0.1 == "syria-gov" })
        #expect(found.contains { $0.0 == "Assad" && $0.1 == "bashar-al-assad" })
    }

    @Test func hyphenatedModifiersFindTheActorInside() {
        let found = mentions("ISIS-affiliated Jaysh Khalid bin al-Walid held the valley; Russian-backed regime troops advanced.")
        #expect(found.contains { $0.0 == "ISIS" && $0.1 == "isis" })
        #expect(found.contains { $0.0 == "Jaysh Khalid bin al-Walid" && $0.1 == "isis-khalid-bin-al-walid" })
        #expect(found.contains { $0.0 == "regime troops" && $0.1 == "syria-gov" })
    }

    @Test func genericActorsHaveNoIDAndKeepTheirText() {
        let text = "Rebel forces freed 12 hostages, mostly women and children, while jihadists fired on civilians."
        let found = Self.matcher.find(in: text, tokens: nil)
        let pairs = found.map { ($0.name, $0.kind) }
        #expect(found.allSatisfy { $0.id == nil })
        #expect(pairs.map(\.0) == ["Rebel forces", "hostages", "women and children", "jihadists", "civilians"])
        #expect(pairs.map(\.1) == [.armedGroup, .civilians, .civilians, .armedGroup, .civilians])
    }

    @Test func bracketAcronymOfAKnownNameBecomesADocumentAlias() {
        let text = "The Levantine Monitor Network (LMN) and the Syrian Network for Human Rights (SNHR) agree. SNHR says LMN is wrong."
        let result = Self.matcher.analyze(text, tokens: nil)
        #expect(result.documentAcronyms["SNHR"]?.id == "snhr")
        let later = result.mentions.filter { text.slice($0.range) == "SNHR" }
        #expect(later.count == 2 && later.allSatisfy { $0.id == "snhr" })
    }

    @Test func bracketAcronymOfAnUnknownNameNamesAnActor() throws {
        let text = "Fighters of Jabhat Tahrir Suriya (JTS) and the Dahr Brigade of the Free Valley (DBFV) met. Later JTS pulled out, and DBFV stayed."
        let result = Self.matcher.analyze(text, tokens: nil)
        let dbfv = try #require(result.documentAcronyms["DBFV"])
        #expect(dbfv.id == nil)
        #expect(dbfv.name == "Dahr Brigade of the Free Valley")
        #expect(dbfv.kind == .armedGroup)
        #expect(result.documentAcronyms["JTS"]?.id == "jabhat-tahrir-suriya")
        let uses = result.mentions.filter { text.slice($0.range) == "DBFV" }
        #expect(uses.count == 2 && uses.allSatisfy { $0.name == "Dahr Brigade of the Free Valley" })
    }

    @Test func acronymThatDoesNotFitTheNameIsIgnored() {
        let result = Self.matcher.analyze("They met the Valley Council (XQ) yesterday.", tokens: nil)
        #expect(result.documentAcronyms.isEmpty)
    }

    @Test func headOfAndSpokesmanWithTiePeopleToOrganisations() throws {
        let text = "Karim Haddad, head of the Syrian Network for Human Rights, said 40 died. A spokesman with the Nour al-Din al-Zinki Movement denied it. SDF spokesman Mustafa Bali confirmed, and Leila Nasser, director of the Valley Relief Committee, agreed."
        let result = Self.matcher.analyze(text, tokens: nil)
        let byPerson = Dictionary(result.affiliations.map { (text.slice($0.person)!, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byPerson["Karim Haddad"]?.organisationID == "snhr")
        #expect(byPerson["Karim Haddad"]?.role == "head")
        #expect(byPerson["A spokesman"]?.organisationID == "nour-al-din-al-zinki")
        #expect(byPerson["Mustafa Bali"]?.organisationID == "sdf")
        #expect(byPerson["Mustafa Bali"]?.personID == "mustafa-bali")
        let leila = try #require(byPerson["Leila Nasser"])
        #expect(leila.organisationID == nil)
        #expect(leila.organisationName == "Valley Relief Committee")
        #expect(result.affiliationsByPerson.count == result.affiliations.count)
    }

    @Test func placeCompoundBeforeAnUnknownOrganisationIsSkipped() throws {
        let text = "“It will not last,” said Omar Fares, an analyst fellow at the Beirut-based Cedar Policy Forum, on Sunday."
        let result = Self.matcher.analyze(text, tokens: nil)
        let tie = try #require(result.affiliations.first)
        #expect(tie.personName == "Omar Fares")
        #expect(tie.role == "fellow")
        #expect(tie.organisationName == "Cedar Policy Forum")
    }

    @Test func noAffiliationWithoutARoleWord() {
        let result = Self.matcher.analyze("Karim Haddad, a resident of the Syrian Observatory district, left.", tokens: nil)
        #expect(result.affiliations.isEmpty)
    }

    @Test func rangesAreUTF8Offsets() throws {
        let text = "Émile said — “Hayat Tahrir al-Sham” — attacked."
        let m = try #require(Self.matcher.find(in: text, tokens: nil).first)
        #expect(text.slice(m.range) == "Hayat Tahrir al-Sham")
        #expect(m.range.start == Int32(text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "Hayat")!.lowerBound.samePosition(in: text.utf8)!)))
    }
}
