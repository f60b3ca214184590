import SitrepCore
import Testing
@testable import SitrepLanguage

/// One expected time expression in a sentence of our own, resolved against a publication day.
struct TimeCase: CustomTestStringConvertible, Sendable {
    var text: String
    var published: String
    var phrase: String
    var type: TimexType
    var value: String
    var start: String?
    var end: String?
    var precision: TimePrecision?
    var modifier: String? = nil
    var testDescription: String { "\(phrase) @\(published)" }
}

let finder: TimeExpressionFinder = try! TimeExpressionFinder()

func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }

func mentions(_ text: String, _ published: String?) -> [TimeMention] {
    finder.find(in: text, published: published.map { DayInterval(day: day($0)) })
}

@Suite struct TimeExpressionFinderTests {
    // 2018-10-01 is a Monday; 2018-02-13 a Tuesday.
    static let cases: [TimeCase] = [
        TimeCase(text: "The convoy left on the night of September 23, officials said.", published: "2018-10-01",
                 phrase: "the night of September 23", type: .time, value: "2018-09-23TNI", start: "2018-09-23", end: "2018-09-23", precision: .day),
        TimeCase(text: "Fighting resumed on Saturday near the river.", published: "2018-10-01",
                 phrase: "Saturday", type: .date, value: "2018-09-29", start: "2018-09-29", end: "2018-09-29", precision: .day),
        TimeCase(text: "The strike came on Tuesday, the monitor said.", published: "2018-02-13",
                 phrase: "Tuesday", type: .date, value: "2018-02-13", start: "2018-02-13", end: "2018-02-13", precision: .day),
        TimeCase(text: "Talks began last Wednesday in the capital.", published: "2018-10-01",
                 phrase: "last Wednesday", type: .date, value: "2018-09-26", start: "2018-09-26", end: "2018-09-26", precision: .day),
        TimeCase(text: "Officials meet again next Tuesday.", published: "2018-10-01",
                 phrase: "next Tuesday", type: .date, value: "2018-10-02", start: "2018-10-02", end: "2018-10-02", precision: .day),
        TimeCase(text: "The ceasefire collapsed yesterday.", published: "2018-10-01",
                 phrase: "yesterday", type: .date, value: "2018-09-30", start: "2018-09-30", end: "2018-09-30", precision: .day),
        TimeCase(text: "Shelling was reported last week near the border.", published: "2018-10-01",
                 phrase: "last week", type: .date, value: "2018-W39", start: "2018-09-24", end: "2018-09-30", precision: .week),
        TimeCase(text: "Fighting intensified this past week.", published: "2018-10-01",
                 phrase: "this past week", type: .date, value: "2018-W39", start: "2018-09-24", end: "2018-09-30", precision: .week),
        TimeCase(text: "This week's talks failed.", published: "2018-10-01",
                 phrase: "This week", type: .date, value: "2018-W40", start: "2018-10-01", end: "2018-10-07", precision: .week),
        TimeCase(text: "Prices rose sharply earlier this month.", published: "2018-10-20",
                 phrase: "earlier this month", type: .date, value: "2018-10", start: "2018-10-01", end: "2018-10-20", precision: .month),
        TimeCase(text: "The group withdrew two weeks ago.", published: "2018-10-01",
                 phrase: "two weeks ago", type: .date, value: "2018-09-17", start: "2018-09-17", end: "2018-09-17", precision: .day),
        TimeCase(text: "Five people were killed three days ago.", published: "2018-10-01",
                 phrase: "three days ago", type: .date, value: "2018-09-28", start: "2018-09-28", end: "2018-09-28", precision: .day),
        TimeCase(text: "Rebels lost the town last month.", published: "2018-10-01",
                 phrase: "last month", type: .date, value: "2018-09", start: "2018-09-01", end: "2018-09-30", precision: .month),
        TimeCase(text: "Rebels lost the town last year.", published: "2018-10-01",
                 phrase: "last year", type: .date, value: "2017", start: "2017-01-01", end: "2017-12-31", precision: .year),
        TimeCase(text: "The town fell in early February.", published: "2018-10-01",
                 phrase: "early February", type: .date, value: "2018-02", start: "2018-02-01", end: "2018-02-09", precision: .week),
        TimeCase(text: "Attacks have continued since late 2017.", published: "2018-10-01",
                 phrase: "late 2017", type: .date, value: "2017", start: "2017-09-02", end: "2017-12-31", precision: .season, modifier: "since"),
        TimeCase(text: "The fighters will have to withdraw by mid-October.", published: "2018-09-20",
                 phrase: "mid-October", type: .date, value: "2018-10", start: "2018-10-11", end: "2018-10-21", precision: .week, modifier: "by"),
        TimeCase(text: "The town was quiet before 2011.", published: "2018-10-01",
                 phrase: "2011", type: .date, value: "2011", start: "2011-01-01", end: "2011-12-31", precision: .year, modifier: "before"),
        TimeCase(text: "Shelling resumed after mid-2015.", published: "2018-10-01",
                 phrase: "mid-2015", type: .date, value: "2015", start: "2015-05-02", end: "2015-09-01", precision: .season, modifier: "after"),
        TimeCase(text: "The road stayed open until last month.", published: "2018-10-01",
                 phrase: "last month", type: .date, value: "2018-09", start: "2018-09-01", end: "2018-09-30", precision: .month, modifier: "until"),
        TimeCase(text: "The deal was signed on 31 July 2018 in Amman.", published: "2018-10-01",
                 phrase: "31 July 2018", type: .date, value: "2018-07-31", start: "2018-07-31", end: "2018-07-31", precision: .day),
        TimeCase(text: "It happened on July 31st, witnesses said.", published: "2018-10-01",
                 phrase: "July 31st", type: .date, value: "2018-07-31", start: "2018-07-31", end: "2018-07-31", precision: .day),
        TimeCase(text: "Fighting stopped on 30th July.", published: "2018-10-01",
                 phrase: "30th July", type: .date, value: "2018-07-30", start: "2018-07-30", end: "2018-07-30", precision: .day),
        TimeCase(text: "The report was dated July 31, 2018.", published: "2019-03-01",
                 phrase: "July 31, 2018", type: .date, value: "2018-07-31", start: "2018-07-31", end: "2018-07-31", precision: .day),
        TimeCase(text: "Filed 2018-07-31 in Geneva.", published: "2018-10-01",
                 phrase: "2018-07-31", type: .date, value: "2018-07-31", start: "2018-07-31", end: "2018-07-31", precision: .day),
        TimeCase(text: "The letter is dated 31/07/2018 at the top.", published: "2018-10-01",
                 phrase: "31/07/2018", type: .date, value: "2018-07-31", start: "2018-07-31", end: "2018-07-31", precision: .day),
        TimeCase(text: "The letter is dated 07/31/2018 at the top.", published: "2018-10-01",
                 phrase: "07/31/2018", type: .date, value: "2018-07-31", start: "2018-07-31", end: "2018-07-31", precision: .day),
        TimeCase(text: "The first letter is dated 03/04/2018.", published: "2018-10-01",
                 phrase: "03/04/2018", type: .date, value: "2018-04-03", start: "2018-04-03", end: "2018-04-03", precision: .day),
        TimeCase(text: "He was freed on August 2nd after talks.", published: "2018-10-01",
                 phrase: "August 2nd", type: .date, value: "2018-08-02", start: "2018-08-02", end: "2018-08-02", precision: .day),
        TimeCase(text: "The offensive began in February 2018.", published: "2018-10-01",
                 phrase: "February 2018", type: .date, value: "2018-02", start: "2018-02-01", end: "2018-02-28", precision: .month),
        TimeCase(text: "The offensive began in February.", published: "2018-10-01",
                 phrase: "February", type: .date, value: "2018-02", start: "2018-02-01", end: "2018-02-28", precision: .month),
        TimeCase(text: "The town fell in September.", published: "2018-02-13",
                 phrase: "September", type: .date, value: "2017-09", start: "2017-09-01", end: "2017-09-30", precision: .month),
        TimeCase(text: "Elections will be held in September.", published: "2018-02-13",
                 phrase: "September", type: .date, value: "2018-09", start: "2018-09-01", end: "2018-09-30", precision: .month),
        TimeCase(text: "The next round of talks opens in January.", published: "2018-11-02",
                 phrase: "January", type: .date, value: "2019-01", start: "2019-01-01", end: "2019-01-31", precision: .month),
        TimeCase(text: "The accounts closed on March 31 as usual.", published: "2018-11-02",
                 phrase: "March 31", type: .date, value: "2018-03-31", start: "2018-03-31", end: "2018-03-31", precision: .day),
        TimeCase(text: "The hearing is on Nov. 16 in The Hague.", published: "2018-11-02",
                 phrase: "Nov. 16", type: .date, value: "2018-11-16", start: "2018-11-16", end: "2018-11-16", precision: .day),
        TimeCase(text: "The town fell in March 2016. The following month, the army returned.", published: "2018-10-01",
                 phrase: "The following month", type: .date, value: "2016-04", start: "2016-04-01", end: "2016-04-30", precision: .month),
        TimeCase(text: "The war escalated in 2017.", published: "2018-10-01",
                 phrase: "2017", type: .date, value: "2017", start: "2017-01-01", end: "2017-12-31", precision: .year),
        TimeCase(text: "Troops pulled out at the end of July.", published: "2018-10-01",
                 phrase: "the end of July", type: .date, value: "2018-07", start: "2018-07-22", end: "2018-07-31", precision: .week),
        TimeCase(text: "Clashes broke out in the early hours of Wednesday.", published: "2018-10-01",
                 phrase: "the early hours of Wednesday", type: .time, value: "2018-09-26TMO", start: "2018-09-26", end: "2018-09-26", precision: .day),
        TimeCase(text: "The strike hit on Tuesday morning.", published: "2018-10-01",
                 phrase: "Tuesday morning", type: .time, value: "2018-09-25TMO", start: "2018-09-25", end: "2018-09-25", precision: .day),
        TimeCase(text: "The guns fell silent at about 12 o'clock.", published: "2018-10-01",
                 phrase: "about 12 o'clock", type: .time, value: "2018-10-01T12:00", start: "2018-10-01", end: "2018-10-01", precision: .day),
        TimeCase(text: "The blast was heard at 11:32 GMT.", published: "2018-10-01",
                 phrase: "11:32 GMT", type: .time, value: "2018-10-01T11:32", start: "2018-10-01", end: "2018-10-01", precision: .day),
        TimeCase(text: "The vote closes at 10 p.m. Wednesday.", published: "2018-10-01",
                 phrase: "10 p.m. Wednesday", type: .time, value: "2018-10-03T22:00", start: "2018-10-03", end: "2018-10-03", precision: .day),
        TimeCase(text: "Families had heard nothing by Tuesday afternoon.", published: "2018-07-31",
                 phrase: "Tuesday afternoon", type: .time, value: "2018-07-31TAF", start: "2018-07-31", end: "2018-07-31", precision: .day, modifier: "by"),
        TimeCase(text: "Posted Fri, 03 Aug 2018 21:55 GMT by the desk.", published: "2018-08-05",
                 phrase: "Fri, 03 Aug 2018 21:55 GMT", type: .time, value: "2018-08-03T21:55", start: "2018-08-03", end: "2018-08-03", precision: .day),
        TimeCase(text: "Shelling went on until the afternoon of August 1st.", published: "2018-08-03",
                 phrase: "the afternoon of August 1st", type: .time, value: "2018-08-01TAF", start: "2018-08-01", end: "2018-08-01", precision: .day, modifier: "until"),
        TimeCase(text: "The siege lasted ten days.", published: "2018-10-01",
                 phrase: "ten days", type: .duration, value: "P10D", start: nil, end: nil, precision: nil),
        TimeCase(text: "The feud has lasted for decades.", published: "2018-10-01",
                 phrase: "decades", type: .duration, value: "PXDE", start: nil, end: nil, precision: nil),
        TimeCase(text: "The town fell on 12 March 2016. A week later, the army arrived.", published: "2018-10-01",
                 phrase: "A week later", type: .date, value: "2016-03-19", start: "2016-03-19", end: "2016-03-19", precision: .day),
        TimeCase(text: "A two-week truce was agreed.", published: "2018-10-01",
                 phrase: "two-week", type: .duration, value: "P2W", start: nil, end: nil, precision: nil),
        TimeCase(text: "He spent the past three months in detention.", published: "2018-10-01",
                 phrase: "the past three months", type: .duration, value: "P3M", start: "2018-07-03", end: "2018-10-01", precision: .month),
        TimeCase(text: "The previous ten days saw heavy fighting.", published: "2018-10-01",
                 phrase: "The previous ten days", type: .duration, value: "P10D", start: "2018-09-21", end: "2018-10-01", precision: .day),
        TimeCase(text: "In recent days, more families left.", published: "2018-10-01",
                 phrase: "recent days", type: .date, value: "PAST_REF", start: "2018-09-24", end: "2018-10-01", precision: .day),
        TimeCase(text: "More buses are expected in the coming days.", published: "2018-10-01",
                 phrase: "the coming days", type: .date, value: "FUTURE_REF", start: "2018-10-01", end: "2018-10-08", precision: .day),
        TimeCase(text: "Aid arrives every Friday.", published: "2018-10-01",
                 phrase: "every Friday", type: .set, value: "XXXX-WXX-5", start: nil, end: nil, precision: nil),
        TimeCase(text: "Aid convoys come three times a week.", published: "2018-10-01",
                 phrase: "a week", type: .set, value: "P1W", start: nil, end: nil, precision: nil),
        TimeCase(text: "Fighters are paid $200 a month.", published: "2018-10-01",
                 phrase: "a month", type: .set, value: "P1M", start: nil, end: nil, precision: nil),
        TimeCase(text: "Profit was $5 million a year ago.", published: "2018-10-01",
                 phrase: "a year ago", type: .date, value: "2017", start: "2017-01-01", end: "2017-12-31", precision: .year),
        TimeCase(text: "The bulletin appears weekly.", published: "2018-10-01",
                 phrase: "weekly", type: .set, value: "XXXX-WXX", start: nil, end: nil, precision: nil),
        TimeCase(text: "The talks resumed this summer.", published: "2018-10-01",
                 phrase: "this summer", type: .date, value: "2018-SU", start: "2018-06-01", end: "2018-08-31", precision: .season),
        TimeCase(text: "Profits fell in the third quarter.", published: "2018-10-01",
                 phrase: "the third quarter", type: .date, value: "2018-Q3", start: "2018-07-01", end: "2018-09-30", precision: .season),
        TimeCase(text: "The conflict dates back to the 1990s.", published: "2018-10-01",
                 phrase: "the 1990s", type: .date, value: "199", start: "1990-01-01", end: "1999-12-31", precision: .year),
        TimeCase(text: "They met in the first week of August.", published: "2018-10-01",
                 phrase: "the first week of August", type: .date, value: "2018-W31", start: "2018-08-01", end: "2018-08-07", precision: .week),
        TimeCase(text: "Aid stopped in the last week of July.", published: "2018-10-01",
                 phrase: "the last week of July", type: .date, value: "2018-W30", start: "2018-07-25", end: "2018-07-31", precision: .week),
        TimeCase(text: "Attacks rose in the second half of last year.", published: "2018-10-01",
                 phrase: "the second half of last year", type: .date, value: "2017-H2", start: "2017-07-01", end: "2017-12-31", precision: .year),
        TimeCase(text: "Attacks fell in the last quarter of 2017.", published: "2018-10-01",
                 phrase: "the last quarter of 2017", type: .date, value: "2017-Q4", start: "2017-10-01", end: "2017-12-31", precision: .season),
        TimeCase(text: "Borders drawn in the 20th century still hold.", published: "2018-10-01",
                 phrase: "the 20th century", type: .date, value: "19", start: "1900-01-01", end: "1999-12-31", precision: .year),
        TimeCase(text: "Fighting is still going on now.", published: "2018-10-01",
                 phrase: "now", type: .date, value: "PRESENT_REF", start: "2018-10-01", end: "2018-10-01", precision: .day),
        TimeCase(text: "The siege ended nineteen ninety-six after talks.", published: "2018-10-01",
                 phrase: "nineteen ninety-six", type: .date, value: "1996", start: "1996-01-01", end: "1996-12-31", precision: .year),
    ]

