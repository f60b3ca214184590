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

    /// Text, expected source, expected affiliation ("-" for none).
    static let ofCases: [(String, String, String)] = [
        ("The top commander of a northern rebel militia said on Friday that two villages were retaken.",
         "The top commander", "a northern rebel militia"),
        ("The head of the provincial health department said nine bodies were found.", "The head", "the provincial health department"),
        ("According to the director of the city hospital, eleven people were treated.", "the director", "the city hospital"),
        ("Two roads were closed, said the chief of the district police.", "the chief", "the district police"),
        ("A deputy of Kassem's movement told reporters the vote was rigged.", "A deputy", "Kassem's movement"),
        // No determiner or name after "of": one phrase.
        ("A group of local activists said the market was shelled.", "A group of local activists", "-"),
        // A name after "of" is part of the name: "Ministry of Defence" is capitalised.
        ("The Ministry of Defence said the drills were over.", "The Ministry of Defence", "-"),
    ]

    @Test(arguments: ofCases)
    func aHeadBeforeOfTakesWhatFollowsAsItsAffiliation(_ text: String, _ source: String, _ affiliation: String) {
        let a = Analysed(text)
        let found = a.attributions.first
        #expect(a.slice(found?.source) == source, "\(a.dump)")
        #expect((a.slice(found?.affiliation) ?? "-") == affiliation, "\(a.dump)")
    }

    /// Words glued together by page cleaning end the phrase: text, expected source.
    static let gluedCases: [(String, String)] = [
        ("Smoke filled the roomThe army said the building was safe.", "army"),
        ("Two shells landed near the school reviewA senior police official said the road was shut.", "senior police official"),
        ("Crowds gathered in the square'Stay calm'City police chiefs said the march would go ahead.", "police chiefs"),
        ("Rain fell over SyriaThe army said the roads were open.", "army"),
        // A glued word right before the verb: its capitalised tail.
        ("The case went to trialProsecutors said the man fled.", "Prosecutors"),
        ("Two Students InjuredAn alleged raid left the campus shut.", "-"),
        // Inner capitals that are names, not glue.
        ("McGregor said the fight would go ahead.", "McGregor"),
        ("BellSouth executives said the deal was off.", "BellSouth executives"),
        ("The Cote d'Ivoire army said the border was calm.", "The Cote d'Ivoire army"),
    ]

    @Test(arguments: gluedCases)
    func gluedWordsAreNoModifiers(_ text: String, _ source: String) {
        let a = Analysed(text)
        #expect((a.slice(a.attributions.first?.source) ?? "-") == source, "\(a.dump)")
    }

    /// A determiner of one and a noun before a plural head (a relative clause without "that"): text, expected source.
    static let reducedRelativeCases: [(String, String)] = [
        ("The council approved the plan, a move analysts say will cut costs.", "analysts"),
        ("Troops left the town overnight, another sign officials said pointed to a truce.", "officials"),
        ("It was the third raid this month, an indication local commanders said showed a new tactic.", "local commanders"),
        // A singular head, adjectives only, or "of": one phrase.
        ("A key witness said the car sped away.", "A key witness"),
        ("A senior official said the talks had stalled.", "A senior official"),
        ("A group of experts said the dam was at risk.", "A group of experts"),
    ]

    @Test(arguments: reducedRelativeCases)
    func aSingularNounBeforeAPluralHeadEndsThePhrase(_ text: String, _ source: String) {
        let a = Analysed(text)
        #expect(a.slice(a.attributions.first?.source) == source, "\(a.dump)")
    }

    /// A time phrase or a relative clause with "who" between the source and its verb: text, expected source.
    static let betweenCases: [(String, String)] = [
        ("The provincial police command on Thursday said it had seized forty rifles.", "The provincial police command"),
        ("The ministry earlier this month announced that the border would reopen.", "The ministry"),
        ("The aid agency yesterday said trucks had reached the town.", "The aid agency"),
        ("Officials who spoke on condition of anonymity said the raid was planned.", "Officials"),
        ("Farmers who fled the valley told reporters the wells were dry.", "Farmers"),
        ("Villagers who said they saw the drone were moved to the school.", "Villagers"),
        // "who" in an earlier clause joined by "and" is not the subject's.
        ("She thanked the doctors who treated her and said she would return.", "She"),
    ]

    @Test(arguments: betweenCases)
    func aTimePhraseOrRelativeClauseBeforeTheVerbIsNoSource(_ text: String, _ source: String) {
        let a = Analysed(text)
        #expect(a.slice(a.attributions.first?.source) == source, "\(a.dump)")
    }

    /// Phrase edges after the head-phrase rules: text, expected source ("-" for no attribution).
    static let edgeCases: [(String, String)] = [
        // "who" as the object of its clause: the pronoun after it is the subject.
        ("Police arrested Omar Haddad, who they suspected of planting the bomb.", "they"),
        // A conjunction or question word is no modifier before a name.
        ("The town had fallen overnight, although Damascus insisted it was calm.", "Damascus"),
        ("\"Part Two\" explains how Leila's brother left the village.", "-"),
        // A bracket glued to the next word closes a quoted passage.
        ("\"We will not leave [at any price]Haddad said on the radio.", "Haddad"),
        // A name before a comma and a lowercase title phrase.
        ("Samir Nasser, deputy director general of the Port Authority said the cranes were idle.", "Samir Nasser"),
        // A bare noun before a verb form in -s is one plural noun with it.
        ("The plan was backed at a meeting at which member states unanimously agreed to act.", "-"),
        ("Local media reports said the bridge was down.", "Local media reports"),
    ]

    @Test(arguments: edgeCases)
    func phraseEdges(_ text: String, _ source: String) {
        let a = Analysed(text)
        #expect((a.slice(a.attributions.first?.source) ?? "-") == source, "\(a.dump)")
    }
}
