/// The small fixed sets of units and roles the grammar tests against, written as switches: an array literal with
/// `contains` may allocate its storage on every call, and these tests run for many tokens.
extension TimeExpressionParser {
    /// "the end of the year", "the beginning of the month": units a part of ("end", "beginning", "middle") applies to.
    @inline(__always) static func isPeriodUnit(_ u: TimeLexicon.Unit) -> Bool {
        switch u {
        case .year, .month, .week, .quarter, .decade, .century: return true
        default: return false
        }
    }

    /// "earlier in the year", "later in the day": units "earlier"/"later in the" take.
    @inline(__always) static func isCalendarUnit(_ u: TimeLexicon.Unit) -> Bool {
        switch u {
        case .day, .week, .month, .year: return true
        default: return false
        }
    }

    /// "a.m.", "p.m.", "o'clock" after an hour.
    @inline(__always) static func isClockWord(_ r: Role) -> Bool {
        switch r {
        case .am, .pm, .oclock: return true
        default: return false
        }
    }

    /// The words after which a weekday with a capitalised word right after it is still a weekday ("on Monday Police
    /// said", "since Friday Kabul has"); elsewhere it may start a name ("the Sunday Times").
    @inline(__always) static func opensWeekdayBeforeName(_ r: Role) -> Bool {
        switch r {
        case .on, .since, .by, .until, .early, .late, .from, .through, .before, .after, .between, .and, .to, .during: return true
        default: return false
        }
    }
}