    @Test(arguments: cases)
    func resolvesAgainstThePublicationDate(_ c: TimeCase) throws {
        let found = mentions(c.text, c.published)
        let m = try #require(found.first { c.text.slice($0.range) == c.phrase },
                             "no mention \"\(c.phrase)\" in \(found.map { c.text.slice($0.range) ?? "?" })")
        #expect(m.type == c.type)
        #expect(m.value == c.value)
        #expect(m.interval?.start.iso == c.start)
        #expect(m.interval?.end.iso == c.end)
        #expect(m.precision == c.precision)
        #expect(m.modifier == c.modifier)
        let bytes = Array(c.text.utf8)
        let expectedStart = try #require(firstIndex(of: Array(c.phrase.utf8), in: bytes))
        #expect(m.range == TextRange(expectedStart, expectedStart + c.phrase.utf8.count))
    }

    @Test(arguments: [
        "ISIS may find new recruits in the desert.",
        "They will march on the capital.",
        "We said so at the time.",
        "The Sunday Times reported the claim.",
        "He spoke on Channel 10 news.",
        "Resolution 2254 calls for talks.",
        "Apple shares rose.",
        "It was the 30th anniversary of the war.",
        "May God protect them.",
        "Some 2000 people fled the town.",
        "Oil prices may fall further.",
        "The fall of the city was swift.",
        "The alliance began to fall apart.",
        "He met Prime Minister Theresa May.",
        "A weekly magazine reported it.",
        "A 35-year-old man and his 8-month-old son were hurt.",
        "The commander is 52 years old.",
    ])
    func wordsThatLookLikeDatesAreNotDates(_ text: String) {
        let found = mentions(text, "2018-10-01")
        #expect(found.isEmpty, "found \(found.map { text.slice($0.range) ?? "?" })")
    }

    /// A part word (early, mid, late, start, end, middle, beginning) before a period named relative to the
    /// publication date is a third of that period; "by" keeps the value and marks a deadline.
    /// 2018-10-17 is a Wednesday (week 42, 15–21 October).
    static let partsOfRelativePeriods: [TimeCase] = [
        TimeCase(text: "The rebels must hand over the depot by mid-month, the envoy said.", published: "2018-10-17",
                 phrase: "mid-month", type: .date, value: "2018-10", start: "2018-10-11", end: "2018-10-21", precision: .week, modifier: "by"),
        TimeCase(text: "Aid flights are due to restart in mid-month.", published: "2018-10-17",
                 phrase: "mid-month", type: .date, value: "2018-10", start: "2018-10-11", end: "2018-10-21", precision: .week),
        TimeCase(text: "The army vowed to reopen the bridge by the end of the month.", published: "2018-10-17",
                 phrase: "the end of the month", type: .date, value: "2018-10", start: "2018-10-22", end: "2018-10-31", precision: .week, modifier: "by"),
        TimeCase(text: "Two mortar rounds hit the market at the start of the week.", published: "2018-10-17",
                 phrase: "the start of the week", type: .date, value: "2018-W42", start: "2018-10-15", end: "2018-10-16", precision: .week),
        TimeCase(text: "Shelling of the suburbs grew heavier late last month.", published: "2018-10-17",
                 phrase: "late last month", type: .date, value: "2018-09", start: "2018-09-21", end: "2018-09-30", precision: .week),
        TimeCase(text: "Local elections are planned for early next year.", published: "2018-10-17",
                 phrase: "early next year", type: .date, value: "2019", start: "2019-01-01", end: "2019-05-01", precision: .season),
        TimeCase(text: "Gunmen seized the checkpoint in the middle of last week.", published: "2018-10-17",
                 phrase: "the middle of last week", type: .date, value: "2018-W41", start: "2018-10-10", end: "2018-10-12", precision: .week),
        TimeCase(text: "The monitors leave at the end of the year.", published: "2018-10-17",
                 phrase: "the end of the year", type: .date, value: "2018", start: "2018-09-02", end: "2018-12-31", precision: .season),
        TimeCase(text: "The ministry expects the bill to pass by month-end.", published: "2018-10-17",
                 phrase: "month-end", type: .date, value: "2018-10", start: "2018-10-22", end: "2018-10-31", precision: .week, modifier: "by"),
        TimeCase(text: "Fuel stocks had run low at year-end, traders said.", published: "2018-10-17",
                 phrase: "year-end", type: .date, value: "2018", start: "2018-09-02", end: "2018-12-31", precision: .season),
        TimeCase(text: "The corridor was closed at the beginning of this month.", published: "2018-10-17",
                 phrase: "the beginning of this month", type: .date, value: "2018-10", start: "2018-10-01", end: "2018-10-10", precision: .week),
        TimeCase(text: "A second convoy set out in early February.", published: "2018-10-17",
                 phrase: "early February", type: .date, value: "2018-02", start: "2018-02-01", end: "2018-02-09", precision: .week),
        TimeCase(text: "Troops are expected to pull back by mid-year.", published: "2018-01-10",
                 phrase: "mid-year", type: .date, value: "2018", start: "2018-05-02", end: "2018-09-01", precision: .season, modifier: "by"),
        TimeCase(text: "The offensive stalled late in the month, a commander said.", published: "2018-10-17",
                 phrase: "late in the month", type: .date, value: "2018-10", start: "2018-10-22", end: "2018-10-31", precision: .week),
        TimeCase(text: "Parliament may dissolve early in the year.", published: "2018-10-17",
                 phrase: "early in the year", type: .date, value: "2018", start: "2018-01-01", end: "2018-05-01", precision: .season),
        TimeCase(text: "A midweek strike destroyed the depot.", published: "2018-10-17",
                 phrase: "midweek", type: .date, value: "2018-W42", start: "2018-10-17", end: "2018-10-19", precision: .week),
        TimeCase(text: "The talks are to resume by midyear.", published: "2018-03-01",
                 phrase: "midyear", type: .date, value: "2018", start: "2018-05-02", end: "2018-09-01", precision: .season, modifier: "by"),
        TimeCase(text: "Militias clashed near the dam earlier this month.", published: "2018-10-17",
                 phrase: "earlier this month", type: .date, value: "2018-10", start: "2018-10-01", end: "2018-10-17", precision: .month),
    ]

    @Test(arguments: partsOfRelativePeriods)
    func aPartOfARelativePeriodIsAThirdOfIt(_ c: TimeCase) throws {
        try resolvesAgainstThePublicationDate(c)
    }

    /// A part word or a period word that does not name a time.
    @Test(arguments: [
        "Talks resumed after the end of the war.",
        "The month-long siege ended in defeat.",
        "They fired mid-range missiles at the port.",
        "Food ran out before the end of the month-long siege.",
        "The start of the trial was delayed.",
        "A year-long blockade has emptied the shops.",
        "It is late in the day to change the plan.",
        "Prices rose early in the month-long campaign.",
    ])
    func partsOfThingsAreNoDates(_ text: String) {
        let found = mentions(text, "2018-10-17").filter { $0.type == .date }
        #expect(found.isEmpty, "found \(found.map { text.slice($0.range) ?? "?" })")
    }

    @Test func monthsAndWeekdaysAreDatesInContext() {
        let text = "In May the talks failed. Fighting resumed on Sunday, and the Sunday Times said so."
        let found = mentions(text, "2018-10-01").map { text.slice($0.range) ?? "?" }
        #expect(found == ["May", "Sunday"])
    }

    @Test func relativeExpressionsWithoutAnAnchorAreUnresolved() throws {
        let found = mentions("Fighting resumed on Saturday, not on 31 July 2018.", nil)
        #expect(found.count == 2)
        let saturday = try #require(found.first)
        #expect(saturday.interval == nil)
        #expect(saturday.unresolvedReason != nil)
        #expect(saturday.value == "XXXX-WXX-6")
        let absolute = try #require(found.last)
        #expect(absolute.interval == DayInterval(day: day("2018-07-31")))
        #expect(absolute.unresolvedReason == nil)
    }

    @Test func aPublicationWindowWidensRelativeIntervals() throws {
        let window = DayInterval(start: day("2018-09-28"), end: day("2018-10-01"))
        let m = try #require(finder.find(in: "The ceasefire collapsed yesterday.", published: window).first)
        #expect(m.value == "2018-09-30")
        #expect(m.interval == DayInterval(start: day("2018-09-27"), end: day("2018-09-30")))
    }

    @Test func betweenTwoMonthsIsOneRange() throws {
        let text = "Between June and August, the siege tightened."
        let m = try #require(mentions(text, "2018-10-01").first)
        #expect(text.slice(m.range) == "June and August")
        #expect(m.interval == DayInterval(start: day("2018-06-01"), end: day("2018-08-31")))
        #expect(m.precision == .month)
        var apart = finder
        apart.joinsRanges = false
        #expect(apart.find(in: text, published: DayInterval(day: day("2018-10-01"))).count == 2)
    }

    @Test func aWeekdayWithFutureCuesIsTheNextOne() throws {
        let m = try #require(mentions("The talks will resume on Thursday.", "2018-10-01").first)
        #expect(m.value == "2018-10-04")
    }

    @Test func aPastVerbBeforeAWeekdayKeepsItInThePast() throws {
        // "would" would point to the future, but "announced Friday" is past.
        let m = try #require(mentions("Under the deal announced Friday, holders would receive cash.", "2018-10-03").first)
        #expect(m.value == "2018-09-28")
    }

    @Test func theNextDayCountsFromTheDayLastNamed() throws {
        let text = "Fighters reached the town on 12 March 2016. The next day, the army arrived."
        let found = mentions(text, "2018-10-01")
        #expect(found.map(\.value) == ["2016-03-12", "2016-03-13"])
    }

    @Test func theSameDayAndTheDayBeforeFollowTheDayLastNamed() throws {
        let text = "The convoy left on 12 March 2016. Shelling began the same day; talks had failed the day before."
        let found = mentions(text, "2018-10-01")
        #expect(found.map { text.slice($0.range) ?? "" } == ["12 March 2016", "the same day", "the day before"])
        #expect(found.map(\.value) == ["2016-03-12", "2016-03-12", "2016-03-11"])
    }

    @Test func aYearEarlierTakesTheQuarterNamedBefore() throws {
        let text = "Profit rose in the third quarter. A year earlier it fell."
        let found = mentions(text, "2018-11-02")
        #expect(found.map(\.value) == ["2018-Q3", "2017-Q3"])
    }

    @Test func mentionsAreSortedAndDoNotOverlap() {
        let text = """
        On Saturday, 29 September 2018, at 11:32 GMT, fighters left. Two weeks ago talks failed; since late 2017 \
        the town has been besieged. Last week and this week, every Friday, aid arrived — the past three months were hard.
        """
        let found = mentions(text, "2018-10-01")
        #expect(found.count >= 7)
        for (a, b) in zip(found, found.dropFirst()) {
            #expect(a.range.end <= b.range.start)
        }
        #expect(found.contains { text.slice($0.range) == "Saturday, 29 September 2018" && $0.value == "2018-09-29" })
    }

    @Test func nonASCIITextKeepsByteOffsets() throws {
        let text = "Le convoi — parti le « 3 » — arrived on 2 October 2018."
        let m = try #require(mentions(text, "2018-10-05").first)
        #expect(text.slice(m.range) == "2 October 2018")
    }
}

