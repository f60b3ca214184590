import Testing
@testable import SitrepCore

@Suite struct CalendarDayTests {
    @Test(arguments: [
        ("2018-02-13", 2),   // a Tuesday
        ("2018-10-01", 1),   // a Monday
        ("2018-08-03", 5),   // a Friday
        ("1970-01-01", 4),   // a Thursday
        ("2000-02-29", 2),
    ])
    func weekdayIsISO(iso: String, weekday: Int) throws {
        let day = try #require(CalendarDay(iso: iso))
        #expect(day.weekday == weekday)
    }

    @Test func dayNumberRoundTrips() {
        for n in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CalendarDay(dayNumber: n).dayNumber == n)
        }
    }

    @Test func impossibleDaysAreRejected() {
        #expect(CalendarDay(year: 2018, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2018, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 2018, month: 13, day: 1) == nil)
        #expect(CalendarDay(iso: "2018-7-3x") == nil)
        #expect(CalendarDay(year: 2016, month: 2, day: 29) != nil)
    }

    @Test func addingDaysCrossesMonthsAndYears() throws {
        let day = try #require(CalendarDay(iso: "2018-12-30"))
        #expect(day.adding(days: 3).iso == "2019-01-02")
        #expect(day.adding(days: -365).iso == "2017-12-30")
    }
}
