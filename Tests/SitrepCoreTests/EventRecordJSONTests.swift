import Foundation
import Testing
@testable import SitrepCore

@Suite struct EventRecordJSONTests {
    func sample() -> EventRecord {
        EventRecord(
            id: "ev_000001", type: .transfer, summary: "About 200 fighters moved from A to B",
            date: EventDate(start: CalendarDay(iso: "2019-03-02")!, end: CalendarDay(iso: "2019-03-02")!, text: "on Saturday"),
            actors: [ActorRole(role: .agent, id: "syria-gov", name: "Syrian government"),
                     ActorRole(role: .patient, id: nil, name: "militants")],
            count: Quantity(min: 200, max: 200, approximate: true, of: "fighters", text: "some 200 fighters"),
            origin: PlaceRef(name: "A", id: "geonames:1", lat: 35.0, lon: 40.0, admin1: "X", country: "SY", precision: .city),
            certainty: .reported,
            mentions: [MentionRecord(document: "doc_1", outlet: "Example Wire", published: CalendarDay(iso: "2019-03-04"),
                                     attributedTo: "a monitor", certainty: .reported,
                                     evidence: Evidence(text: "some 200 fighters were moved", range: TextRange(10, 38)))],
            corroboration: Corroboration(documents: 1, outlets: 1, independentOrigins: 1),
            contradictions: [Contradiction(field: .count, values: [30, 36], mentions: [0, 1])],
            related: [Relation(relation: .exchange, event: "ev_000002")])
    }

    @Test func encodesTheContractsKeysWithExplicitNulls() throws {
        let data = try JSONEncoder().encode(sample())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected: Set<String> = ["id", "type", "summary", "date", "actors", "count", "fatalities", "location",
                                     "origin", "destination", "certainty", "mentions", "corroboration",
                                     "contradictions", "related"]
        #expect(Set(object.keys) == expected)
        #expect(object["fatalities"] is NSNull)
        #expect(object["location"] is NSNull)
        let mention = try #require((object["mentions"] as? [[String: Any]])?.first)
        #expect(mention["attributed_to"] as? String == "a monitor")
        #expect(mention["published"] as? String == "2019-03-04")
        let evidence = try #require(mention["evidence"] as? [String: Any])
        #expect(evidence["start"] as? Int == 10 && evidence["end"] as? Int == 38)
        let corroboration = try #require(object["corroboration"] as? [String: Any])
        #expect(corroboration["independent_origins"] as? Int == 1)
        let date = try #require(object["date"] as? [String: Any])
        #expect(date["start"] as? String == "2019-03-02")
        let actors = try #require(object["actors"] as? [[String: Any]])
        #expect(actors[1]["id"] is NSNull)
    }

    @Test func roundTrips() throws {
        let record = sample()
        let decoded = try JSONDecoder().decode(EventRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
    }

    @Test func vagueCountsAreCompatibleWithExactOnesInsideTheirRange() {
        let hundreds = Quantity(min: 200, max: 999, approximate: true)
        #expect(hundreds.isCompatible(with: .exactly(400)))
        #expect(!Quantity.exactly(400).isCompatible(with: .exactly(200)))
        #expect(!Quantity.exactly(30).isCompatible(with: .exactly(36)))
    }
}