func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard needle.count <= hay.count else { return nil }
    for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return i }
    return nil
}

@Suite struct TimeFinderRobustnessTests {
    @Test func noBreakSpacesJoinDates() throws {
        let text = "It began on 23\u{00A0}September 2018."
        let m = try #require(mentions(text, "2018-10-01").first)
        #expect(text.slice(m.range) == "23\u{00A0}September 2018")
        #expect(m.value == "2018-09-23")
    }

    /// Random mixtures of time words, numbers, punctuation and non-ASCII: never a crash, always sorted,
    /// non-overlapping ranges that fall on character boundaries of the text.
    @Test(arguments: 0..<20)
    func randomTextGivesWellFormedMentions(seed: Int) {
        let pieces = ["the", "last", "next", "week", "weeks", "ago", "two", "a", "of", "on", "since", "by", "mid", "-", "early",
                      "late", "2018", "1990s", "31st", "July", "May", "may", "Sept.", "Friday", "morning", "night", "at", "about",
                      "12", "o'clock", "11", ":", "32", "GMT", "p.m.", "/", "07", "2019-02-30", ",", ".", "’s", "é", "—", "\u{00A0}",
                      "between", "and", "every", "quarter", "third", "year-earlier", "fiscal", "recent", "days", "tonight", "'",
                      "nineteen", "ninety", "-six", "the end", "of the", "year", "century", "20th", "$", "%", "times", "Times"]
        var state = UInt64(seed &+ 1) &* 0x9E37_79B9_7F4A_7C15
        var text = ""
        for _ in 0..<400 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            text += pieces[Int(state % UInt64(pieces.count))]
            if state & 3 != 0 { text += " " }
        }
        for published in [nil, "2018-10-01"] as [String?] {
            let found = mentions(text, published)
            #expect(found.count > 10)
            for (a, b) in zip(found, found.dropFirst()) { #expect(a.range.end <= b.range.start) }
            for m in found {
                #expect(m.range.start < m.range.end)
                #expect(text.slice(m.range) != nil)
                #expect(!m.value.isEmpty)
            }
        }
    }
}
