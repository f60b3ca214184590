import SitrepCore
import Testing
@testable import SitrepLanguage

struct QuantityFinderTests {
    /// (sentence, the quantity's text, expected value)
    static let counts: [(String, String, Expected)] = [
        ("Rebels freed 1,000 prisoners overnight.", "1,000", Expected(.count, 1000, 1000, of: "prisoners")),
        ("The convoy carried 3.5 million people.", "3.5 million", Expected(.count, 3_500_000, 3_500_000, of: "people")),
        ("Four hundred fighters left the town.", "Four hundred", Expected(.count, 400, 400, of: "fighters")),
        ("They held thirty-six female hostages.", "thirty-six", Expected(.count, 36, 36, of: "hostages")),
        ("They captured a hundred soldiers.", "a hundred", Expected(.count, 100, 100, of: "soldiers")),
        ("About three million refugees crossed.", "About three million", Expected(.count, 3_000_000, 3_000_000, approximate: true, of: "refugees")),
        ("A dozen buses arrived at dawn.", "A dozen", Expected(.count, 12, 12, of: "buses")),
        ("One hundred and twenty detainees were freed.", "One hundred and twenty", Expected(.count, 120, 120, of: "detainees")),
        ("Some 400 ISIS fighters were moved.", "Some 400", Expected(.count, 400, 400, approximate: true, of: "fighters")),
        ("Around 30 Druze captives were held.", "Around 30", Expected(.count, 30, 30, approximate: true, of: "captives")),
        ("Roughly 50 families fled.", "Roughly 50", Expected(.count, 50, 50, approximate: true, of: "families")),
        ("Nearly 200 civilians were trapped.", "Nearly 200", Expected(.count, 200, 200, approximate: true, of: "civilians")),
        ("Approximately 70 trucks crossed.", "Approximately 70", Expected(.count, 70, 70, approximate: true, of: "trucks")),
        ("It moved about four hundred members of the group.", "about four hundred", Expected(.count, 400, 400, approximate: true, of: "members")),
        ("The army captured over a hundred fighters.", "over a hundred", Expected(.count, 101, 199, approximate: true, of: "fighters")),
        ("More than 250 people were killed.", "More than 250", Expected(.count, 251, 349, approximate: true, of: "people")),
        ("As many as 400 militants escaped.", "As many as 400", Expected(.count, 1, 400, approximate: true, of: "militants")),
        ("Up to 60 vehicles joined the convoy.", "Up to 60", Expected(.count, 1, 60, approximate: true, of: "vehicles")),
        ("At least 12 soldiers died.", "At least 12", Expected(.count, 12, nil, approximate: true, of: "soldiers")),
        ("Fewer than 20 prisoners remained.", "Fewer than 20", Expected(.count, 1, 19, approximate: true, of: "prisoners")),
        ("Between 20 and 30 commanders were relocated.", "Between 20 and 30", Expected(.count, 20, 30, approximate: true, of: "commanders")),
        ("Two or three buses waited.", "Two or three", Expected(.count, 2, 3, approximate: true, of: "buses")),
        ("Several fighters surrendered.", "Several", Expected(.count, 3, 9, approximate: true, of: "fighters")),
        ("A few captives were released.", "A few", Expected(.count, 2, 5, approximate: true, of: "captives")),
        ("Dozens of IS fighters were sent north.", "Dozens", Expected(.count, 24, 99, approximate: true, of: "fighters")),
        ("Scores of civilians were wounded.", "Scores of", Expected(.count, 40, 99, approximate: true, of: "civilians")),
        ("Hundreds of Islamic State fighters were bused out.", "Hundreds", Expected(.count, 200, 999, approximate: true, of: "fighters")),
        ("Thousands of residents fled the city.", "Thousands", Expected(.count, 2000, 9999, approximate: true, of: "residents")),
        ("A few hundred soldiers stayed.", "A few hundred", Expected(.count, 200, 500, approximate: true, of: "soldiers")),
        ("The regime moved a number of commanders east.", "a number of", Expected(.count, 2, nil, approximate: true, of: "commanders")),
        ("Thirty women and children have been held.", "Thirty", Expected(.count, 30, 30, of: "women and children")),
        ("Guards killed 315 civilians, fighters and leaders.", "315", Expected(.count, 315, 315, of: "civilians")),
        ("The 400 fighters reached the valley.", "400", Expected(.count, 400, 400, of: "fighters")),
        ("Militants released one hostage.", "one", Expected(.count, 1, 1, of: "hostages")),
        ("They shot 40 heavily armed men.", "40", Expected(.count, 40, 40, of: "men")),
        ("Officials counted 25 dead.", "25", Expected(.count, 25, 25, of: "dead")),
        ("He said 500 were killed.", "500", Expected(.count, 500, 500)),
    ]

