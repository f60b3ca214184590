import Foundation
import SitrepCore

/// The words time expressions are built from (months, weekdays, units, numbers, "last", "ago", …),
/// loaded from `Resources/en/time-words.tsv` and looked up by hashing a word's lowercased bytes,
/// so the finder never allocates per word.
public struct TimeLexicon: Sendable {
    /// What a time word is.
    enum Kind: UInt8, Sendable {
        case month, monthAbbr, weekday, weekdayAbbr, season, number, ordinal, unit, partOfDay, dayRef, reference, set, word
        /// "nineties" (9): a decade of the twentieth century named in words.
        case decade
        /// "Christmas" (1225): a holiday on a fixed day of the year, month × 100 + day.
        case holiday
        /// "Ramadan" (900), "Ashura" (110), "Fitr" (1001): a day or month (day 0) of the Islamic calendar, month × 100 + day.
        case islamic
        /// "midweek", "midmonth", "midyear": the middle third of the current week, month or year (`unit`).
        case midPeriod
    }

    /// The grammatical role of a `word` entry, named in the data file's value column.
    enum Role: String, Sendable, CaseIterable {
        case none
        case the, article, last, next, this, that, past, previous, coming, following, current, latest, recent
        case earlier, later, ago, early, late, mid, middle, end, beginning
        case of, `in`, on, at, by, since, until, before, after, between, and, to, from, through, during, within, `for`
        case every, few, several, couple, approx, least, more, than, fiscal, half
        case noon, midnight, zone, am, pm, hrs, oclock, future, old, period, amount
        case futureCue = "future-cue", pastCue = "past-cue"
        /// A future cue only before "to" ("plans to", "set to"): as nouns or participles they are not ("the plan", "set on").
        case futureCueTo = "future-cue-to"
        /// A present-tense verb of scheduling ("begins", "meet", "resumes"): a future cue only right before the
        /// expression, lowercase ("talks resume Monday", "the fair opens on Friday").
        case scheduleVerb = "schedule-verb"
        /// "had": a past cue that also turns a following future cue into the past ("had been due to expire Friday").
        case perfect
        /// "near", "short", "long", "foreseeable", "immediate" before "term"/"future": a vague future.
        case near, term, or, so, right
        /// "up to", "no more than": approximators before a duration.
        case up, no
        /// "as soon as possible"; "as soon as …" and "as recently as" are conjunctions.
        case `as`, possible
        /// "New Year's Day", "Christmas Eve"
        case new, eve
        /// "Eid" before "al-Fitr" / "al-Adha"
        case eid
        /// "over": opens a season ("over the summer") but not a year ("over 2000 people").
        case over
        /// "every other day"
        case other
        /// "once", "twice", "thrice": part of a rate ("twice a week")
        case frequency
        /// "date" in "a later date"
        case dateNoun = "date-noun"
        /// "full" in "the full year": the whole year the text is about.
        case full
        /// A verb that moves a planned event later ("postponed", "adjourned", "delayed"): before "until"/"to" and
        /// the expression, a future cue ("the hearing was postponed until Monday").
        case deferVerb = "defer-verb"
        /// "ahead" after a plural unit: "the weeks ahead", a vague future.
        case ahead
        /// A planned event ("meeting", "vote", "summit"): after a possessive day ("Thursday's meeting will …") the day
        /// takes the tense of the clause the event's noun opens.
        case eventNoun = "event-noun"
        /// "deadline", "ultimatum" ("a Friday deadline", "a deadline of Friday"): a day set as a limit is the nearest
        /// such day, before or after the anchor.
        case deadline
        /// "given"/"gave" ("were given until 9 a.m. Tuesday"): a limit only before "until"/"by" and the day.
        case deadlineVerb = "deadline-verb"
        /// "turn" in "the turn of the century".
        case turn
        /// "around", "approximately", "roughly": an approximator that also takes a date into its extent ("around Nov. 1",
        /// "around year end", TimeML's mod APPROX); "about", "some", "nearly" only durations, clock times and "ago" dates.
        case approxDate = "approx-date"
        /// "beyond" in "1990 and beyond": an open end after a date.
        case beyond
        /// "present" in "at present": the present (TimeML's PRESENT_REF); alone it is an adjective or a verb.
        case present
    }

    /// Units of time, with their TimeML letters.
    enum Unit: String, Sendable {
        case day = "D", week = "W", fortnight = "FN", month = "M", year = "Y", quarter = "Q"
        case decade = "DE", century = "CE", hour = "H", minute = "MIN", weekend = "WE"
    }

