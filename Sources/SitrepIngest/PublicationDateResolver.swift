import SitrepCore

/// Chooses a document's publication date among the dates its page states, or infers an honest
/// window from what the body says, and always says why. It never uses today's date.
enum PublicationDateResolver {
    /// How far apart two days are, in days.
    static func gap(_ a: CalendarDay, _ b: CalendarDay) -> Int { a.dayNumber - b.dayNumber }

    /// Days from `day` to the nearest day-precision date the body mentions (years resolved around `day`),
    /// with that body date.
    static func nearestBodyDate(to day: CalendarDay, in mentions: [DateMention]) -> (Int, CalendarDay)? {
        var best: (Int, CalendarDay)?
        for m in mentions {
            guard let d = m.resolved(near: day) else { continue }
            let g = abs(gap(day, d))
            if best == nil || g < best!.0 { best = (g, d) }
        }
        return best
    }

    static func resolve(candidates: [DateCandidate], bodyMentions: [DateMention], relative: [RelativeWeekday],
                        captionClues: [DateClue], pastClues: [DateClue]) -> PublicationDate? {
        if !candidates.isEmpty {
            return choose(candidates, bodyMentions: bodyMentions)
        }
        return infer(bodyMentions: bodyMentions, relative: relative, captionClues: captionClues, pastClues: pastClues)
    }

    private static func score(_ c: DateCandidate, bodyMentions: [DateMention]) -> (Double, String) {
        var s = 0.0
        var notes: [String] = []
        switch c.method {
        case .byline: s += 3; notes.append("next to the byline")
        default: s += 2; notes.append("a date line at the head of the page")
        }
        switch c.prefix {
        case .published: s += 2; notes.append("marked as published")
        case .updated: s -= 1; notes.append("marked as an update")
        case .none: break
        }
        if c.aboveTitle { s -= 1; notes.append("above the title") }
        if c.belowBody { s -= 1; notes.append("below the start of the article") }
        if c.weekdayMismatch { s -= 2; notes.append("its weekday does not match the day") }
        if let (g, d) = nearestBodyDate(to: c.day, in: bodyMentions) {
            if g <= 14 { s += 3; notes.append("\(g) day\(g == 1 ? "" : "s") from a date the body mentions (\(d.iso))") }
            else if g <= 60 { s += 1; notes.append("\(g) days from the nearest date the body mentions (\(d.iso))") }
            else { s -= 4; notes.append("\(g) days from every date the body mentions") }
        }
        return (s, notes.joined(separator: ", "))
    }

    static func choose(_ candidates: [DateCandidate], bodyMentions: [DateMention]) -> PublicationDate {
        var scored = candidates.map { c -> (DateCandidate, Double, String) in
            let (s, why) = score(c, bodyMentions: bodyMentions)
            return (c, s, why)
        }
        // Stable: best score, then the earlier line.
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.line < $1.0.line }
        let (best, _, why) = scored[0]
        var reason = "'\(best.text)': \(why)"
        if candidates.count == 1 { reason += "; the only publication date the page states" }
        // The latest body date resolved around the winner: the same for every other candidate, found once when needed.
        var latestBodyFound = false
        var latestBody: CalendarDay?
        for (other, _, _) in scored.dropFirst() where other.day != best.day {
            let later = gap(other.day, best.day)
            var note = "; not '\(other.text)'"
            // Explain against the body dates resolved around the winner.
            if !latestBodyFound {
                for m in bodyMentions {
                    if let d = m.resolved(near: best.day), latestBody == nil || d > latestBody! { latestBody = d }
                }
                latestBodyFound = true
            }
            if let lb = latestBody, gap(other.day, lb) > 60 {
                note += " (\(gap(other.day, lb)) days after the latest date the body mentions, \(lb.iso): a retrieval or 'today' stamp"
                note += other.aboveTitle ? " above the title)" : ")"
            } else if later > 0 {
                note += " (\(later) days later\(other.aboveTitle ? ", above the title" : ""))"
            } else {
                note += " (scored lower)"
            }
            reason += note
        }
        return PublicationDate(start: best.day, method: best.method, text: best.text, reason: reason, time: best.time)
    }

    /// A window from stated past dates or a caption date (lower bound) and a "last <weekday>"
    /// reference to that event (upper bound). `nil` when the text allows no closed window.
    static func infer(bodyMentions: [DateMention], relative: [RelativeWeekday],
                      captionClues: [DateClue], pastClues: [DateClue]) -> PublicationDate? {
        var lower: DateClue?
        var fromCaption = false
        for c in pastClues where lower == nil || c.day > lower!.day { lower = c; fromCaption = false }
        for c in captionClues where lower == nil || c.day > lower!.day { lower = c; fromCaption = true }
        guard let low = lower else { return nil }
        var upper: CalendarDay?
        var upperWhy = ""
        for r in relative {
            // The most recent such weekday on or before the lower bound, at most six days earlier.
            var d = low.day
            var back = 0
            while d.weekday != r.weekday, back < 7 { d = d.adding(days: -1); back += 1 }
            guard back <= 6 else { continue }
            let bound = d.adding(days: 7)
            if upper == nil || bound < upper! {
                upper = bound
                upperWhy = "the text says 'last \(weekdayName(r.weekday))', which read against \(low.day.iso) is \(d.iso), so it was written no later than a week after that day"
            }
        }
        guard let up = upper, up >= low.day else { return nil }
        let source = fromCaption ? "the caption's date '\(low.text)' (a photo is dated the day of or after the event it shows)"
                                 : "the latest past date the body states ('\(low.text)')"
        let reason = "no publication date stated; window from \(source) to \(up.iso): \(upperWhy)"
        return PublicationDate(start: low.day, end: up, method: fromCaption ? .caption : .inferred, text: low.text, reason: reason)
    }

    static func weekdayName(_ n: Int) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][max(0, min(6, n - 1))]
    }
}
