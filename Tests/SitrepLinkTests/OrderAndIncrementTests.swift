import Testing
import SitrepCore
@testable import SitrepLink

/// A few hundred invented mentions with many near misses: the same places, overlapping dates, mixed types.
func crowdedMentions(seed: UInt64) -> [EventMention] {
    var out: [EventMention] = []
    var generator = SyntheticMentions(seed: seed)
    generator.eventsPerDay = 12 // crowded: many candidates per block
    generator.generate(count: 400) { out.append($0) }
    // Every ninth report with no time at all (no date, no publication day): blocked by place alone.
    for i in stride(from: 0, to: out.count, by: 9) { out[i].date = nil; out[i].published = nil }
    return out
}

func partition(_ events: [LinkedEvent]) -> Set<Set<String>> { Set(events.map { Set($0.mentionIDs) }) }

struct SeededShuffle: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; return MinHashSignature.mix(state) }
}

@Suite struct OrderIndependenceTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func shuffledInputGivesTheSameEvents(seed: UInt64) {
        let ms = crowdedMentions(seed: 11)
        var rng = SeededShuffle(state: seed)
        let reference = link(ms)
        let shuffled = link(ms.shuffled(using: &rng))
        #expect(reference == shuffled) // same records, ids, mention order, merges and rules
        #expect(reference.count < ms.count) // the generator's repeated reports did merge
        #expect(reference.count > ms.count / 6)
    }

    @Test func eventIDsAreStableAcrossRunsAndComeFromTheFirstReport() {
        let events = link([septemberTransfer("b#0", outlet: "B", published: "2018-09-26"), septemberTransfer("a#0", outlet: "A", published: "2018-09-25")])
        #expect(events[0].record.id == EventBuilder.eventID(firstMention: "a#0"))
        #expect(events[0].record.id == "ev_" + String(ContentHash.hex(MinHashSignature.mix(ContentHash.fnv1a64("a#0"))).prefix(12)))
        #expect(events[0].record.mentions.map(\.document) == ["a", "b"])
    }
}

@Suite struct IncrementalLinkingTests {
    @Test(arguments: [21, 22, 23] as [UInt64])
    func addingDocumentsOneByOneEqualsLinkingAllAtOnce(seed: UInt64) throws {
        let ms = crowdedMentions(seed: 5)
        let byDocument = Dictionary(grouping: ms, by: \.document)
        var rng = SeededShuffle(state: seed)
        let store = MemoryLinkStore(rules: sharedRules)
        for doc in byDocument.keys.sorted().shuffled(using: &rng) { try store.replace(document: doc, with: byDocument[doc]!) }
        #expect(store.partition == partition(link(ms)))
        #expect(Set(store.events.keys) == Set(link(ms).map(\.record.id)))
    }

    @Test func reanalysingADocumentReplacesItsMentions() throws {
        let store = MemoryLinkStore(rules: sharedRules)
        try store.replace(document: "a", with: [septemberTransfer("a#0", outlet: "A")])
        try store.replace(document: "b", with: [septemberTransfer("b#0", outlet: "B")])
        #expect(store.partition == [["a#0", "b#0"]])
        // Re-analysis now finds a surrender in b: the transfer event loses b, a new event holds it.
        try store.replace(document: "b", with: [mention("b#0", published: "2018-09-25", .surrender, location: Places.idlib, date: "2018-09-23")])
        #expect(store.partition == [["a#0"], ["b#0"]])
        try store.replace(document: "b", with: [])
        #expect(store.partition == [["a#0"]])
    }

    @Test func anUnrelatedDocumentRebuildsOnlyItsOwnEvent() throws {
        let store = MemoryLinkStore(rules: sharedRules)
        try store.replace(document: "a", with: [septemberTransfer("a#0", outlet: "A")])
        try store.replace(document: "b", with: [septemberTransfer("b#0", outlet: "B")])
        let before = store.events
        try store.replace(document: "c", with: [mention("c#0", published: "2019-01-02", .attack, count: .exactly(3), location: Places.mosul, date: "2019-01-01")])
        #expect(store.lastRebuilt == 1)
        for (id, e) in before { #expect(store.events[id] == e) }
    }

    @Test func aBridgingReportMergesTwoEventsAndItsRemovalSplitsThem() throws {
        // a (Jisr al-Shughur) and c (Saraqib) are 43 km apart: beyond a clash's 30 km, not merged alone;
        // b in Idlib city lies within 30 km of both (complete-link still keeps a and c apart).
        let store = MemoryLinkStore(rules: sharedRules)
        let a = mention("a#0", published: "2019-03-02", .clash, actors: [Actors.rebels], count: .exactly(12), location: Places.jisrShughur, date: "2019-03-01")
        let c = mention("c#0", published: "2019-03-02", .attack, actors: [Actors.rebels], count: .exactly(12), location: Places.saraqib, date: "2019-03-01")
        try store.replace(document: "a", with: [a])
        try store.replace(document: "c", with: [c])
        let b = mention("b#0", published: "2019-03-02", .clash, actors: [Actors.rebels], count: .exactly(12), location: Places.idlibCity, date: "2019-03-01")
        try store.replace(document: "b", with: [b])
        #expect(store.partition == partition(link([a, b, c])))
        try store.replace(document: "b", with: [])
        #expect(store.partition == partition(link([a, c])))
    }
}

@Suite struct RelationTests {
    @Test func exchangeAndPartOfLinksInOneDocumentConnectTheCanonicalEvents() {
        // Document a: the transfer in exchange for a release, both part of a deal. Document b: the transfer only.
        let transfer = septemberTransfer("a#0", outlet: "A")
        var withLinks = transfer
        withLinks.relations = [MentionRelation(relation: .exchange, target: "a#1"), MentionRelation(relation: .partOf, target: "a#2")]
        let release = mention("a#1", outlet: "A", published: "2018-09-25", .release, count: .exactly(6, of: "hostages"), location: Places.sweida, date: "2018-09-24")
        let deal = mention("a#2", outlet: "A", published: "2018-09-25", .agreement, actors: [ActorRole(role: .party, id: "syria-gov", name: "Syrian government")],
                           location: Places.deirEzZor, date: "2018-09-22")
        let other = septemberTransfer("b#0", outlet: "B")
        let events = link([withLinks, release, deal, other])
        #expect(events.count == 3)
        let t = event(of: "a#0", in: events)!, r = event(of: "a#1", in: events)!, d = event(of: "a#2", in: events)!
        #expect(t.mentionIDs.contains("b#0"))
        #expect(Set(t.record.related) == [Relation(relation: .exchange, event: r.record.id), Relation(relation: .partOf, event: d.record.id)])
        #expect(r.record.related == [Relation(relation: .exchange, event: t.record.id)])
        #expect(d.record.related.isEmpty)
    }
}
