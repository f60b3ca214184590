import Foundation

/// One annotated toponym of a geoparsing corpus, with UTF-8 offsets into its article's text.
struct GeoparseToponym {
    var start: Int
    var end: Int
    var name: String
    var lat: Double?
    var lon: Double?
    var geonameID: String?
}

/// One article of a geoparsing corpus.
struct GeoparseArticle {
    var text: String
    var toponyms: [GeoparseToponym]
    /// Toponyms whose offsets fell outside the text (GeoWebNews has a few in the title).
    var skipped: Int
}

/// Reads GeoWebNews (`GWN.xml`: `<toponym>` with `extractedName`, `start`, `end`, `geonamesID`, `latitude`,
/// `longitude`) and the older format (`<toponym>` with `start`, `end`, `phrase`, `<gaztag geonameid="">`
/// holding `lat`, `lon`). Offsets in both are Unicode scalar offsets into the unescaped `<text>`.
/// A small byte-level reader: these files are flat and regular, and FoundationXML is unreliable on Linux.
enum GeoparseCorpus {
    static func read(path: String) throws -> [GeoparseArticle] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationErrorText("cannot read \(path)")
        }
        let b = [UInt8](data)
        var out: [GeoparseArticle] = []
        var pos = 0
        while let a = find(b, "<article", from: pos) {
            guard let aEnd = find(b, "</article>", from: a) else { break }
            pos = aEnd + 10
            guard let text = element(b, "text", in: a..<aEnd) else { continue }
            let unescaped = unescape(b[text])
            // scalar index → UTF-8 offset
            var offsets: [Int] = []
            offsets.reserveCapacity(unescaped.utf8.count + 1)
            var o = 0
            for s in unescaped.unicodeScalars { offsets.append(o); o += String(s).utf8.count }
            offsets.append(o)
            var tops: [GeoparseToponym] = []
            var skipped = 0
            var tp = a
            while let t0 = find(b, "<toponym>", from: tp), t0 < aEnd {
                guard let t1 = find(b, "</toponym>", from: t0) else { break }
                tp = t1 + 10
                let r = t0..<t1
                guard let s = element(b, "start", in: r).flatMap({ Int(unescape(b[$0]).trimmingCharacters(in: .whitespaces)) }),
                      let e = element(b, "end", in: r).flatMap({ Int(unescape(b[$0]).trimmingCharacters(in: .whitespaces)) }),
                      s >= 0, e > s, e < offsets.count else { skipped += 1; continue }
                let name = (element(b, "extractedName", in: r) ?? element(b, "phrase", in: r)).map { unescape(b[$0]) } ?? ""
                var lat = (element(b, "latitude", in: r) ?? element(b, "lat", in: r)).flatMap { Double(unescape(b[$0]).trimmingCharacters(in: .whitespaces)) }
                var lon = (element(b, "longitude", in: r) ?? element(b, "lon", in: r)).flatMap { Double(unescape(b[$0]).trimmingCharacters(in: .whitespaces)) }
                if lat == nil || lon == nil { lat = nil; lon = nil }
                var gid = element(b, "geonamesID", in: r).map { unescape(b[$0]).trimmingCharacters(in: .whitespaces) }
                if gid == nil, let g = find(b, "geonameid=\"", from: t0, before: t1), let q = find(b, "\"", from: g + 11) {
                    gid = String(decoding: b[(g + 11)..<q], as: UTF8.self)
                }
                if gid?.isEmpty == true { gid = nil }
                tops.append(GeoparseToponym(start: offsets[s], end: offsets[e], name: name, lat: lat, lon: lon, geonameID: gid))
            }
            out.append(GeoparseArticle(text: unescaped, toponyms: tops, skipped: skipped))
        }
        return out
    }

    static func find(_ b: [UInt8], _ needle: String, from: Int, before limit: Int? = nil) -> Int? {
        let n = Array(needle.utf8)
        guard !n.isEmpty, b.count >= n.count else { return nil }
        var i = max(0, from)
        let last = min(b.count, limit ?? b.count) - n.count
        while i <= last {
            if b[i] == n[0] {
                var k = 1
                while k < n.count && b[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The content range of `<name>…</name>` inside `range` (nil for `<name/>` or absent).
    static func element(_ b: [UInt8], _ name: String, in range: Range<Int>) -> Range<Int>? {
        guard let o = find(b, "<\(name)>", from: range.lowerBound, before: range.upperBound) else { return nil }
        let s = o + name.utf8.count + 2
        guard let e = find(b, "</\(name)>", from: s, before: range.upperBound) else { return nil }
        return s..<e
    }

    static func unescape(_ s: ArraySlice<UInt8>) -> String {
        var str = String(decoding: s, as: UTF8.self)
        if str.contains("<![CDATA[") {
            str = str.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
        }
        guard str.contains("&") else { return str }
        return str.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ s: String) { description = s }
}
