import SitrepCore
import Testing
@testable import SitrepLanguage

/// One sentence of our own, the phrase the finder must return from it, and the TimeML type and value.
struct TimeValueCase: CustomTestStringConvertible, Sendable {
    var text: String
    var published: String
    var phrase: String
    var type: TimexType
    var value: String
    var testDescription: String { "\(phrase) @\(published)" }
}

/// A table of extents and values, one row per rule: tense cues, fractions, decades, vague references, sets.
@Suite struct TimeValueTableTests {
    // 2018-10-05 is a Friday; 2018-11-14 a Wednesday.
    static let cases: [TimeValueCase] = [
        // Tense cues.
        TimeValueCase(text: "The governor will visit the camp Friday.", published: "2018-10-05",
                      phrase: "Friday", type: .date, value: "2018-10-05"),
        TimeValueCase(text: "The peace plan Friday drew little support.", published: "2018-10-03",
                      phrase: "Friday", type: .date, value: "2018-09-28"),
        TimeValueCase(text: "The militia plans to withdraw Friday.", published: "2018-10-03",
                      phrase: "Friday", type: .date, value: "2018-10-05"),
        TimeValueCase(text: "The record was set on Aug. 6 by a rival group.", published: "2018-02-06",
                      phrase: "Aug. 6", type: .date, value: "2017-08-06"),
        TimeValueCase(text: "The truce had been due to expire Friday evening.", published: "2018-10-08",
                      phrase: "Friday evening", type: .time, value: "2018-10-05TEV"),
        TimeValueCase(text: "In the year that ended Jan. 31, the agency spent more.", published: "2018-11-14",
                      phrase: "Jan. 31", type: .date, value: "2018-01-31"),
        TimeValueCase(text: "The army retreated in January.", published: "2018-11-14",
                      phrase: "January", type: .date, value: "2018-01"),
        TimeValueCase(text: "Rules to be published in early December will decide it.", published: "2018-11-14",
                      phrase: "early December", type: .date, value: "2018-12"),
        TimeValueCase(text: "The attack began as planned Saturday night.", published: "2018-10-08",
                      phrase: "Saturday night", type: .time, value: "2018-10-06TNI"),
        TimeValueCase(text: "Colonel Reyes will be named commander of the northern task force for a new mission in December.",
                      published: "2018-03-04", phrase: "December", type: .date, value: "2018-12"),
        // "is to", "are to", "going to": future constructions with a present-tense "be".
        TimeValueCase(text: "The tribunal is to hear the appeal Tuesday.", published: "2018-10-03",
                      phrase: "Tuesday", type: .date, value: "2018-10-09"),
        TimeValueCase(text: "Both delegations are to meet again Thursday in Vienna.", published: "2018-10-05",
                      phrase: "Thursday", type: .date, value: "2018-10-11"),
        TimeValueCase(text: "The convoy is going to leave Saturday.", published: "2018-10-03",
                      phrase: "Saturday", type: .date, value: "2018-10-06"),
        TimeValueCase(text: "The envoy is in the capital and met the minister Tuesday.", published: "2018-10-05",
                      phrase: "Tuesday", type: .date, value: "2018-10-02"),
        // Numeric dates that read either way take the reading nearer the publication date; seconds are kept.
        TimeValueCase(text: "Filed 08/07/1998 16:29:00 by the desk.", published: "1998-08-07",
                      phrase: "08/07/1998 16:29:00", type: .time, value: "1998-08-07T16:29:00"),
        TimeValueCase(text: "The order dated 08/07/1998 was ignored.", published: "1998-07-09",
                      phrase: "08/07/1998", type: .date, value: "1998-07-08"),
        TimeValueCase(text: "The order dated 31/07/2018 was ignored.", published: "2018-12-01",
                      phrase: "31/07/2018", type: .date, value: "2018-07-31"),
        TimeValueCase(text: "The order dated 07/31/2018 was ignored.", published: "2018-02-01",
                      phrase: "07/31/2018", type: .date, value: "2018-07-31"),
        // "set for", "planned for", "slated for" right before the expression: a scheduled (future) day.
        TimeValueCase(text: "The vote was set for Sunday.", published: "2018-10-05",
                      phrase: "Sunday", type: .date, value: "2018-10-07"),
        TimeValueCase(text: "A second round is slated for Tuesday.", published: "2018-10-05",
                      phrase: "Tuesday", type: .date, value: "2018-10-09"),
        TimeValueCase(text: "The rally planned for Monday in the square went ahead despite the ban, organisers said.", published: "2018-10-03",
                      phrase: "Monday", type: .date, value: "2018-10-08"),
        TimeValueCase(text: "Troops set fire to the depot Friday.", published: "2018-10-03",
                      phrase: "Friday", type: .date, value: "2018-09-28"),
        // A present-tense verb of scheduling right before the day: the future; an infinitive or past form: not by itself.
        TimeValueCase(text: "Voting begins Monday in the north.", published: "2018-10-03",
                      phrase: "Monday", type: .date, value: "2018-10-08"),
        TimeValueCase(text: "The border crossing reopens on Saturday.", published: "2018-10-03",
                      phrase: "Saturday", type: .date, value: "2018-10-06"),
        TimeValueCase(text: "The border crossing reopened on Saturday.", published: "2018-10-03",
                      phrase: "Saturday", type: .date, value: "2018-09-29"),
        TimeValueCase(text: "The mandate had been due to expire Friday.", published: "2018-10-08",
                      phrase: "Friday", type: .date, value: "2018-10-05"),
        // "these days": the present.
        TimeValueCase(text: "Few traders cross the bridge these days.", published: "2018-10-05",
                      phrase: "these days", type: .date, value: "PRESENT_REF"),
        // Modal and intention cues ("might", "should", "expect", "want to", "seeks to", "preparing to") point to the
        // future (2018-10-03 is a Wednesday); "could" does not ("could not say Monday" is the past).
        TimeValueCase(text: "The council might vote Thursday on the plan.", published: "2018-10-03",
                      phrase: "Thursday", type: .date, value: "2018-10-04"),
        TimeValueCase(text: "Both armies should pull back Sunday.", published: "2018-10-03",
                      phrase: "Sunday", type: .date, value: "2018-10-07"),
        TimeValueCase(text: "Officials expect the crossing to reopen by Saturday.", published: "2018-10-03",
                      phrase: "Saturday", type: .date, value: "2018-10-06"),
        TimeValueCase(text: "The rebels want to hold talks Friday.", published: "2018-10-03",
                      phrase: "Friday", type: .date, value: "2018-10-05"),
        TimeValueCase(text: "The army is preparing to enter the town Sunday.", published: "2018-10-03",
                      phrase: "Sunday", type: .date, value: "2018-10-07"),
        TimeValueCase(text: "The coalition seeks to close the deal Monday.", published: "2018-10-03",
                      phrase: "Monday", type: .date, value: "2018-10-08"),
        TimeValueCase(text: "Officials could not say Monday how many had died.", published: "2018-10-03",
                      phrase: "Monday", type: .date, value: "2018-10-01"),
        // More present-tense verbs of scheduling before the day (2018-10-03 is a Wednesday).
        TimeValueCase(text: "The new governor takes office Monday in the provincial capital.", published: "2018-10-03",
                      phrase: "Monday", type: .date, value: "2018-10-08"),
        TimeValueCase(text: "The king announces his new cabinet on Sunday.", published: "2018-10-03",
                      phrase: "Sunday", type: .date, value: "2018-10-07"),
        TimeValueCase(text: "Most displaced families return Friday, the mayor's office said.", published: "2018-10-03",
                      phrase: "Friday", type: .date, value: "2018-10-05"),
        // "around", "roughly", "approximately" belong to a date's extent (TimeML's mod APPROX); "about" only to
        // durations, clock times and "ago" dates.
        TimeValueCase(text: "The fighting eased around Nov. 1, residents said.", published: "2018-11-05",
                      phrase: "around Nov. 1", type: .date, value: "2018-11-01"),
        TimeValueCase(text: "The firm hopes to finish the sale around year end.", published: "2018-10-05",
                      phrase: "around year end", type: .date, value: "2018"),
        TimeValueCase(text: "The envoy asked about Nov. 1 and the vote.", published: "2018-11-05",
                      phrase: "Nov. 1", type: .date, value: "2018-11-01"),
        // Two plural units joined by "or"/"and" are one expression with the first unit's value; an open end after a year
        // ("or later", "and beyond") belongs to the date.
        TimeValueCase(text: "The siege could drag on for weeks or months.", published: "2018-10-05",
                      phrase: "weeks or months", type: .duration, value: "PXW"),
        TimeValueCase(text: "Aid deliveries fell sharply in recent weeks and months.", published: "2018-10-05",
                      phrase: "recent weeks and months", type: .date, value: "PAST_REF"),
        TimeValueCase(text: "The new airbase will open in 2020 or later.", published: "2018-10-05",
                      phrase: "2020 or later", type: .date, value: "2020"),
        TimeValueCase(text: "Sanctions will stay in place through 2019 and beyond.", published: "2018-10-05",
                      phrase: "2019 and beyond", type: .date, value: "2019"),
        TimeValueCase(text: "The road opened in 2016 or later than that, he said.", published: "2018-10-05",
                      phrase: "2016", type: .date, value: "2016"),
        // "at present": the present, without "at" (prepositions stay outside TimeML extents); "present" alone is no time.
        TimeValueCase(text: "At present the two armies hold their lines.", published: "2018-10-05",
                      phrase: "present", type: .date, value: "PRESENT_REF"),
        TimeValueCase(text: "The port is at present closed to grain ships.", published: "2018-10-05",
                      phrase: "present", type: .date, value: "PRESENT_REF"),
        // "this weekend": the weekend of the publication week from Wednesday on (2018-10-03 is a Wednesday, 2018-10-04
        // a Thursday), the one just gone early in the week (2018-10-01 is a Monday) or after a past-tense verb.
        TimeValueCase(text: "Traders expect big crowds at the market this weekend.", published: "2018-10-03",
                      phrase: "this weekend", type: .date, value: "2018-W40-WE"),
        TimeValueCase(text: "The convoy reaches the border this weekend, the mayor said.", published: "2018-10-04",
                      phrase: "this weekend", type: .date, value: "2018-W40-WE"),
        TimeValueCase(text: "Clashes this weekend left five fighters dead.", published: "2018-10-01",
                      phrase: "this weekend", type: .date, value: "2018-W39-WE"),
        TimeValueCase(text: "Heavy fighting erupted this weekend near the dam.", published: "2018-10-04",
                      phrase: "this weekend", type: .date, value: "2018-W39-WE"),
        TimeValueCase(text: "Fighting went on over the weekend near the dam.", published: "2018-10-04",
                      phrase: "the weekend", type: .date, value: "2018-W39-WE"),
        // Halves.
        TimeValueCase(text: "The siege lasted 2 1/2 years before the town fell.", published: "2018-10-05",
                      phrase: "2 1/2 years", type: .duration, value: "P2Y6M"),
        TimeValueCase(text: "The siege lasted two and a half years.", published: "2018-10-05",
                      phrase: "two and a half years", type: .duration, value: "P2Y6M"),
        TimeValueCase(text: "The shelling stopped for a minute and a half, then resumed.", published: "2018-10-05",
                      phrase: "a minute and a half", type: .duration, value: "PT1M30S"),
        TimeValueCase(text: "Talks went on for one and a half days.", published: "2018-10-05",
                      phrase: "one and a half days", type: .duration, value: "P1DT12H"),
        TimeValueCase(text: "It took three hours and a half to reach the camp.", published: "2018-10-05",
                      phrase: "three hours and a half", type: .duration, value: "PT3H30M"),
        // Decades in words, "the year 2000".
        TimeValueCase(text: "The border was quiet in the nineties.", published: "2018-10-05",
                      phrase: "the nineties", type: .date, value: "199"),
        TimeValueCase(text: "The camp was built in the early eighties.", published: "2018-10-05",
                      phrase: "the early eighties", type: .date, value: "198"),
        TimeValueCase(text: "The dam was planned for the year two thousand.", published: "1996-10-05",
                      phrase: "the year two thousand", type: .date, value: "2000"),
        TimeValueCase(text: "Nothing changed after the year 2000.", published: "2018-10-05",
                      phrase: "the year 2000", type: .date, value: "2000"),
        // Vague future and present.
        TimeValueCase(text: "No talks are expected in the near future.", published: "2018-10-05",
                      phrase: "the near future", type: .date, value: "FUTURE_REF"),
        TimeValueCase(text: "Prices may stay high in the short term, traders said.", published: "2018-10-05",
                      phrase: "the short term", type: .date, value: "FUTURE_REF"),
        TimeValueCase(text: "The road is closed right now.", published: "2018-10-05",
                      phrase: "right now", type: .date, value: "PRESENT_REF"),
        TimeValueCase(text: "The envoy wants a deal as soon as possible.", published: "2018-10-05",
                      phrase: "as soon as possible", type: .date, value: "FUTURE_REF"),
        TimeValueCase(text: "Talks will resume soon, the envoy said.", published: "2018-10-05",
                      phrase: "soon", type: .date, value: "FUTURE_REF"),
        TimeValueCase(text: "The vote was put off to a later date.", published: "2018-10-05",
                      phrase: "a later date", type: .date, value: "FUTURE_REF"),
        TimeValueCase(text: "Exports fell sharply earlier in the year, the ministry said.", published: "2018-10-05",
                      phrase: "earlier in the year", type: .date, value: "2018"),
        TimeValueCase(text: "The town fell on 3 March 2016. Later in the day, the army withdrew.", published: "2018-10-05",
                      phrase: "Later in the day", type: .date, value: "2016-03-03"),
        // Parts of a day with early/mid/late.
        TimeValueCase(text: "Shelling resumed in mid-afternoon, residents said.", published: "2018-10-05",
                      phrase: "mid-afternoon", type: .time, value: "2018-10-05TAF"),
        TimeValueCase(text: "The convoy left late night yesterday.", published: "2018-10-05",
                      phrase: "late night yesterday", type: .time, value: "2018-10-04TNI"),
        // "or so"
        TimeValueCase(text: "The siege may last the next year or so.", published: "2018-10-05",
                      phrase: "the next year or so", type: .date, value: "2019"),
        TimeValueCase(text: "The town fell a week or so ago.", published: "2018-10-05",
                      phrase: "a week or so ago", type: .date, value: "2018-09-28"),
        TimeValueCase(text: "Talks could take two weeks or so.", published: "2018-10-05",
                      phrase: "two weeks or so", type: .duration, value: "P2W"),
        // Approximators.
        TimeValueCase(text: "Reservists can serve for up to 180 days.", published: "2018-10-05",
                      phrase: "up to 180 days", type: .duration, value: "P180D"),
        TimeValueCase(text: "Prices fell over the past two years.", published: "2018-10-05",
                      phrase: "the past two years", type: .duration, value: "P2Y"),
        TimeValueCase(text: "The ban lasts no more than sixty days.", published: "2018-10-05",
                      phrase: "no more than sixty days", type: .duration, value: "P60D"),
        TimeValueCase(text: "Prices rose at least the past 18 months.", published: "2018-10-05",
                      phrase: "at least the past 18 months", type: .duration, value: "P18M"),
        // Numbers after a possessive name, months before a noun, bare plurals after "in".
        TimeValueCase(text: "The ministry's 10-year plan was dropped.", published: "2018-10-05",
                      phrase: "10-year", type: .duration, value: "P10Y"),
        TimeValueCase(text: "The company's 2017 profit fell.", published: "2018-10-05",
                      phrase: "2017", type: .date, value: "2017"),
        TimeValueCase(text: "The rebels broke a June agreement with the army.", published: "2018-10-05",
                      phrase: "June", type: .date, value: "2018-06"),
        TimeValueCase(text: "The border opened for the first time in years.", published: "2018-10-05",
                      phrase: "years", type: .duration, value: "PXY"),
        // Holidays on fixed days.
        TimeValueCase(text: "A car bomb exploded on Christmas Eve near the church.", published: "2018-12-27",
                      phrase: "Christmas Eve", type: .date, value: "2018-12-24"),
        TimeValueCase(text: "Both sides agreed to a truce over Christmas.", published: "2018-12-20",
                      phrase: "Christmas", type: .date, value: "2018-12-25"),
        TimeValueCase(text: "Gunmen attacked the club on New Year's Eve.", published: "2019-01-02",
                      phrase: "New Year's Eve", type: .date, value: "2018-12-31"),
        TimeValueCase(text: "The curfew was lifted on New Year's Day, 2017.", published: "2018-10-05",
                      phrase: "New Year's Day, 2017", type: .date, value: "2017-01-01"),
        TimeValueCase(text: "Crowds gathered for Newroz in the city.", published: "2018-03-25",
                      phrase: "Newroz", type: .date, value: "2018-03-21"),
        // Islamic months and feasts (arithmetical calendar).
        TimeValueCase(text: "Attacks fell during Ramadan, the monitor said.", published: "2018-06-01",
                      phrase: "Ramadan", type: .date, value: "2018-05"),
        TimeValueCase(text: "Prisoners were freed for Eid al-Fitr.", published: "2018-06-20",
                      phrase: "Eid al-Fitr", type: .date, value: "2018-06-15"),
        TimeValueCase(text: "Pilgrims marked Ashura in Karbala.", published: "2018-09-25",
                      phrase: "Ashura", type: .date, value: "2018-09-21"),
        TimeValueCase(text: "The truce held through Ramadan 2017.", published: "2018-09-25",
                      phrase: "Ramadan 2017", type: .date, value: "2017-05"),
        TimeValueCase(text: "The envoy met Prime Minister Abadi 10 days ago.", published: "2018-10-05",
                      phrase: "10 days ago", type: .date, value: "2018-09-25"),
        TimeValueCase(text: "Fighting went on well into the summer.", published: "2018-10-05",
                      phrase: "the summer", type: .date, value: "2018-SU"),
        TimeValueCase(text: "Over the winter, the front barely moved.", published: "2018-10-05",
                      phrase: "the winter", type: .date, value: "2017-WI"),
        TimeValueCase(text: "The siege dragged on into 2019.", published: "2019-03-05",
                      phrase: "2019", type: .date, value: "2019"),
        // Recurring times.
        TimeValueCase(text: "Aid trucks arrive twice a week.", published: "2018-10-05",
                      phrase: "twice a week", type: .set, value: "P1W"),
        TimeValueCase(text: "Prices rose 5% a year.", published: "2018-10-05",
                      phrase: "a year", type: .set, value: "P1Y"),
        TimeValueCase(text: "The bridge is shelled every other day.", published: "2018-10-05",
                      phrase: "every other day", type: .set, value: "P2D"),
        TimeValueCase(text: "Convoys leave every few days.", published: "2018-10-05",
                      phrase: "every few days", type: .set, value: "PXD"),
        // Recurring weekdays.
        TimeValueCase(text: "The market opens on Mondays.", published: "2018-10-05",
                      phrase: "Mondays", type: .set, value: "XXXX-WXX-1"),
        TimeValueCase(text: "Flights leave Tuesday nights from the capital.", published: "2018-10-05",
                      phrase: "Tuesday nights", type: .set, value: "XXXX-WXX-2TNI"),
        // A part of a day next to the day the text last named ("that night", "the next morning").
        TimeValueCase(text: "Gunmen stormed the depot on Aug. 7. That night, police sealed the roads.", published: "1998-08-12",
                      phrase: "That night", type: .time, value: "1998-08-07TNI"),
        TimeValueCase(text: "Gunmen stormed the depot on Aug. 7. The next morning, rescuers reached it.", published: "1998-08-12",
                      phrase: "The next morning", type: .time, value: "1998-08-08TMO"),
        TimeValueCase(text: "The envoy landed on March 3, 2017; the previous evening he had called the rebels.", published: "2018-10-05",
                      phrase: "the previous evening", type: .time, value: "2017-03-02TEV"),
        TimeValueCase(text: "Police closed the bridge this morning.", published: "2018-10-05",
                      phrase: "this morning", type: .time, value: "2018-10-05TMO"),
        // "end-June", "end-2017": the end of a month or year, joined by a hyphen.
        TimeValueCase(text: "Reserves stood at 40 billion dollars by end-June.", published: "2018-10-05",
                      phrase: "end-June", type: .date, value: "2018-06"),
        TimeValueCase(text: "Debt had doubled by end-2017.", published: "2018-10-05",
                      phrase: "end-2017", type: .date, value: "2017"),
        // "the same period last year", "last year's quarter": the quarter the report is about, a year back.
        TimeValueCase(text: "Profit rose in the second quarter, up from the same period last year.", published: "2018-08-05",
                      phrase: "the same period last year", type: .date, value: "2017-Q2"),
        TimeValueCase(text: "Sales fell in the third quarter from the corresponding period of last year.", published: "2018-10-25",
                      phrase: "the corresponding period of last year", type: .date, value: "2017-Q3"),
        TimeValueCase(text: "Third-quarter sales beat last year's quarter.", published: "2018-10-25",
                      phrase: "last year's quarter", type: .date, value: "2017-Q3"),
        TimeValueCase(text: "Exports grew in the first half of this year, faster than in the same period of last year.", published: "2018-08-05",
                      phrase: "the same period of last year", type: .date, value: "2017-H1"),
        TimeValueCase(text: "Arrivals in July were double those of the same period last year.", published: "2018-08-05",
                      phrase: "the same period last year", type: .date, value: "2017-07"),
        TimeValueCase(text: "Prices were higher than in the same period last year.", published: "2018-10-25",
                      phrase: "the same period last year", type: .date, value: "2017"),
        // A clock time without a day takes the day its sentence names nearby; else the publication day.
        TimeValueCase(text: "The blast came at 3 a.m. local time on Tuesday.", published: "1998-08-12",
                      phrase: "3 a.m.", type: .time, value: "1998-08-11T03:00"),
        TimeValueCase(text: "On Sunday the guns fell silent at 6 p.m. sharp.", published: "1998-08-12",
                      phrase: "6 p.m.", type: .time, value: "1998-08-09T18:00"),
        TimeValueCase(text: "The curfew starts at 8 p.m. and the minister spoke for an hour.", published: "1998-08-12",
                      phrase: "8 p.m.", type: .time, value: "1998-08-12T20:00"),
        // "the day before yesterday", "the day after tomorrow"
        TimeValueCase(text: "The day before yesterday, rebels shelled the port.", published: "1998-08-12",
                      phrase: "The day before yesterday", type: .date, value: "1998-08-10"),
        TimeValueCase(text: "Talks resume the day after tomorrow.", published: "1998-08-12",
                      phrase: "the day after tomorrow", type: .date, value: "1998-08-14"),
        // A number ending one sentence does not make "a year" in the next a rate.
        TimeValueCase(text: "The order is dated Aug. 3. A year after the attack, the town is rebuilt.", published: "1998-08-12",
                      phrase: "A year", type: .duration, value: "P1Y"),
        // "last" the verb: the duration is the count and unit alone.
        TimeValueCase(text: "The convoy's journey is expected to last several weeks.", published: "2018-10-05",
                      phrase: "several weeks", type: .duration, value: "PXW"),
        TimeValueCase(text: "The talks will last two days.", published: "2018-10-05",
                      phrase: "two days", type: .duration, value: "P2D"),
        TimeValueCase(text: "Shelling eased over the last two days.", published: "2018-10-05",
                      phrase: "the last two days", type: .duration, value: "P2D"),
        // Only "a year ago" takes the quarter a report is about; "20 years ago" is a year.
        TimeValueCase(text: "Sales fell in the third quarter. The mill opened 20 years ago.", published: "2018-10-05",
                      phrase: "20 years ago", type: .date, value: "1998"),
        TimeValueCase(text: "Sales fell in the third quarter. A year ago they rose.", published: "2018-10-05",
                      phrase: "A year ago", type: .date, value: "2017-Q3"),
        // A present-tense verb of scheduling a few words back points to the future; a base form does not.
        TimeValueCase(text: "A two-day summit opens in Geneva on Monday.", published: "2018-10-03",
                      phrase: "Monday", type: .date, value: "2018-10-08"),
        TimeValueCase(text: "The fighting did not begin until Tuesday.", published: "2018-10-05",
                      phrase: "Tuesday", type: .date, value: "2018-10-02"),
        // "the past" alone is a vague past; "This week" at a sentence start is still a week.
        TimeValueCase(text: "Such raids were common in the past, officials said.", published: "2018-10-05",
                      phrase: "the past", type: .date, value: "PAST_REF"),
        TimeValueCase(text: "This week the convoy reached the border.", published: "2018-10-05",
                      phrase: "This week", type: .date, value: "2018-W40"),
        // "for the year", "of the year" after a stretch of months: the whole year, as a date.
        TimeValueCase(text: "Aid deliveries rose 5% for the year, the agency said.", published: "2018-10-05",
                      phrase: "the year", type: .date, value: "2018"),
        TimeValueCase(text: "Attacks fell in the first nine months of the year.", published: "2018-10-05",
                      phrase: "the year", type: .date, value: "2018"),
        TimeValueCase(text: "The mission was extended for the fiscal year.", published: "2018-10-05",
                      phrase: "the fiscal year", type: .date, value: "2018"),
        TimeValueCase(text: "Donors expect shortfalls for the full year as well.", published: "2018-10-05",
                      phrase: "the full year", type: .date, value: "2018"),
        // A day written as an ordinal word after the month (spoken style).
        TimeValueCase(text: "The rally is planned for March eighth in the capital.", published: "2018-03-01",
                      phrase: "March eighth", type: .date, value: "2018-03-08"),
        // More present-tense verbs of scheduling right before the day ("hears", "testifies"); a plural noun is none.
        TimeValueCase(text: "The tribunal hears the appeal Thursday.", published: "2018-10-08",
                      phrase: "Thursday", type: .date, value: "2018-10-11"),
        TimeValueCase(text: "The envoy testifies on Wednesday before the committee.", published: "2018-10-08",
                      phrase: "Wednesday", type: .date, value: "2018-10-10"),
        TimeValueCase(text: "The heads of state met Tuesday.", published: "2018-10-05",
                      phrase: "Tuesday", type: .date, value: "2018-10-02"),
        // "in the morning": that part of the day last named.
        TimeValueCase(text: "Shelling resumed Tuesday. Convoys left in the morning.", published: "2018-10-05",
                      phrase: "the morning", type: .time, value: "2018-10-02TMO"),
        // "the 15th": a day of the month the text is about.
        TimeValueCase(text: "The convoy reached the valley on the 15th.", published: "2018-10-20",
                      phrase: "the 15th", type: .date, value: "2018-10-15"),
        TimeValueCase(text: "Shelling began on June 2, 2017, and stopped on the 9th, monitors said.", published: "2018-10-20",
                      phrase: "the 9th", type: .date, value: "2017-06-09"),
    ]

