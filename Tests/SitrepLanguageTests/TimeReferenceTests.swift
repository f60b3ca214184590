import SitrepCore
import Testing
@testable import SitrepLanguage

/// The reference time (TimeML's temporal focus): relative expressions and clock times count from the last time
/// the text named finely enough, not from the publication date. Sentences are our own.
@Suite struct TimeReferenceTests {
    // 1998-08-08 is a Saturday.
    static let cases: [TimeValueCase] = [
        // "the next day" skips a coarser time named in between and counts from the last day named.
        TimeValueCase(text: "The depot burned on May 4, 1995. In 1996 it was rebuilt. The next day, crews cleared the site.",
                      published: "1998-08-08", phrase: "The next day", type: .date, value: "1995-05-05"),
        TimeValueCase(text: "The ferry sank on Oct. 2, 1994, in a storm that lasted the whole of 1994. Two days later, divers arrived.",
                      published: "1998-08-08", phrase: "Two days later", type: .date, value: "1994-10-04"),
        // "the following month" takes the last month or finer, not a year named after it.
        TimeValueCase(text: "Talks opened in March 1993. By 1994 nothing was left of them, though the following month had looked good.",
                      published: "1998-08-08", phrase: "the following month", type: .date, value: "1993-04"),
        // "the year before", "the month after": next to the time last named.
        TimeValueCase(text: "The bridge collapsed in 1995. The year before, engineers had warned of cracks.",
                      published: "1998-08-08", phrase: "The year before", type: .date, value: "1994"),
        TimeValueCase(text: "The mill closed in March 1996; the month after, the town emptied.",
                      published: "1998-08-08", phrase: "the month after", type: .date, value: "1996-04"),
        TimeValueCase(text: "The summit was held on June 3. The week before, talks stalled.",
                      published: "1998-08-08", phrase: "The week before", type: .date, value: "1998-W22"),
        // With nothing fine enough named, the publication date.
        TimeValueCase(text: "In 1996 the mine closed. The next day, the town was silent.",
                      published: "1998-08-08", phrase: "The next day", type: .date, value: "1998-08-09"),
        // A clock time without a day takes the day a part-of-day expression of its sentence names.
        TimeValueCase(text: "The suspect was held on Thursday afternoon and charged at 5 p.m., a lawyer said.",
                      published: "1998-08-08", phrase: "5 p.m.", type: .time, value: "1998-08-06T17:00"),
        // … else the last day the text named, in an earlier sentence.
        TimeValueCase(text: "Two trucks exploded Friday near the port. The first blast came at 10:40 a.m., witnesses said.",
                      published: "1998-08-08", phrase: "10:40 a.m.", type: .time, value: "1998-08-07T10:40"),
        // … and the publication day when the text has named none.
        TimeValueCase(text: "The first blast came at 10:40 a.m., witnesses said.",
                      published: "1998-08-08", phrase: "10:40 a.m.", type: .time, value: "1998-08-08T10:40"),
        // A meridiem written onto the number ("10am", "7PM") is the same clock time; an ordinal stays a day.
        TimeValueCase(text: "Two trucks exploded Friday near the port. The first blast came at 10am, witnesses said.",
                      published: "1998-08-08", phrase: "10am", type: .time, value: "1998-08-07T10:00"),
        TimeValueCase(text: "The curfew starts at 7PM, officials said.",
                      published: "1998-08-08", phrase: "7PM", type: .time, value: "1998-08-08T19:00"),
        TimeValueCase(text: "The vote was held on the 3rd, officials said.",
                      published: "1998-08-08", phrase: "the 3rd", type: .date, value: "1998-08-03"),
        // "a.m." with its full stop can end a sentence: a weekday in the next sentence is not the clock time's day.
        TimeValueCase(text: "Shooting broke out at 9 a.m. Officials said Thursday that the curfew stays.",
                      published: "1998-08-08", phrase: "9 a.m.", type: .time, value: "1998-08-08T09:00"),
        // … but a weekday, a month or a time zone right after it carries the clock time on.
        TimeValueCase(text: "Shooting broke out at 9 a.m. Thursday near the bridge.",
                      published: "1998-08-08", phrase: "9 a.m. Thursday", type: .time, value: "1998-08-06T09:00"),
        TimeValueCase(text: "Shooting broke out at 9 p.m. EDT on Thursday near the bridge.",
                      published: "1998-08-08", phrase: "9 p.m. EDT", type: .time, value: "1998-08-06T21:00"),
    ]


