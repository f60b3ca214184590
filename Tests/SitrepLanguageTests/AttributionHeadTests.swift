import Testing
import SitrepCore
@testable import SitrepLanguage

/// The source span takes the whole noun phrase before a reporting verb: every modifier before the head
/// (lowercase nouns and adjectives, capitalised words) back to a determiner, clause boundary, preposition or verb.
@Suite struct AttributionHeadTests {
    /// Text, expected source text, and its byte offset in the text.
    static let cases: [(String, String, Int)] = [
        ("The air force said two jets were lost over the sea.", "The air force", 0),
        ("Two jets were lost over the sea, the air force said.", "the air force", 33),
        ("The border police said the crossing was closed for the night.", "The border police", 0),
        ("The interior ministry said four officers were hurt in the blast.", "The interior ministry", 0),
        ("The coast guard said a small boat capsized near the island.", "The coast guard", 0),
        ("The national army said it had retaken the hill by noon.", "The national army", 0),
        ("Local security forces told the radio that the road was cut.", "Local security forces", 0),
        ("The Red Crescent said twelve ambulances were sent to the camp.", "The Red Crescent", 0),
        ("On Tuesday the river police said three bodies were recovered.", "the river police", 11),
        ("Shops stayed shut all week, city transport officials said.", "city transport officials", 28),
        ("After the raid, provincial health authorities said nine were wounded.", "provincial health authorities", 16),
        ("A spokesman for the harbour authority said the cranes were idle.", "A spokesman", 0),
        ("Mr Haddad said the convoy was stopped at the gate.", "Mr Haddad", 0),
        ("Two jets were lost over the sea, said the air force.", "the air force", 38),
        ("The depot burned for hours, said the coast guard, which sent two boats.", "the coast guard", 33),
        ("According to the city transport authority, the depot burned for hours.", "the city transport authority", 13),
        ("The bridge was mined overnight, army engineers said.", "army engineers", 32),
        ("The depot burned for hours, as fire brigade officers said.", "fire brigade officers", 31),
        ("The depot burned for hours when rescue workers said it was safe.", "rescue workers", 32),
        ("Neither Omar nor Salim said the depot was safe.", "Salim", 17),
    ]

    @Test(arguments: cases)
    func sourceSpanTakesTheWholeNounPhrase(_ text: String, _ source: String, _ offset: Int) {
        let a = Analysed(text)
        let found = a.attributions.first
        #expect(a.slice(found?.source) == source, "\(a.dump)")
        #expect(found.map { Int($0.source.start) } == offset, "\(a.dump)")
    }
}
