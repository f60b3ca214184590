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
        let numeric = ms.map { Set(Linker.blockKeys(MentionFeatures($0, rules: sharedRules, interner: &interner), rules: sharedRules)) }
        let text = ms.map { Set(BlockKey.keys(for: $0, rules: sharedRules).map(\.text)) }
        for i in ms.indices {
            #expect(numeric[i].count == text[i].count, "\(ms[i].id)")
            for j in ms.indices where j > i {
                #expect(!numeric[i].isDisjoint(with: numeric[j]) == !text[i].isDisjoint(with: text[j]), "\(ms[i].id) / \(ms[j].id)")
            }
        }
    }

    @Test func mentionsThatCouldMergeShareAKey() {
        let text = varied.map { Set(BlockKey.keys(for: $0, rules: sharedRules).map(\.text)) }
        #expect(!text[0].isDisjoint(with: text[1]))   // Deir ez-Zor, a week apart: same governorate, overlapping months
        #expect(!text[2].isDisjoint(with: text[3]))   // same 2° cell, attack ~ clash family
        #expect(!text[4].isDisjoint(with: text[5]))   // no place: blocked by actor, capture ~ abduction family
        #expect(!text[8].isDisjoint(with: text[9]))   // August month against 2 September: the window reaches
        #expect(text[0].isDisjoint(with: text[2]))    // different families
        #expect(text[6].isDisjoint(with: text[7]))   // no date and no publication day: only meets mentions without either
        #expect(text[6].allSatisfy { $0.hasSuffix("|?") })
    }
}