    /// Common newswire phenomena (TimeML conventions), one sentence each; 1998-10-14 is a Wednesday.
    static let newswire: [TimeValueCase] = [
        TimeValueCase(text: "Crude stocks are now lower than a year ago.", published: "1998-10-14",
                      phrase: "now", type: .date, value: "PRESENT_REF"),
        TimeValueCase(text: "Two mills are currently idle.", published: "1998-10-14",
                      phrase: "currently", type: .date, value: "PRESENT_REF"),
        TimeValueCase(text: "Exports have slumped in recent years.", published: "1998-10-14",
                      phrase: "recent years", type: .date, value: "PAST_REF"),
        TimeValueCase(text: "Similar offers were rejected in the past.", published: "1998-10-14",
                      phrase: "the past", type: .date, value: "PAST_REF"),
        TimeValueCase(text: "More layoffs are likely in the coming weeks.", published: "1998-10-14",
                      phrase: "the coming weeks", type: .date, value: "FUTURE_REF"),
        TimeValueCase(text: "The port was expanded in the 1990s.", published: "1998-10-14",
                      phrase: "the 1990s", type: .date, value: "199"),
        TimeValueCase(text: "The refinery opened in the mid-1970s.", published: "1998-10-14",
                      phrase: "the mid-1970s", type: .date, value: "197"),
        TimeValueCase(text: "Spending for fiscal 1997 was frozen.", published: "1998-10-14",
                      phrase: "fiscal 1997", type: .date, value: "1997"),
        TimeValueCase(text: "Net income climbed in the third quarter.", published: "1998-10-14",
                      phrase: "the third quarter", type: .date, value: "1998-Q3"),
        TimeValueCase(text: "Shipments dropped in the first half.", published: "1998-10-14",
                      phrase: "the first half", type: .date, value: "1998-H1"),
        TimeValueCase(text: "The mill will restart this fall.", published: "1998-10-14",
                      phrase: "this fall", type: .date, value: "1998-FA"),
        TimeValueCase(text: "Gas bills doubled last winter.", published: "1998-10-14",
                      phrase: "last winter", type: .date, value: "1997-WI"),
        TimeValueCase(text: "The negotiations broke down Tuesday night.", published: "1998-10-14",
                      phrase: "Tuesday night", type: .time, value: "1998-10-13TNI"),
        TimeValueCase(text: "The envoy flew home this morning.", published: "1998-10-14",
                      phrase: "this morning", type: .time, value: "1998-10-14TMO"),
        TimeValueCase(text: "Revenue had been $9 million a year earlier.", published: "1998-10-14",
                      phrase: "a year earlier", type: .date, value: "1997"),
        TimeValueCase(text: "Orders were down from the same period last year.", published: "1998-10-14",
                      phrase: "the same period last year", type: .date, value: "1997"),
        TimeValueCase(text: "The cabinet will decide later this week.", published: "1998-10-14",
                      phrase: "later this week", type: .date, value: "1998-W42"),
        TimeValueCase(text: "The merger should be done by the end of the year.", published: "1998-10-14",
                      phrase: "the end of the year", type: .date, value: "1998"),
        TimeValueCase(text: "Clashes went on over the weekend.", published: "1998-10-14",
                      phrase: "the weekend", type: .date, value: "1998-W41-WE"),
        TimeValueCase(text: "The bank was sold two years ago.", published: "1998-10-14",
                      phrase: "two years ago", type: .date, value: "1996"),
        TimeValueCase(text: "The pit shut down a decade ago.", published: "1998-10-14",
                      phrase: "a decade ago", type: .date, value: "1988"),
        TimeValueCase(text: "Imports will fall next year.", published: "1998-10-14",
                      phrase: "next year", type: .date, value: "1999"),
        TimeValueCase(text: "The regulator fined the firm earlier this year.", published: "1998-10-14",
                      phrase: "earlier this year", type: .date, value: "1998"),
        TimeValueCase(text: "The jury will return tomorrow.", published: "1998-10-14",
                      phrase: "tomorrow", type: .date, value: "1998-10-15"),
        TimeValueCase(text: "The index closed higher today.", published: "1998-10-14",
                      phrase: "today", type: .date, value: "1998-10-14"),
        TimeValueCase(text: "The bonds gained in the past three months.", published: "1998-10-14",
                      phrase: "the past three months", type: .duration, value: "P3M"),
        TimeValueCase(text: "The two presidents will talk on Tuesday.", published: "1998-10-14",
                      phrase: "Tuesday", type: .date, value: "1998-10-20"),
        TimeValueCase(text: "Talks fell apart in the second half of last year.", published: "1998-10-14",
                      phrase: "the second half of last year", type: .date, value: "1997-H2"),
        // A verb that moves an event later ("postponed", "adjourned", "delayed") before "until"/"to": a later day.
        TimeValueCase(text: "The court session adjourned until Tuesday.", published: "1998-10-14",
                      phrase: "Tuesday", type: .date, value: "1998-10-20"),
        TimeValueCase(text: "The ballot was postponed until Monday.", published: "1998-10-14",
                      phrase: "Monday", type: .date, value: "1998-10-19"),
        TimeValueCase(text: "The launch has been delayed to Friday.", published: "1998-10-14",
                      phrase: "Friday", type: .date, value: "1998-10-16"),
        TimeValueCase(text: "The truce was extended until Sunday.", published: "1998-10-14",
                      phrase: "Sunday", type: .date, value: "1998-10-18"),
        TimeValueCase(text: "The strike lasted until Tuesday.", published: "1998-10-14",
                      phrase: "Tuesday", type: .date, value: "1998-10-13"),
        // A scheduling verb before one "-ly" adverb and the day: the future.
        TimeValueCase(text: "The two delegations meet formally Monday in Oslo.", published: "1998-10-14",
                      phrase: "Monday", type: .date, value: "1998-10-19"),
        TimeValueCase(text: "Both teams resume separately on Friday.", published: "1998-10-14",
                      phrase: "Friday", type: .date, value: "1998-10-16"),
        // Dawn and dusk after "at", "before", "by": that part of the day, on the day right after it if one is named.
        TimeValueCase(text: "The militia struck at dawn Tuesday.", published: "1998-10-14",
                      phrase: "dawn Tuesday", type: .time, value: "1998-10-13TMO"),
        TimeValueCase(text: "Soldiers searched the village before dawn.", published: "1998-10-14",
                      phrase: "dawn", type: .time, value: "1998-10-14TMO"),
        TimeValueCase(text: "The trucks crossed the border at dusk.", published: "1998-10-14",
                      phrase: "dusk", type: .time, value: "1998-10-14TEV"),
        TimeValueCase(text: "Shelling began Monday. It stopped at daybreak.", published: "1998-10-14",
                      phrase: "daybreak", type: .time, value: "1998-10-12TMO"),
        // "the weeks ahead": an unspecified stretch from the anchor, as "the next few weeks".
        TimeValueCase(text: "Prices may climb in the months ahead.", published: "1998-10-14",
                      phrase: "the months ahead", type: .duration, value: "PXM"),
        TimeValueCase(text: "Traders expect volatility in the days ahead.", published: "1998-10-14",
                      phrase: "the days ahead", type: .duration, value: "PXD"),
        // A clock time before "tonight", "today": that time on that day.
        TimeValueCase(text: "Polling stations close at midnight tonight.", published: "1998-10-14",
                      phrase: "midnight tonight", type: .time, value: "1998-10-14T24:00"),
        TimeValueCase(text: "The minister speaks at 9 p.m. today.", published: "1998-10-14",
                      phrase: "9 p.m. today", type: .time, value: "1998-10-14T21:00"),
    ]

