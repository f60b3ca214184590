import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Where an unknown name lies from the words right around it (a possessive place before it, an organisation named
/// "of" a division, initials of a country the story is about), and one reading per town name in a document.
@Suite struct PlaceLocalContextTests {
    static let matcher = PlaceFallbackTests.matcher
    let t = PlaceFallbackTests()

    @Test(arguments: [
        // (text, the unknown name, the focus town and country, the expected place)
        ("Volunteers from Winnipeg's Riverside Animal Shelter drove east, the ministry in Halifax said.",
         "Riverside Animal Shelter", "Halifax", "CA", "Winnipeg"),
        ("Volunteers from Winnipeg’s Riverside Animal Shelter drove east, the ministry in Halifax said.",
         "Riverside Animal Shelter", "Halifax", "CA", "Winnipeg"),
        ("Staff at Manitoba's Prairie Seed Bank counted the samples, officials in Halifax said.",
         "Prairie Seed Bank", "Halifax", "CA", "Manitoba"),
        // A country is no owner: the focus stays.
        ("Canada's Riverside Animal Shelter drove east, the ministry in Halifax said.",
         "Riverside Animal Shelter", "Halifax", "CA", "Halifax"),
        // No possessive: the focus stays.
        ("Volunteers from Winnipeg and the Riverside Animal Shelter drove east, the ministry in Halifax said.",
         "Riverside Animal Shelter", "Halifax", "CA", "Halifax"),
    ])
    func possessivePlaceBeforeTheNameLocatesIt(_ text: String, _ name: String, _ town: String, _ cc: String, _ expected: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try t.mention(town, cc, 0).place
        let p = try #require(Self.matcher.fallback(for: try t.span(name, in: text), in: text, found: found, focus: focus))
        #expect(p.name == expected, "\(name) → \(p.name)")
    }

    @Test(arguments: [
        // (text, the acronym, the expected place: the focus's country or a division found)
        ("Platinum output fell near Rustenburg and Polokwane in Limpopo, and SA exports slowed.", "SA", "South Africa"),
        ("Farmers near Dubbo and Wagga Wagga in New South Wales said NSW growers expect rain.", "NSW", "New South Wales"),
        // Initials of nothing the document names: the focus (nil here).
        ("Platinum output fell near Rustenburg and Polokwane in Limpopo, and XQ exports slowed.", "XQ", nil),
    ] as [(String, String, String?)])
    func initialsOfACountryOrDivisionTheStoryIsAbout(_ text: String, _ acronym: String, _ expected: String?) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try #require(Self.matcher.focus(of: found))
        let p = try #require(Self.matcher.fallback(for: try t.span(acronym, in: text), in: text, found: found, focus: focus))
        #expect(p.name == expected ?? focus.name, "\(acronym) → \(p.name)")
    }

    @Test func organisationNamedOfADivisionAbroadIsPlacedByIt() throws {
        let text = "She worked at the Bank of Manitoba before the firm moved her to Chicago, and later to Denver."
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try t.mention("Chicago", "US", 0).place
        let p = try #require(Self.matcher.fallback(for: try t.span("Bank of Manitoba", in: text), in: text, found: found, focus: focus))
        #expect(p.name == "Manitoba" && p.precision == .admin1, "→ \(p.name)")
    }

    @Test(arguments: [
        // (text, the span, the expected entry's name)
        ("Surfers drove up the West Coast from Eureka to Coos Bay in Oregon.", "West Coast", "West Coast"),
    ])
    func theWestCoastIsARegion(_ text: String, _ name: String, _ expected: String) throws {
        let r = Self.matcher.resolve(spans: [try t.span(name, in: text)], in: text)
        let p = try #require(r.first ?? nil).place
        #expect(p.name == expected, "\(name) → \(p.name)")
    }

    @Test(arguments: [
        // (text, the country's name standing alone after the longer name that begins with it)
        ("Ships left Kuwait City at dawn; Kuwait said the convoy carried grain.", "Kuwait"),
        ("Buses left Kuwait City on Sunday, and Kuwait said more would follow.", "Kuwait"),
    ])
    func countryNamedAloneAfterItsCapitalsLongerNameIsTheCountry(_ text: String, _ name: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let alone = try t.span(name + " said", in: text)
        let m = try #require(found.first { $0.range.start == alone.start })
        #expect(m.place.precision == .country, "\(name) → \(m.place.name)")
    }

    @Test(arguments: [
        // (text, a longer name that opens with the town's name, the text after the bare name, the expected entry's name)
        ("Suffolk County detectives reopened the case, the Suffolk Times reported on Friday.", "Suffolk County", " Times", "Suffolk County"),
        ("Deputies of Orange County met on Tuesday, the Orange Gazette wrote.", "Orange County", " Gazette", "Orange County"),
    ])
    func givenSpanTheScanFindsIsEvidenceAsWhenNotGiven(_ text: String, _ longer: String, _ after: String, _ expected: String) throws {
        // The longer name given as a span too (as gold toponyms are given) still makes the bare name that name.
        let bare = try t.span(String(longer.split(separator: " ")[0]) + after, in: text)
        let bareName = TextRange(start: bare.start, end: bare.end - Int32(after.utf8.count))
        let given = Self.matcher.resolve(spans: [try t.span(longer, in: text), bareName], in: text)
        let alone = Self.matcher.find(in: text, tokens: nil).first { $0.range.start == bareName.start }
        #expect(given.count == 2)
        #expect(given.last??.place.name == expected, "given → \(given.last??.place.name ?? "-")")
        if let alone { #expect(alone.place.name == expected, "found → \(alone.place.name)") }
    }

    @Test(arguments: [
        // (text, the expected readings' first-level division for every mention of the town's name)
        ("Police in Riverdale, N.J., closed the road. Riverdale officials said the Riverdale Quick Stop Mart was robbed, "
            + "and a Riverdale council member asked for cameras, New Jersey police said.", "New Jersey"),
    ])
    func oneReadingPerTownNameInADocument(_ text: String, _ division: String) {
        let found = Self.matcher.find(in: text, tokens: nil).filter { $0.place.name == "Riverdale" }
        #expect(found.count >= 3)
        for m in found { #expect(m.place.admin1 == division, "\(m.range.start) → \(m.place.admin1 ?? "-")") }
    }

    @Test(arguments: [
        // The document's towns lie in the state: the bare name is the state, though "Washington, D.C." is named too.
        ("Crews from Seattle, Tacoma and Spokane trained in central Washington before flying to Washington, D.C.",
         "central Washington", "Washington"),
    ])
    func divisionWhereTheDocumentsTownsLieOutweighsALongerName(_ text: String, _ name: String, _ expected: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let s = try t.span(name, in: text)
        let m = try #require(found.first { $0.range.start == s.start })
        #expect(m.place.name == expected && m.place.precision == .admin1, "\(name) → \(m.place.name)")
    }

    @Test(arguments: [
        // (text, the unknown name, the focus town and country, the expected place)
        // A town ending the name locates it, abroad too.
        ("A trade attache at the Canadian Consulate Tokyo said talks in Halifax went well.", "Canadian Consulate Tokyo", "Halifax", "CA", "Tokyo"),
        // A town opening it may be its namesake: abroad, the focus.
        ("The Tokyo Noodle Bar opened its doors in Halifax last week.", "Tokyo Noodle Bar", "Halifax", "CA", "Halifax"),
    ])
    func townEndingTheNameLocatesIt(_ text: String, _ name: String, _ town: String, _ cc: String, _ expected: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try t.mention(town, cc, 0).place
        let p = try #require(Self.matcher.fallback(for: try t.span(name, in: text), in: text, found: found, focus: focus))
        #expect(p.name == expected, "\(name) → \(p.name)")
    }

    @Test(arguments: [
        // (text, the unknown name as it stands alone, the focus town and country, the expected place)
        ("Inspectors from Winnipeg's Fernhollow Cargo Terminal met us. Later, 300 crates passed through Fernhollow, officials in Halifax said.",
         "Fernhollow,", "Halifax", "CA", "Winnipeg"),
        ("Delegates met at the Lakeview Assembly Hall in Winnipeg. Lakeview then closed for repairs, the ministry in Halifax said.",
         "Lakeview then", "Halifax", "CA", "Winnipeg"),
        // Located nowhere in the document: the focus.
        ("Inspectors from the Fernhollow Cargo Terminal met us. Later, 300 crates passed through Fernhollow, officials in Halifax said.",
         "Fernhollow,", "Halifax", "CA", "Halifax"),
    ])
    func unknownNameLocatedElsewhereInTheDocument(_ text: String, _ needle: String, _ town: String, _ cc: String, _ expected: String) throws {
        // The span is the needle's first word, at its last occurrence (the bare mention).
        let word = String(needle.prefix { $0 != "," && $0 != " " })
        let r = try #require(text.utf8.ranges(of: needle.utf8).last)
        let s = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
        let span = TextRange(start: Int32(s), end: Int32(s + word.utf8.count))
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try t.mention(town, cc, 0).place
        let p = try #require(Self.matcher.fallback(for: span, in: text, found: found, focus: focus))
        #expect(p.name == expected, "\(word) → \(p.name)")
    }

    @Test(arguments: [
        // (text, the name as found, the expected precision): "state" after a name, "upstate" before it, make it the
        // division; without them the city stays.
        ("Gunmen attacked two villages in Kaduna state on Sunday.", "Kaduna state", PlaceRef.Precision.admin1),
        ("Farmers in upstate New York lost their harvest.", "upstate New York", .admin1),
        ("Lawmakers in Washington state voted on Monday.", "Washington state", .admin1),
        ("The mayor of Kaduna spoke on Monday.", "Kaduna", .city),
    ])
    func stateAfterOrUpstateBeforeMakesTheDivision(_ text: String, _ name: String, _ precision: PlaceRef.Precision) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let s = try t.span(name, in: text)
        let m = try #require(found.first { $0.range.start == s.start && $0.range.end == s.end })
        #expect(m.place.precision == precision, "\(name) → \(m.place.name) \(m.place.precision?.rawValue ?? "-")")
    }

    @Test(arguments: [
        // (text, the unknown name, the focus town and country, the expected place): a town of 50,000 or more that ends
        // the name and was not found inside it locates it; a small place or a common word there does not.
        ("She read history at Robinson College Cambridge before joining a firm in Leeds and later in York.",
         "Robinson College Cambridge", "Leeds", "GB", "Cambridge"),
        ("The concert at the Barclays Center drew crowds, officials in Boston said.",
         "Barclays Center", "Boston", "US", "Boston"),
        ("Students of Greyfield Career College marched, officials in Boston said.",
         "Greyfield Career College", "Boston", "US", "Boston"),
        // The word is a common noun in this document: the focus stays.
        ("The tour passed the Marigny Plantation; the plantation once covered the blocks near the river, officials in Boston said.",
         "Marigny Plantation", "Boston", "US", "Boston"),
    ])
    func aTownEndingTheNameLocatesIt(_ text: String, _ name: String, _ town: String, _ cc: String, _ expected: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try t.mention(town, cc, 0).place
        let p = try #require(Self.matcher.fallback(for: try t.span(name, in: text), in: text, found: found, focus: focus))
        #expect(p.name == expected, "\(name) → \(p.name)")
        if expected == "Cambridge" { #expect(p.country == "GB") }
    }
}