    struct Entry: Sendable {
        var kind: Kind
        /// Month, weekday, number, ordinal or day offset.
        var number: Int = 0
        var role: Role = .none
        var unit: Unit?
        /// Whether the word's plural form was written (units: "days").
        var plural: Bool = false
        /// The code's bytes (at most 16, ASCII), packed little-endian: no String in an entry, so the parser's many
        /// entry look-ups copy plain bytes (no retain, release or outlined copy).
        private var codeLow: UInt64 = 0
        private var codeHigh: UInt64 = 0
        private var codeLength: UInt8 = 0

        /// The longest code an entry holds.
        static let maxCodeLength = 16

        init(kind: Kind, number: Int = 0, role: Role = .none, unit: Unit? = nil, code: String = "", plural: Bool = false) {
            self.kind = kind; self.number = number; self.role = role; self.unit = unit; self.plural = plural
            self.code = code
        }

        /// Season code, part of day code, reference or set value (ASCII, at most `maxCodeLength` bytes: the loader checks).
        var code: String {
            get {
                let n = Int(codeLength)
                guard n > 0 else { return "" }
                let low = codeLow, high = codeHigh
                return String(unsafeUninitializedCapacity: n) { buf in
                    for i in 0..<n { buf[i] = UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * i) : high >> (8 * (i - 8))) }
                    return n
                }
            }
            set {
                precondition(newValue.utf8.count <= Self.maxCodeLength, "time-word code longer than \(Self.maxCodeLength) bytes")
                codeLow = 0; codeHigh = 0
                var i = 0
                for b in newValue.utf8 {
                    if i < 8 { codeLow |= UInt64(b) << (8 * i) } else { codeHigh |= UInt64(b) << (8 * (i - 8)) }
                    i += 1
                }
                codeLength = UInt8(i)
            }
        }
        /// Whether the entry has a code (`!code.isEmpty` without making the string).
        var hasCode: Bool { codeLength != 0 }
        /// Whether the code is `c` (ASCII, at most 8 bytes), without making the string.
        func codeIs(_ c: StaticString) -> Bool {
            guard c.utf8CodeUnitCount == Int(codeLength), codeLength <= 8 else { return false }
            var packed: UInt64 = 0
            for i in 0..<c.utf8CodeUnitCount { packed |= UInt64(c.utf8Start[i]) << (8 * i) }
            return packed == codeLow
        }
    }

    private let slotKeys: [UInt64]
    private let slotEntries: [Int32]
    private let slotMask: Int
    let entries: [Entry]
    /// Longest word, in bytes.
    let maxLength: Int
    /// Whether some word starts with these two lowercase letters (26 × 26): most words fail here.
    private let initials: [Bool]
    /// Per pair of initials (26 × 26), a bit per word length (1 << length, 15 and longer share bit 15) that some word with them has:
    /// the scanner's first test, stricter than `initials`.
    private let lengths: [UInt16]

    /// Loads the shipped `en/time-words.tsv`.
    public init() throws {
        guard let url = Bundle.module.url(forResource: "Resources/en/time-words", withExtension: "tsv")
            ?? Bundle.module.url(forResource: "time-words", withExtension: "tsv", subdirectory: "Resources/en") else {
            throw SitrepError(code: "data.missing", input: "en/time-words.tsv", message: "the time-word list is missing from the bundle")
        }
        try self.init(contentsOf: url)
    }

    /// Loads a time-word list from a file (same format as the shipped one).
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read the time-word list: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "data.invalidUTF8", input: url.path, message: "the time-word list is not UTF-8")
        }
        try self.init(tsv: text, file: url.lastPathComponent)
    }

    /// Parses the TSV text; a bad row throws an error naming `file:line`.
    init(tsv text: String, file: String) throws {
        var words: [(String, Entry)] = []
        var seen = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let here = "\(file):\(n + 1)"
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 3, !cols[0].isEmpty else {
                throw SitrepError(code: "data.badRow", input: here, message: "expected three tab-separated columns: word, kind, value")
            }
            let word = cols[0], value = cols[2]
            guard word == word.lowercased(), word.utf8.allSatisfy({ ByteClass.isAlnum($0) }) else {
                throw SitrepError(code: "data.badRow", input: here, message: "the word must be lowercase ASCII letters or digits: \(word)")
            }
            guard seen.insert(word).inserted else {
                throw SitrepError(code: "data.duplicate", input: here, message: "duplicate word: \(word)")
            }
            guard let entry = Self.entry(kind: cols[1], value: value, word: word) else {
                throw SitrepError(code: "data.badRow", input: here, message: "unknown kind or bad value: \(cols[1]) \(value)")
            }
            words.append((word, entry))
        }
        var size = 64
        while size < words.count * 4 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        var firsts = [Bool](repeating: false, count: 26 * 26)
        var pairLengths = [UInt16](repeating: 0, count: 26 * 26)
        var longest = 0
        var list: [Entry] = []
        for (word, entry) in words {
            let bytes = Array(word.utf8)
            longest = max(longest, bytes.count)
            if bytes.count >= 2, let a = Self.letterIndex(bytes[0]), let b = Self.letterIndex(bytes[1]) {
                firsts[a * 26 + b] = true
                pairLengths[a * 26 + b] |= 1 << UInt16(min(bytes.count, 15))
            }
            let k = bytes.withUnsafeBufferPointer { Self.key($0, 0, $0.count) }
            var slot = Self.slot(k, size - 1)
            while keys[slot] != 0 {
                if keys[slot] == k {
                    throw SitrepError(code: "data.badRow", input: file, message: "two words share a lookup key (first seven letters and length): \(word)")
                }
                slot = (slot + 1) & (size - 1)
            }
            keys[slot] = k
            slots[slot] = Int32(list.count)
            list.append(entry)
        }
        slotKeys = keys; slotEntries = slots; slotMask = size - 1
        entries = list; maxLength = longest; initials = firsts; lengths = pairLengths
    }

    private static func entry(kind: String, value: String, word: String) -> Entry? {
        switch kind {
        case "month", "month-abbr", "weekday", "weekday-abbr", "number", "ordinal":
            guard let n = Int(value) else { return nil }
            let k: Kind = ["month": .month, "month-abbr": .monthAbbr, "weekday": .weekday,
                           "weekday-abbr": .weekdayAbbr, "number": .number, "ordinal": .ordinal][kind]!
            if k == .month || k == .monthAbbr { guard (1...12).contains(n) else { return nil } }
            if k == .weekday || k == .weekdayAbbr { guard (1...7).contains(n) else { return nil } }
            // "Mondays": a weekday in the plural is a recurring day.
            return Entry(kind: k, number: n, plural: k == .weekday && word.hasSuffix("days"))
        case "holiday":
            // month-day: 12-25
            let parts = value.split(separator: "-")
            guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), CalendarDayCheck.valid(2000, m, d) else { return nil }
            return Entry(kind: .holiday, number: m * 100 + d)
        case "islamic":
            let parts = value.split(separator: "-")
            guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m), (0...30).contains(d) else { return nil }
            return Entry(kind: .islamic, number: m * 100 + d)
        case "decade":
            guard let n = Int(value), (1...9).contains(n) else { return nil }
            return Entry(kind: .decade, number: n)
        case "season":
            guard ["SP", "SU", "FA", "WI"].contains(value) else { return nil }
            return Entry(kind: .season, code: value, plural: word.hasSuffix("s"))
        case "unit":
            guard let u = Unit(rawValue: value) else { return nil }
            return Entry(kind: .unit, unit: u, plural: word.hasSuffix("s") || word == "centuries")
        case "mid-period":
            guard let u = Unit(rawValue: value), u == .week || u == .month || u == .year else { return nil }
            return Entry(kind: .midPeriod, unit: u)
        case "part-of-day":
            guard ["MO", "AF", "EV", "NI"].contains(value) else { return nil }
            return Entry(kind: .partOfDay, code: value, plural: word.hasSuffix("s"))
        case "day-ref":
            var digits = value
            var code = ""
            if digits.hasSuffix("NI") { code = "NI"; digits.removeLast(2) }
            guard let n = Int(digits) else { return nil }
            return Entry(kind: .dayRef, number: n, code: code)
        case "reference":
            guard ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(value) else { return nil }
            return Entry(kind: .reference, code: value)
        case "set":
            guard !value.isEmpty, value.utf8.count <= Entry.maxCodeLength, value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Entry(kind: .set, code: value)
        case "word":
            guard let r = Role(rawValue: value), r != .none else { return nil }
            return Entry(kind: .word, role: r)
        default:
            return nil
        }
    }

    @inline(__always) private static func letterIndex(_ b: UInt8) -> Int? {
        let l = (b | 0x20) &- 0x61
        return l < 26 ? Int(l) : nil
    }

    /// Packs up to seven lowercased bytes and the length.
    @inline(__always) static func key(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var k: UInt64 = 0
        var i = start
        let stop = min(end, start + 7)
        let cls = ByteClass.table
        while i < stop { let b = p[i]; k = k << 8 | UInt64(b | (cls[Int(b)] & ByteClass.upper) << 3); i += 1 }
        return k << 8 | UInt64(min(end - start, 255))
    }

    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The entry for the word at `p[start..<end]` (letters only), if it is a time word.
    @inline(__always) func lookup(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let n = end - start
        guard n <= maxLength else { return -1 }
        if n == 1 {
            // "a" is the only one-letter time word.
            return (p[start] | 0x20) == 0x61 ? find(Self.key(p, start, end)) : -1
        }
        let a = (p[start] | 0x20) &- 0x61, b = (p[start + 1] | 0x20) &- 0x61
        guard a < 26, b < 26, initials[Int(a) * 26 + Int(b)] else { return -1 }
        return find(Self.key(p, start, end))
    }

    /// As `lookup`, for a word the scanner read: ASCII letters and digits only, at most `maxLength` bytes.
    /// Tests the initials and the length first, then packs the key from one 8-byte load when it can.
    @inline(__always) func lookupWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let n = end - start
        if n < 2 { return lookup(p, start, end) }
        let a = (p[start] | 0x20) &- 0x61, b = (p[start + 1] | 0x20) &- 0x61
        guard a < 26, b < 26, lengths[Int(a) * 26 + Int(b)] & (1 << UInt16(truncatingIfNeeded: min(n, 15))) != 0 else { return -1 }
        guard start + 8 <= p.count, let base = p.baseAddress else { return find(Self.key(p, start, end)) }
        // The first byte ends up highest, as in `key`; `| 0x20` lowercases a letter and leaves a digit as it is.
        let m = UInt64(min(n, 7)) * 8
        let raw = UInt64(bigEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        let k = (raw | 0x2020_2020_2020_2020) >> (64 - m)
        return find(k << 8 | UInt64(n))
    }

    /// The lookup tables read through pointers, for a scan that looks up every word of a document
    /// (no bounds checks or reference counting per word).
    struct Probe {
        let lengths: UnsafeBufferPointer<UInt16>
        let keys: UnsafeBufferPointer<UInt64>
        let slots: UnsafeBufferPointer<Int32>
        let mask: Int
        /// The entries, read in place (a copied `Entry` retains its string).
        let entries: UnsafeBufferPointer<Entry>

        /// As `lookupWord`: a word of ASCII letters and digits, two bytes or longer, at most `maxLength` bytes.
        @inline(__always) func word(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
            let n = end &- start
            let a = (p[start] | 0x20) &- 0x61, b = (p[start &+ 1] | 0x20) &- 0x61
            guard a < 26, b < 26, lengths[Int(a) &* 26 &+ Int(b)] & (1 << UInt16(truncatingIfNeeded: min(n, 15))) != 0 else { return -1 }
            let k: UInt64
            if start &+ 8 <= p.count, let base = p.baseAddress {
                let m = UInt64(min(n, 7)) &* 8
                let raw = UInt64(bigEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
                k = ((raw | 0x2020_2020_2020_2020) >> (64 &- m)) << 8 | UInt64(n)
            } else {
                k = TimeLexicon.key(p, start, end)
            }
            var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while true {
                let here = keys[slot]
                if here == k { return slots[slot] }
                if here == 0 { return -1 }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Runs `body` with the lookup tables as pointers.
    func withProbe<R>(_ body: (Probe) -> R) -> R {
        lengths.withUnsafeBufferPointer { l in
            slotKeys.withUnsafeBufferPointer { k in
                slotEntries.withUnsafeBufferPointer { s in
                    entries.withUnsafeBufferPointer { e in body(Probe(lengths: l, keys: k, slots: s, mask: slotMask, entries: e)) }
                }
            }
        }
    }

    @inline(__always) private func find(_ k: UInt64) -> Int32 {
        var slot = Self.slot(k, slotMask)
        while true {
            let here = slotKeys[slot]
            if here == k { return slotEntries[slot] }
            if here == 0 { return -1 }
            slot = (slot + 1) & slotMask
        }
    }
}