    @Test(arguments: newswire)
    func newswirePhenomena(_ c: TimeValueCase) throws {
        try findsTheExtentAndTheValue(c)
    }

    /// Wire-service datelines, past and future cues before a weekday, and "into the night";
    /// 1998-08-12 is a Wednesday, 1999-11-23 a Tuesday.
    static let wire: [TimeValueCase] = [
        // A dated dateline is the day the story was written: "today" and weekdays count from it.
        TimeValueCase(text: "BEIJING, Nov. 22 (Xinhua) -- The premier met the visiting envoy here today.", published: "1999-11-23",
                      phrase: "today", type: .date, value: "1999-11-22"),
        TimeValueCase(text: "PARIS, March 5 (Xinhua) -- Police said the blast last week killed two people.", published: "2000-03-06",
                      phrase: "last week", type: .date, value: "2000-W08"),
        TimeValueCase(text: "CAIRO, Nov. 21 (Xinhua) -- Egypt and Sudan agreed here today to restore ties.", published: "1999-11-23",
                      phrase: "Nov. 21", type: .date, value: "1999-11-21"),
        // Not a dateline: a date further into the sentence, or weeks before publication.
        TimeValueCase(text: "The ministers, meeting on Nov. 2 (a Tuesday), said today that talks were over.", published: "1999-11-23",
                      phrase: "today", type: .date, value: "1999-11-23"),
        TimeValueCase(text: "GENEVA, Oct. 2 (Reuters) -- The envoy said today that talks were over.", published: "1999-11-23",
                      phrase: "today", type: .date, value: "1999-11-23"),
        // Without a future cue a weekday after "for", "until", "ahead of" is the latest one; "will" makes it the next.
        TimeValueCase(text: "Police were on alert ahead of Sunday's vote.", published: "1998-08-12",
                      phrase: "Sunday", type: .date, value: "1998-08-09"),
        TimeValueCase(text: "No group has claimed responsibility for Friday's bombings.", published: "1998-08-12",
                      phrase: "Friday", type: .date, value: "1998-08-07"),
        TimeValueCase(text: "The curfew stayed in place until Monday.", published: "1998-08-12",
                      phrase: "Monday", type: .date, value: "1998-08-10"),
        TimeValueCase(text: "Until Monday, the town had been quiet.", published: "1998-08-12",
                      phrase: "Monday", type: .date, value: "1998-08-10"),
        TimeValueCase(text: "The fighting went on until Monday.", published: "1998-08-12",
                      phrase: "Monday", type: .date, value: "1998-08-10"),
        TimeValueCase(text: "The talks began Tuesday and will end Friday.", published: "1998-08-12",
                      phrase: "Friday", type: .date, value: "1998-08-14"),
        // "into the night", "during the night": that part of the day the text is about.
        TimeValueCase(text: "Fighting raged into the night around the airport.", published: "1998-08-12",
                      phrase: "the night", type: .time, value: "1998-08-12TNI"),
        TimeValueCase(text: "The rebels struck Monday. During the night, troops moved closer.", published: "1998-08-12",
                      phrase: "the night", type: .time, value: "1998-08-10TNI"),
    ]