    /// Years written with an apostrophe, and a month "of" a year named relative to the anchor.
    static let yearCases: [TimeValueCase] = [
        TimeValueCase(text: "The militia was formed in '94 and disbanded after the vote.", published: "1998-08-08",
                      phrase: "'94", type: .date, value: "1994"),
        TimeValueCase(text: "The ’02 ceasefire did not hold.", published: "2004-03-01",
                      phrase: "’02", type: .date, value: "2002"),
        TimeValueCase(text: "The border was closed in Sept. '96 by decree.", published: "1998-08-08",
                      phrase: "Sept. '96", type: .date, value: "1996-09"),
        TimeValueCase(text: "The siege began in October of last year.", published: "1998-08-08",
                      phrase: "October of last year", type: .date, value: "1997-10"),
        TimeValueCase(text: "Elections are due in March of next year.", published: "1998-08-08",
                      phrase: "March of next year", type: .date, value: "1999-03"),
        // "overnight" as an adverb is the night before.
        TimeValueCase(text: "Shelling went on overnight, residents said.", published: "1998-08-08",
                      phrase: "overnight", type: .time, value: "1998-08-07TNI"),
    ]

    /// "since" puts a day or month without a year in the past; more present-tense verbs of scheduling point ahead.
    static let tenseCases: [TimeValueCase] = [
        TimeValueCase(text: "Shares had their worst week since Oct. 27, traders said.", published: "1998-08-07",
                      phrase: "Oct. 27", type: .date, value: "1997-10-27"),
        TimeValueCase(text: "Aid has not reached the camp since November.", published: "1998-08-07",
                      phrase: "November", type: .date, value: "1997-11"),
        TimeValueCase(text: "The donor conference ends Sunday in Oslo.", published: "1998-08-07",
                      phrase: "Sunday", type: .date, value: "1998-08-09"),
        TimeValueCase(text: "The mediator returns to Khartoum on Monday.", published: "1998-08-07",
                      phrase: "Monday", type: .date, value: "1998-08-10"),
        TimeValueCase(text: "The foreign minister visits Amman Tuesday.", published: "1998-08-07",
                      phrase: "Tuesday", type: .date, value: "1998-08-11"),
        // A day that opens its sentence takes the tense of the clause after it.
        TimeValueCase(text: "On Sunday, aid workers will reopen the clinic.", published: "1998-08-07",
                      phrase: "Sunday", type: .date, value: "1998-08-09"),
        TimeValueCase(text: "On Tuesday, the mayor said the market will reopen.", published: "1998-08-07",
                      phrase: "Tuesday", type: .date, value: "1998-08-04"),
        TimeValueCase(text: "Wednesday's raid will be investigated.", published: "1998-08-07",
                      phrase: "Wednesday", type: .date, value: "1998-08-05"),
        TimeValueCase(text: "In March, the assembly will vote on the charter.", published: "1998-08-07",
                      phrase: "March", type: .date, value: "1999-03"),
        TimeValueCase(text: "In March, the firm announced plans to sell its mines.", published: "1998-08-07",
                      phrase: "March", type: .date, value: "1998-03"),
        // With future cues "this weekend" / "the weekend" is the coming one; without, the latest one.
        TimeValueCase(text: "The ministers will meet this weekend in Rome.", published: "1998-08-05",
                      phrase: "this weekend", type: .date, value: "1998-W32-WE"),
        TimeValueCase(text: "Gunmen raided the village over the weekend.", published: "1998-08-05",
                      phrase: "the weekend", type: .date, value: "1998-W31-WE"),
        // A noun before the day is no verb of scheduling.
        TimeValueCase(text: "During his visit Monday, the envoy met the rebels.", published: "1998-08-07",
                      phrase: "Monday", type: .date, value: "1998-08-03"),
    ]

