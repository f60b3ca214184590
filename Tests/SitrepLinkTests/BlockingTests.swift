import Testing
import SitrepCore
@testable import SitrepLink

@Suite struct BlockingTests {
    /// Mentions that exercise every kind of place key and date key.
    var varied: [EventMention] {
        let cellOnly = PlaceRef(name: "a desert well", lat: 34.9, lon: 38.1)
        let cellNear = PlaceRef(name: "another well", lat: 35.1, lon: 38.3)
        let countryOnly = PlaceRef(name: "Syria", id: "geonames:163843", lat: 35, lon: 38, country: "SY", precision: .country)
        return [
            mention("a#0", published: "2018-09-25", .transfer, origin: Places.deirEzZor, destination: Places.idlib, date: "2018-09-23"),
            mention("b#0", published: "2018-10-02", .transfer, origin: Places.deirEzZorProvince, date: "2018-09-30"),
            mention("c#0", published: "2018-09-25", .attack, location: cellOnly, date: "2018-09-23"),
            mention("d#0", published: "2018-09-25", .clash, location: cellNear, date: "2018-09-23"),
            mention("e#0", published: "2018-09-25", .capture, actors: [Actors.rebels], date: "2018-09-24"),
            mention("f#0", published: "2018-09-26", .abduction, actors: [Actors.rebels]),
            mention("g#0", .agreement, location: countryOnly),
            mention("h#0", .agreement, location: countryOnly, date: "2018-01-01", through: "2018-12-31"),
            mention("i#0", published: "2018-08-31", .release, location: Places.idlib, date: "2018-08-01", through: "2018-08-31", precision: .month),
            mention("j#0", published: "2018-09-03", .release, location: Places.idlibCity, date: "2018-09-02"),
        ]
    }

    @Test func numericAndTextKeysGroupTheSameMentions() {
        let ms = varied
        var interner = Interner()
        let features = ms.map { MentionFeatures($0, rules: sharedRules, interner: &interner) }
        let numeric = features.map { Set(Linker.blockKeys($0, rules: sharedRules)) }
        let text = ms.map { Set(BlockKey.keys(for: $0, rules: sharedRules).map(\.text)) }
        for i in ms.indices {
            #expect(numeric[i].count == text[i].count, "\(ms[i].id)")
            #expect(features[i].timeless == text[i].allSatisfy { $0.hasSuffix("|?") })
            for j in ms.indices where j > i {
                // The full linker's rule: a shared month block, or a shared `?` block with a timeless side.
                let shared = numeric[i].intersection(numeric[j])
                let numericCandidates = shared.contains { $0.month != 0 } || (!shared.isEmpty && (features[i].timeless || features[j].timeless))
                #expect(numericCandidates == BlockKey.areCandidates(text[i], text[j]), "\(ms[i].id) / \(ms[j].id)")
            }
        }
    }

    @Test func mentionsThatCouldMergeAreCandidates() {
        let text = varied.map { Set(BlockKey.keys(for: $0, rules: sharedRules).map(\.text)) }
        let c = { (i: Int, j: Int) in BlockKey.areCandidates(text[i], text[j]) }
        #expect(c(0, 1))    // Deir ez-Zor, a week apart: same governorate, overlapping months
        #expect(c(2, 3))    // same 2° cell, attack ~ clash family
        #expect(c(4, 5))    // no place: blocked by actor, capture ~ abduction family
        #expect(c(8, 9))    // August month against 2 September: the window reaches
        #expect(!c(0, 2))   // different families
        #expect(c(6, 7))    // no date and no publication day: meets everything of its place
        #expect(text[6].allSatisfy { $0.hasSuffix("|?") })
        // Two dated mentions of one place years apart share only the place's `?` block: not candidates.
        let old = mention("z#0", published: "2016-03-02", .transfer, origin: Places.deirEzZor, date: "2016-03-01")
        let oldKeys = Set(BlockKey.keys(for: old, rules: sharedRules).map(\.text))
        #expect(!oldKeys.isDisjoint(with: text[0]))
        #expect(!BlockKey.areCandidates(oldKeys, text[0]))
    }

    @Test func aReportWithNoTimeAtAllStillMeetsADatedOneOfItsPlace() {
        // No date and no publication day (ingestion found none): place, actors and count decide.
        let undated = mention("u#0", outlet: "U", .transfer, actors: [Actors.isisPatient], count: Quantity(min: 400, max: 400, approximate: true),
                              origin: Places.deirEzZor, destination: Places.idlib)
        let events = link([septemberTransfer("a#0", outlet: "A"), undated])
        #expect(together("a#0", "u#0", in: events))
    }
}
