import Foundation
import SitrepCore
import Testing
@testable import SitrepKnowledge

@Suite struct ActorDictionaryTests {
    static let dictionary = try! ActorDictionary.loadDefault()

    @Test(arguments: ["ISIS", "IS", "ISIL", "Islamic State", "Daesh", "Da’esh", "the Islamic State group",
                      "Islamic State of Iraq and the Levant"])
    func islamicStateAliasesShareOneID(alias: String) {
        #expect(Self.dictionary.lookup(alias)?.id == "isis")
    }

    @Test(arguments: ["HTS", "Hayat Tahrir al-Sham", "Hay‘at Tahrir a-Sham", "Hay'at Tahrir al Sham", "HAYAT TAHRIR AL-SHAM",
                      "Hayat Tahrir el-Sham", "Tahrir al-Sham"])
    func tahrirAlShamSpellingsShareOneID(alias: String) {
        #expect(Self.dictionary.lookup(alias)?.id == "hts")
    }

    @Test(arguments: ["the regime", "regime forces", "the Syrian army", "Assad's forces", "Assad’s forces", "SAA",
                      "Syrian government forces", "pro-government forces"])
    func regimeSpellingsShareOneID(alias: String) {
        #expect(Self.dictionary.lookup(alias)?.id == "syria-gov")
    }

    @Test func shortAcronymsMatchOnlyAsWritten() {
        #expect(Self.dictionary.lookup("is") == nil)
        #expect(Self.dictionary.lookup("Is") == nil)
        #expect(Self.dictionary.lookup("ap") == nil)
        #expect(Self.dictionary.lookup("AP")?.id == "ap")
        #expect(Self.dictionary.lookup("Sana") == nil)
        #expect(Self.dictionary.lookup("SANA")?.id == "syria-sana")
        #expect(Self.dictionary.lookup("The National")?.id == "the-national")
        #expect(Self.dictionary.lookup("the national") == nil)
    }

    @Test func diacriticsAndArticleFormsFold() {
        #expect(Self.dictionary.lookup("Recep Tayyip Erdogan")?.id == "recep-tayyip-erdogan")
        #expect(Self.dictionary.lookup("Jaish a-Nasr")?.id == "jaish-al-nasr")
        #expect(Self.dictionary.lookup("Khalid ibn al-Walid Army")?.id == "isis-khalid-bin-al-walid")
        #expect(Self.dictionary.lookup("Al Jazeera")?.id == "al-jazeera")
        #expect(Self.dictionary.lookup("Alqaeda")?.id == "al-qaeda")
        #expect(Self.dictionary.lookup("Jaish Khalid bin Alwaleed")?.id == "isis-khalid-bin-al-walid")
        #expect(Self.dictionary.lookup("Alexander") == nil)
    }

    @Test func renamedGroupsCarryTheirDates() throws {
        let nusra = try #require(Self.dictionary.lookup("Nusra Front"))
        let day = CalendarDay(year: 2018, month: 9, day: 23)!
        #expect(nusra.id == "jabhat-al-nusra")
        #expect(!nusra.isValid(on: day))
        #expect(Self.dictionary.entry(id: "hts")?.isValid(on: day) == true)
        #expect(Self.dictionary.entry(id: "jabhat-fatah-al-sham")?.validTo == CalendarDay(year: 2017, month: 1, day: 28))
    }

    @Test func factionsPointToTheirUmbrella() {
        #expect(Self.dictionary.entry(id: "rami-abdel-rahman")?.parent == "sohr")
        #expect(Self.dictionary.entry(id: "jaish-al-islam")?.parent == "fsa")
        #expect(Self.dictionary.lookup("Iranian-linked militias")?.id == "iran-backed-militias")
    }

    @Test func everyParentIsAnEntryAndDictionaryIsBroad() {
        let actors = Self.dictionary.actors
        #expect(actors.count >= 300)
        for a in actors { if let p = a.parent { #expect(Self.dictionary.entry(id: p) != nil, "\(a.id!) → \(p)") } }
        #expect(Set(actors.map(\.kind)).isSuperset(of: [.state, .stateForce, .armedGroup, .monitor, .media, .person,
                                                        .internationalOrganisation, .governmentBody, .internationalForce]))
    }

    @Test func nearMissesDoNotMatch() {
        for name in ["Tahrir Square", "Islamic", "Observatory", "Syrian", "Nusrat", "Hayat", "Assads", "Sham", "Alsham", "Elmira"] {
            #expect(Self.dictionary.lookup(name) == nil, "\(name)")
        }
    }

    @Test func loaderErrorsNameFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actor-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, Int)] = [
            ("# header\nfoo\tFoo\tstate\t\t\t\t\t\nbar\tBar\tpirate\t\t\t\t\t\n", "data.unknownKind", 3),
            ("foo\tFoo\tstate\t\t\t\t\t\n# c\nbar\tBar\tstate\tFoo\t\t\t\t\n", "data.duplicateAlias", 3),
            ("\nfoo\tFoo\tstate\t\tnowhere\t\t\t\n", "data.unknownParent", 2),
            ("foo\tFoo\tstate\t\t\tSYR\t\t\n", "data.badCountry", 1),
            ("# a\n# b\nfoo\tFoo\tstate\t\t\t\t2018-13-01\t\n", "data.badDate", 3),
            ("foo\tFoo\n", "data.unknownKind", 1),
            ("foo\tFoo\tstate\tx\ty\tSY\t\t\tz\n", "data.badRow", 1),
        ]
        for (n, (text, code, line)) in cases.enumerated() {
            let url = dir.appendingPathComponent("case\(n).tsv")
            try text.write(to: url, atomically: true, encoding: .utf8)
            let error = #expect(throws: SitrepError.self) { try ActorDictionary.load(from: [url]) }
            #expect(error?.code == code)
            #expect(error?.input == "\(url.path):\(line)", "\(code)")
        }
    }

    @Test func everyShippedFileLoads() throws {
        let matcher = try ActorMatcher.loadDefault()
        #expect(matcher.dictionary.entries.contains { $0.id == nil && $0.name == "rebel forces" })
        #expect(!matcher.roles.values.isEmpty && !matcher.nameWords.values.isEmpty)
        let recogniser = try EntityRecognizer.loadDefault()
        #expect(recogniser.weights.count > 10_000)
    }
}
