import SitrepCore

/// A TimeML file (TempEval-3 format): the plain text of its `TEXT` element, with tags stripped and
/// entities decoded, the document creation time, and the `TIMEX3` annotations as ranges into that text.
///
/// A small byte-level reader: these files are simple XML, and FoundationXML on Linux is unreliable.
public struct TimeMLDocument: Sendable {
    /// One annotated time expression.
    public struct Timex: Sendable, Hashable {
        public var range: TextRange
        /// `DATE`, `TIME`, `DURATION` or `SET` as written.
        public var type: String
        public var value: String
        public var mod: String?
    }

    public var text: String
    /// The day of the `TIMEX3` with `functionInDocument="CREATION_TIME"`.
    public var creationDay: CalendarDay?
    public var timexes: [Timex]

    /// Parses a TimeML file's content; `name` is used in errors.
    public init(xml: String, name: String) throws {
        let bytes = Array(xml.utf8)
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var timexes: [Timex] = []
        var open: [(attrs: [String: String], start: Int)] = []
        var creation: CalendarDay?
        var inText = false
        var inDCT = false
        var sawText = false
        var docIDStart: Int?
        var docID: ArraySlice<UInt8> = []
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x3C { // <
                guard let close = Self.index(of: 0x3E, in: bytes, from: i + 1) else {
                    throw SitrepError(code: "eval.badTimeML", input: name, message: "a tag opened at byte \(i) is never closed")
                }
                let tag = bytes[(i + 1)..<close]
                let (tagName, isEnd) = Self.tagName(tag)
                if tagName == "DOCID" {
                    if isEnd, let st = docIDStart { docID = bytes[st..<i]; docIDStart = nil } else if !isEnd { docIDStart = close + 1 }
                } else if tagName == "DCT" {
                    inDCT = !isEnd
                } else if tagName == "TEXT" {
                    if isEnd { inText = false } else { inText = true; sawText = true }
                } else if tagName == "TIMEX3" {
                    if isEnd {
                        if inText, let top = open.popLast() {
                            let a = top.attrs
                            timexes.append(Timex(range: TextRange(top.start, out.count), type: a["type"] ?? "",
                                                 value: a["value"] ?? "", mod: a["mod"]))
                        }
                    } else {
                        let attrs = Self.attributes(tag)
                        // The creation time: marked as such, or (unmarked) the first TIMEX3 inside <DCT>.
                        if attrs["functionInDocument"] == "CREATION_TIME" || (inDCT && creation == nil), let v = attrs["value"],
                           let day = Self.day(v) {
                            creation = day
                        }
                        let selfClosing = tag.last == 0x2F
                        if inText, !selfClosing { open.append((attrs, out.count)) }
                    }
                }
                i = close + 1
                continue
            }
            if inText {
                if b == 0x26, let semi = Self.index(of: 0x3B, in: bytes, from: i + 1), semi - i <= 8 {
                    let entity = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
                    let decoded: UInt8?
                    switch entity {
                    case "amp": decoded = 0x26
                    case "lt": decoded = 0x3C
                    case "gt": decoded = 0x3E
                    case "quot": decoded = 0x22
                    case "apos": decoded = 0x27
                    default: decoded = nil
                    }
                    if let decoded { out.append(decoded); i = semi + 1; continue }
                }
                out.append(b)
            }
            i += 1
        }
        guard sawText else { throw SitrepError(code: "eval.badTimeML", input: name, message: "no <TEXT> element") }
        self.text = String(decoding: out, as: UTF8.self)
        // No creation time: the date in the document id or the file name ("APW19980807.0261", "XIE19990313.0031").
        self.creationDay = creation ?? Self.compactDate(in: docID) ?? Self.compactDate(in: Array(name.utf8).split(separator: 0x2F).last ?? [])
        self.timexes = timexes
    }

    /// The day of a TimeML date value: "1998-08-07", "1998-08-07T14:57:00", or the compact "19980807".
    static func day(_ value: String) -> CalendarDay? {
        let u = Array(value.utf8)
        if u.count >= 10, u[4] == 0x2D, u[7] == 0x2D { return CalendarDay(iso: String(decoding: u[0..<10], as: UTF8.self)) }
        if u.count >= 8, u[0..<8].allSatisfy({ ByteClass.isDigit($0) }), u.count == 8 || !ByteClass.isDigit(u[8]) {
            func n(_ r: Range<Int>) -> Int { u[r].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
            return CalendarDay(year: n(0..<4), month: n(4..<6), day: n(6..<8))
        }
        return nil
    }

    /// The first run of exactly eight digits that reads as a date of 1900–2099 ("19980807" in "APW19980807.0261").
    static func compactDate(in u: ArraySlice<UInt8>) -> CalendarDay? {
        var j = u.startIndex
        while j < u.endIndex {
            guard ByteClass.isDigit(u[j]) else { j += 1; continue }
            var e = j
            while e < u.endIndex, ByteClass.isDigit(u[e]) { e += 1 }
            if e - j == 8, u[j] == 0x31 && u[j + 1] == 0x39 || u[j] == 0x32 && u[j + 1] == 0x30,
               let d = day(String(decoding: u[j..<e], as: UTF8.self)), CalendarDayCheck.valid(d.year, d.month, d.day) { return d }
            j = e
        }
        return nil
    }

    private static func index(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        var j = from
        while j < bytes.count { if bytes[j] == byte { return j }; j += 1 }
        return nil
    }

    private static func tagName(_ tag: ArraySlice<UInt8>) -> (String, Bool) {
        var j = tag.startIndex
        var isEnd = false
        if j < tag.endIndex, tag[j] == 0x2F { isEnd = true; j += 1 }
        let s = j
        while j < tag.endIndex, tag[j] != 0x20, tag[j] != 0x2F, tag[j] != 0x0A, tag[j] != 0x09 { j += 1 }
        return (String(decoding: tag[s..<j], as: UTF8.self), isEnd)
    }

    /// `name="value"` pairs (double or single quotes).
    private static func attributes(_ tag: ArraySlice<UInt8>) -> [String: String] {
        var out: [String: String] = [:]
        var j = tag.startIndex
        while j < tag.endIndex, tag[j] != 0x20 { j += 1 }
        while j < tag.endIndex {
            while j < tag.endIndex, tag[j] == 0x20 || tag[j] == 0x0A || tag[j] == 0x09 { j += 1 }
            let ns = j
            while j < tag.endIndex, tag[j] != 0x3D, tag[j] != 0x20 { j += 1 }
            guard j < tag.endIndex, tag[j] == 0x3D, j + 1 < tag.endIndex else { break }
            let name = String(decoding: tag[ns..<j], as: UTF8.self)
            let quote = tag[j + 1]
            guard quote == 0x22 || quote == 0x27 else { break }
            let vs = j + 2
            var ve = vs
            while ve < tag.endIndex, tag[ve] != quote { ve += 1 }
            out[name] = String(decoding: tag[vs..<min(ve, tag.endIndex)], as: UTF8.self)
            j = ve + 1
        }
        return out
    }
}