    @Test(arguments: counts)
    func countsHaveRangesHedgesAndWhatTheyCount(text: String, marker: String, expected: Expected) {
        let found = quantities(text)
        let m = found.first { $0.text == marker }
        #expect(m != nil, "no quantity '\(marker)' in \(found.map(\.text))")
        if let m { #expect(expected.matches(m.mention), "\(marker): got \(m.mention), expected \(expected)") }
    }

    @Test func overHundredIsARangeNotExactly100() {
        let m = quantity("They captured over a hundred fighters.", containing: "hundred")
        #expect(m?.min == 101 && m?.max == 199 && m?.approximate == true)
    }

    @Test func countedNounRangePointsAtTheNoun() {
        let text = "Hundreds of Islamic State fighters were bused out."
        let m = quantity(text, containing: "Hundreds")
        #expect(m.flatMap { $0.ofRange }.flatMap { text.slice($0) } == "fighters")
    }

    static let typed: [(String, String, QuantityKind, Int)] = [
        ("A roughly 400 sq. km pocket fell.", "400", .area, 400),
        ("They hold 400 square kilometres of desert.", "400", .area, 400),
        ("The area covers 120 km² of steppe.", "120", .area, 120),
        ("The 15 kilometer buffer zone is empty.", "15", .distance, 15),
        ("A 20km road links the towns.", "20", .distance, 20),
        ("The convoy drove 5 miles east.", "5", .distance, 5),
        ("A 15-kilometre strip was cleared.", "15-kilometre", .distance, 15),
        ("The siege lasted ten days.", "ten", .duration, 10),
        ("Talks went on for two weeks.", "two", .duration, 2),
        ("He was aged 12 at the time.", "12", .age, 12),
        ("A 12-year-old boy was hurt.", "12-year-old", .age, 12),
        ("A boy, 14 years old, was hurt.", "14", .age, 14),
        ("Prices rose 40% in a month.", "40", .percentage, 40),
        ("Turnout was 55 percent.", "55", .percentage, 55),
        ("The ransom was $5 million.", "$5 million", .money, 5_000_000),
        ("They paid 2,000 dollars.", "2,000", .money, 2000),
        ("Fighting began in 2011.", "2011", .year, 2011),
        ("Fighters were sent to the border in 2017.", "2017", .year, 2017),
        ("It happened on 2015 too.", "2015", .year, 2015),
        ("The bombing in the 1990s was forgotten.", "1990s", .year, 1990),
        ("The bell rang at 12 o'clock.", "12", .timeOfDay, 12),
        ("Published at 11:32 GMT.", "11:32", .timeOfDay, 1132),
        ("They left at 5 p.m. sharp.", "5", .timeOfDay, 5),
        ("It ended on July 31st.", "31st", .calendar, 31),
        ("It ended on 30th July.", "30th", .calendar, 30),
        ("The deal held until August 2nd.", "2nd", .calendar, 2),
        ("Troops arrived on 31 July 2018.", "31", .calendar, 31),
        ("It ended on 2018-07-31.", "2018-07-31", .calendar, 2018),
        ("It ended on 31/07/2018.", "31/07/2018", .calendar, 31),
        ("The council passed Resolution 2254 in 2015.", "2254", .identifier, 2254),
        ("He spoke on Channel 10 last night.", "10", .identifier, 10),
        ("The city is home to some three million people.", "three million", .population, 3_000_000),
        ("It also houses some three million people.", "three million", .population, 3_000_000),
        ("The 700,000-strong army advanced.", "700,000-strong", .population, 700_000),
        ("The 4th Division advanced.", "4th", .ordinal, 4),
        ("It was the twenty-first attack.", "twenty-first", .ordinal, 21),
        ("For the first time, troops withdrew.", "first", .ordinal, 1),
    ]

    @Test(arguments: typed)
    func numbersThatAreNotCountsAreTypedAsWhatTheyAre(text: String, marker: String, kind: QuantityKind, value: Int) {
        let found = quantities(text)
        let m = found.first { $0.text.contains(marker) }
        #expect(m != nil, "no quantity '\(marker)' in \(found.map(\.text))")
        #expect(m?.mention.kind == kind, "\(marker): \(String(describing: m?.mention))")
        #expect(m?.mention.min == value)
        #expect(found.allSatisfy { $0.mention.kind != .count }, "a count in \(found.map { "\($0.text)=\($0.mention.kind)" })")
        #expect(m?.mention.asQuantity(text: marker) == nil)
    }

    @Test func hedgedAreaStaysAnArea() {
        let m = quantity("A roughly 400 sq. km pocket fell.", containing: "400")
        #expect(m?.kind == .area && m?.approximate == true)
        #expect(m.map { "A roughly 400 sq. km pocket fell.".slice($0.range) } == "roughly 400 sq. km")
    }

    @Test func populationKeepsWhatItCounts() {
        let m = quantity("It also houses some three million people.", containing: "million")
        #expect(m?.kind == .population && m?.of == "people" && m?.approximate == true)
    }

    @Test(arguments: ["one of the most dangerous roads", "no one knew", "They clashed with one another."])
    func aLoneOneIsNotAQuantity(text: String) {
        #expect(quantities(text).isEmpty)
    }

    @Test(arguments: ["Several of these groups have clashed.", "the scores were level", "Numbers were unclear"])
    func vagueWordsOnlyWhereTheyQuantify(text: String) {
        let found = quantities(text)
        if text.hasPrefix("Several") { #expect(found.count == 1 && found[0].mention.min == 3) } else { #expect(found.isEmpty) }
    }

    @Test func countsInRunningTextAreAllFound() {
        let text = "Some 400 fighters and 30 hostages were exchanged; 12 buses left at 5 a.m. on July 31st, 2018."
        let found = quantities(text)
        #expect(found.map(\.text) == ["Some 400", "30", "12", "5 a.m.", "31st", "2018"])
        #expect(found.map(\.mention.kind) == [.count, .count, .count, .timeOfDay, .calendar, .year])
        #expect(found.map(\.mention.of) == ["fighters", "hostages", "buses", nil, nil, nil])
    }

    @Test func quantityOffsetsSliceOutTheirText() {
        let text = "“Thirty-six women”, he said — over 1,200 Druze civilians remain in al-Sweida."
        for q in Shared.analyzer.annotate(text, published: nil).quantities {
            #expect(text.slice(q.range) != nil)
            if let r = q.ofRange { #expect(text.slice(r) != nil) }
        }
        let m = quantity(text, containing: "1,200")
        #expect(m?.min == 1201 && m?.max == 2199 && m?.of == "civilians")
    }
}

struct CountedNounTests {
    @Test(arguments: [
        ("As many as 400 Islamic State (IS) fighters surrendered.", "fighters"),
        ("Three rebel spokesmen said so.", "spokesmen"),
        ("Two rebel attacks failed.", "attacks"),
        ("Some 400 of the group's fighters left.", "fighters"),
        ("Some 400 of the group’s fighters left.", "fighters"),
        ("Hundreds of the group's members left.", "members"),
        ("Dozens of its commanders fled.", "commanders"),
        ("400 were killed by fighters.", nil),
    ] as [(String, String?)])
    func countedNounSkipsNamesAcronymsAndModifiers(text: String, of: String?) {
        #expect(quantities(text).first?.mention.of == of)
    }

    @Test func aVagueWordAfterHomeToIsNotAPopulation() {
        let m = quantities("Idlib is home to countless rival militias.").first?.mention
        #expect(m?.kind == .count && m?.of == "militias")
    }
}

struct QuantityFormTests {
    static let cases: [(String, String, Expected)] = [
        ("The truce lasted a few days.", "a few days", Expected(.duration, 2, 5, approximate: true)),
        ("Some 20-30 fighters were seen.", "Some 20-30", Expected(.count, 20, 30, approximate: true, of: "fighters")),
        ("The war of 2011–2012 ended.", "2011–2012", Expected(.year, 2011, 2012, approximate: true)),
        ("Men aged between 18 and 40 were held.", "between 18 and 40", Expected(.age, 18, 40, approximate: true)),
        ("Tens of thousands of people marched.", "Tens of thousands", Expected(.count, 20000, 99999, approximate: true, of: "people")),
        ("Several thousand troops massed.", "Several thousand", Expected(.count, 3000, 9000, approximate: true, of: "troops")),
        ("The fine was $5m in total.", "$5m", Expected(.money, 5_000_000, 5_000_000)),
        ("Some 1.5m people fled.", "Some 1.5m", Expected(.count, 1_500_000, 1_500_000, approximate: true, of: "people")),
        ("Shelling went on for the past 24 hours.", "24 hours", Expected(.duration, 24, 24)),
        ("They struck at 3 pm.", "3 pm", Expected(.timeOfDay, 3, 3)),
        ("Rebels held Hill No. 5 all week.", "5", Expected(.identifier, 5, 5)),
        ("In 2000, fighters crossed.", "2000", Expected(.year, 2000, 2000)),
        ("Some 2000 fighters crossed.", "Some 2000", Expected(.count, 2000, 2000, approximate: true, of: "fighters")),
        ("The raid on May 5 failed.", "5", Expected(.calendar, 5, 5)),
        ("A dozen or so buses waited.", "A dozen or so", Expected(.count, 10, 14, approximate: true, of: "buses")),
        ("Over 1,000 families returned.", "Over 1,000", Expected(.count, 1001, 1999, approximate: true, of: "families")),
        ("No fewer than 50 detainees were freed.", "No fewer than 50", Expected(.count, 50, nil, approximate: true, of: "detainees")),
        ("Less than five soldiers stayed.", "Less than five", Expected(.count, 1, 4, approximate: true, of: "soldiers")),
        ("An estimated 400 militants fled.", "An estimated 400", Expected(.count, 400, 400, approximate: true, of: "militants")),
        ("Just over 300 prisoners were exchanged.", "Just over 300", Expected(.count, 301, 399, approximate: true, of: "prisoners")),
        ("The strike killed 12 people, including three children.", "three", Expected(.count, 3, 3, of: "children")),
    ]

    @Test(arguments: cases)
    func moreQuantityForms(text: String, marker: String, expected: Expected) {
        let found = quantities(text)
        let m = found.first { $0.text == marker }
        #expect(m != nil, "no quantity '\(marker)' in \(found.map(\.text))")
        if let m { #expect(expected.matches(m.mention), "\(marker): got \(m.mention), expected \(expected)") }
    }
}

struct ContextTypingTests {
    @Test(arguments: [
        ("Omar Khalil, 20, was arrested.", "20", QuantityKind.age),
        ("Barry Smith, 80, and his wife left.", "80", .age),
        ("He works for District 24 now.", "24", .identifier),
        ("Ashes fell after 1810 on the town.", "1810", .year),
        ("A 11-month-old girl died.", "11-month-old", .age),
        ("They paid one million US dollars.", "one million", .money),
        ("The body lay 2.1m deep.", "2.1m", .distance),
        ("They won the match 3-1 at home.", "3-1", .other),
        ("The convoy left on the 23rd under guard.", "23rd", .calendar),
        ("She reached the Final Four again.", "Four", .identifier),
    ])
    func contextTypesTheNumber(text: String, marker: String, kind: QuantityKind) {
        let m = quantity(text, containing: marker)
        #expect(m?.kind == kind, "\(String(describing: m))")
    }

    @Test func numbersInsideWebAddressesAreNotQuantities() {
        let text = "See https://example.com/news/237730/story?id=500, or www.example.org/2018/07/31. Then 30 fighters left."
        let found = quantities(text)
        #expect(found.map(\.text) == ["30"])
        let urls = Tokenizer.tokenize(text).filter { $0.kind == .symbol }.map { text.slice($0.range)! }
        #expect(urls == ["https://example.com/news/237730/story?id=500", "www.example.org/2018/07/31"])
    }

    @Test func aCountInATitleCaseHeadlineStaysACount() {
        let m = quantity("Syrian Regime Captures 100 Islamic State Fighters", containing: "100")
        #expect(m?.kind == .count && m?.of == "fighters")
    }
}
