import Testing
@testable import SitrepLanguage

/// The grammar's unit and role tests written as switches (`TimeExpressionParser+Sets.swift`) hold exactly the
/// members the array literals they replaced listed, for every unit and every role.
@Suite struct TimeGrammarSetTests {
    typealias Parser = TimeExpressionParser
    typealias Unit = TimeLexicon.Unit
    typealias Role = TimeLexicon.Role

    static let units: [Unit] = ["D", "W", "FN", "M", "Y", "Q", "DE", "CE", "H", "MIN", "WE"].map { Unit(rawValue: $0)! }

    @Test(arguments: units)
    func unitSetsHoldTheListedUnits(_ u: Unit) {
        #expect(Parser.isPeriodUnit(u) == [Unit.year, .month, .week, .quarter, .decade, .century].contains(u))
        #expect(Parser.isCalendarUnit(u) == [Unit.day, .week, .month, .year].contains(u))
    }

    @Test func unitListIsComplete() {
        // Every raw value the enum knows is in the list above (a new unit would need a row).
        #expect(Set(Self.units.map(\.rawValue)).count == 11)
    }

    @Test(arguments: Role.allCases)
    func roleSetsHoldTheListedRoles(_ r: Role) {
        #expect(Parser.isClockWord(r) == [Role.am, .pm, .oclock].contains(r))
        let openers: [Role] = [.on, .since, .by, .until, .early, .late, .from, .through, .before, .after, .between, .and, .to, .during]
        #expect(Parser.opensWeekdayBeforeName(r) == openers.contains(r))
    }

    @Test(arguments: [
        // A clock time after an hour, a weekday after "on" before a capitalised word, "the end of the year".
        ("The meeting ends at 5 p.m. on Friday.", "5 p.m."),
        ("On Monday Police said the road was shut.", "Monday"),
        ("Prices rose at the end of the year.", "end of the year"),
        ("The vote came earlier in the week.", "earlier in the week"),
    ])
    func sentencesUsingTheSetsStillParse(_ text: String, _ phrase: String) throws {
        let finder = try TimeExpressionFinder()
        let bytes = Array(text.utf8), p = Array(phrase.utf8)
        let at = try #require((0...(bytes.count - p.count)).first { Array(bytes[$0..<($0 + p.count)]) == p })
        let covering = finder.find(in: text, published: nil).filter { Int($0.range.start) <= at && Int($0.range.end) >= at + p.count }
        #expect(covering.count == 1, "\(phrase) in \(text)")
    }
}