    @Test(arguments: wire)
    func wireServicePhenomena(_ c: TimeValueCase) throws {
        try findsTheExtentAndTheValue(c)
    }

    /// Parts of a day that are habitual or nouns, and "ahead of": no times.
    @Test(arguments: ["Many nurses work at night.", "The dawn of a new era came.", "He stood by dusk lights.",
                      "Officials met ahead of the vote.", "The delay until the vote angered voters."])
    func habitualPartsOfDayAreNoTimes(_ text: String) {
        let found = finder.find(in: text, published: DayInterval(day: CalendarDay(iso: "1998-10-14")!))
        #expect(found.isEmpty, "found \(found.map { text.slice($0.range) ?? "?" })")
    }

    @Test(arguments: cases)
    func findsTheExtentAndTheValue(_ c: TimeValueCase) throws {
        let found = finder.find(in: c.text, published: DayInterval(day: CalendarDay(iso: c.published)!))
        let m = try #require(found.first { c.text.slice($0.range) == c.phrase },
                             "no mention \"\(c.phrase)\" in \(found.map { c.text.slice($0.range) ?? "?" })")
        #expect(m.type == c.type)
        #expect(m.value == c.value)
    }

    @Test(arguments: [
        "The bank sold long term debt.",
        "He is in his nineties.",
        "They were right about it.",
        "Resolution 2254 was adopted.",
        "He spent his life in years of exile.",
        "Civilians may leave as soon as the shelling stops.",
        "He died soon after the attack.",
        "The New York office closed.",
        "Over 2000 people fled.",
        "He watched Channel 4 news.",
        "Growth was strong in the 1996-2000 period.",
        "Analysts said the slump could last weeks.",
        "The 3rd Brigade moved north.",
        // A capitalised unit after "this"/"next" in running text is a title; "the past" before a count of other things.
        "The minister spoke on the programme \"This Week\" about the truce.",
        "The novel \"Next Year in Havana\" sold well.",
        "The rebels have held the pass for the past three seasons.",
        "Turnout fell over the past two elections.",
        // A decimal is a quantity, not a year; a month name inside a name before an ordinal is no date.
        "The index closed at 2082.1, traders said.",
        "Prime Minister Theresa May first raised the issue.",
        // "around" before a bare number: a quantity, not a year.
        "Around 2000 people fled the town.",
        // "present" without "at" is an adjective or a verb.
        "The present government will present its plan.",
    ])
    func lookalikesAreNotTimes(_ text: String) {
        let found = finder.find(in: text, published: DayInterval(day: CalendarDay(iso: "2018-10-05")!))
        #expect(found.isEmpty, "found \(found.map { text.slice($0.range) ?? "?" })")
    }

    /// "the year ended June 30" is a year-long stretch (a duration), not the year of publication; "the morning papers",
    /// "the evening of his life" are no times.
    @Test(arguments: ["Revenue for the year ended June 30 fell.", "The man of the year gave a speech.",
                      "He read it in the morning papers.", "It happened in the evening of his life."])
    func theYearBeforeAWordIsNoDate(_ text: String) {
        let found = finder.find(in: text, published: DayInterval(day: CalendarDay(iso: "2018-10-05")!))
        let phrases = found.map { text.slice($0.range) ?? "" }
        #expect(!phrases.contains { p in ["the year", "the morning", "the evening"].contains { p.hasSuffix($0) } },
                "found \(found.map { text.slice($0.range) ?? "?" })")
    }

    @Test func ramadanIsTheWholeIslamicMonth() throws {
        let m = try #require(finder.find(in: "Attacks fell during Ramadan.", published: DayInterval(day: CalendarDay(iso: "2018-06-01")!)).first)
        #expect(m.interval == DayInterval(start: CalendarDay(iso: "2018-05-16")!, end: CalendarDay(iso: "2018-06-14")!))
        #expect(m.precision == .month)
    }
}