    /// Plans, reported futures, limits and planned events named by a possessive day (2018-10-08 is a Monday).
    static let planCases: [TimeValueCase] = [
        // A planned event after a possessive day takes the tense of its own clause, also after "said".
        TimeValueCase(text: "Thursday's meeting will settle the budget, the council said.", published: "2018-10-08",
                      phrase: "Thursday", type: .date, value: "2018-10-11"),
        TimeValueCase(text: "The mayor said Friday's vote would go ahead despite the rain.", published: "2018-10-08",
                      phrase: "Friday", type: .date, value: "2018-10-12"),
        TimeValueCase(text: "Saturday's summit was cut short by the storm.", published: "2018-10-08",
                      phrase: "Saturday", type: .date, value: "2018-10-06"),
        TimeValueCase(text: "Crowds gathered ahead of Sunday's referendum.", published: "2018-10-08",
                      phrase: "Sunday", type: .date, value: "2018-10-14"),
        // A past verb of agreement or promise before "to" points ahead; right before the day it is the past.
        TimeValueCase(text: "The two sides agreed to meet Thursday in Geneva.", published: "2018-10-08",
                      phrase: "Thursday", type: .date, value: "2018-10-11"),
        TimeValueCase(text: "The envoy promised to return on Wednesday with a new offer.", published: "2018-10-08",
                      phrase: "Wednesday", type: .date, value: "2018-10-10"),
        TimeValueCase(text: "The two sides agreed Thursday to a prisoner swap.", published: "2018-10-08",
                      phrase: "Thursday", type: .date, value: "2018-10-04"),
        // A reported future.
        TimeValueCase(text: "Officials said talks would resume Friday after a pause.", published: "2018-10-08",
                      phrase: "Friday", type: .date, value: "2018-10-12"),
        // A future cue nearer than a past one, or a plan, puts a month without a year ahead.
        TimeValueCase(text: "Officials said the vote will be held in December.", published: "2018-10-08",
                      phrase: "December", type: .date, value: "2018-12"),
        TimeValueCase(text: "The two firms agreed to merge in February.", published: "2018-10-08",
                      phrase: "February", type: .date, value: "2019-02"),
        // A limit is the nearest such day, ahead or behind.
        TimeValueCase(text: "The rebels were given until 9 a.m. Tuesday to leave the town.", published: "2018-10-08",
                      phrase: "9 a.m. Tuesday", type: .time, value: "2018-10-09T09:00"),
        TimeValueCase(text: "The militia ignored a deadline of Saturday to disarm.", published: "2018-10-08",
                      phrase: "Saturday", type: .date, value: "2018-10-06"),
        TimeValueCase(text: "Negotiators face a Wednesday deadline.", published: "2018-10-08",
                      phrase: "Wednesday", type: .date, value: "2018-10-10"),
        // The turn of the century: the century boundary nearest the publication date.
        TimeValueCase(text: "The port was built around the turn of the century by traders.", published: "2018-10-08",
                      phrase: "the turn of the century", type: .date, value: "2000"),
    ]

    @Test(arguments: planCases)
    func readsPlansLimitsAndPlannedEvents(_ c: TimeValueCase) throws {
        let found = finder.find(in: c.text, published: DayInterval(day: CalendarDay(iso: c.published)!))
        let m = try #require(found.first { c.text.slice($0.range) == c.phrase },
                             "no mention \"\(c.phrase)\" in \(found.map { c.text.slice($0.range) ?? "?" })")
        #expect(m.type == c.type)
        #expect(m.value == c.value)
    }

    @Test(arguments: tenseCases)
    func readsTheTenseAroundADay(_ c: TimeValueCase) throws {
        let found = finder.find(in: c.text, published: DayInterval(day: CalendarDay(iso: c.published)!))
        let m = try #require(found.first { c.text.slice($0.range) == c.phrase },
                             "no mention \"\(c.phrase)\" in \(found.map { c.text.slice($0.range) ?? "?" })")
        #expect(m.value == c.value)
    }

    @Test(arguments: yearCases)
    func readsYearsAndMonthsOfYears(_ c: TimeValueCase) throws {
        let found = finder.find(in: c.text, published: DayInterval(day: CalendarDay(iso: c.published)!))
        let m = try #require(found.first { c.text.slice($0.range) == c.phrase },
                             "no mention \"\(c.phrase)\" in \(found.map { c.text.slice($0.range) ?? "?" })")
        #expect(m.type == c.type)
        #expect(m.value == c.value)
    }

    /// An apostrophe inside a word, or a quoted number after a word, is not a year; "overnight" before a noun is no time.
    @Test(arguments: ["The band played rock'n'roll 98 times.", "Grade 'A' 12 units were sold.",
                      "An overnight curfew was imposed.", "Overnight flights were cancelled.",
                      "Prices rose in the year before elections."])
    func apostrophesInsideWordsAreNotYears(_ text: String) {
        let found = finder.find(in: text, published: DayInterval(day: CalendarDay(iso: "1998-08-08")!))
        #expect(found.isEmpty, "found \(found.map { text.slice($0.range) ?? "?" })")
    }

    @Test(arguments: cases)
    func countsFromTheReferenceTime(_ c: TimeValueCase) throws {
        let found = finder.find(in: c.text, published: DayInterval(day: CalendarDay(iso: c.published)!))
        let m = try #require(found.first { c.text.slice($0.range) == c.phrase },
                             "no mention \"\(c.phrase)\" in \(found.map { c.text.slice($0.range) ?? "?" })")
        #expect(m.type == c.type)
        #expect(m.value == c.value)
    }
}
