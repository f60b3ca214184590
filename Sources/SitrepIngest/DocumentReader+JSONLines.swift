import Foundation
import SitrepCore

extension DocumentReader {
    /// One document per line; a bad line is one `ingest.badJSONLine` rejection naming `file:LINE`, the others go on.
    func readJSONLines(_ decoded: TextDecoder.Decoded, source: InputSource, each: (IngestOutcome) throws -> Void) rethrows {
        var text = decoded.text
        let lines: [ArraySlice<UInt8>] = text.withUTF8 { buf in
            var out: [ArraySlice<UInt8>] = []
            let all = Array(buf)
            var s = 0
            for i in 0..<all.count where all[i] == 0x0A {
                out.append(all[s..<i]); s = i + 1
            }
            if s < all.count { out.append(all[s...]) }
            return out
        }
        var produced = 0
        for (n, rawLine) in lines.enumerated() {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let input = "\(source.displayName):\(n + 1)"
            switch Self.record(line, input: input) {
            case .failure(let error):
                try each(.rejected(error))
            case .success(let (body, meta)):
                produced += 1
                try each(outcome(text: body, encoding: decoded.encoding, path: source.path, input: input, metadata: meta))
            }
        }
        if produced == 0 && lines.allSatisfy({ $0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }) {
            try each(.rejected(SitrepError(code: "ingest.empty", input: source.displayName, message: "the file holds no JSON lines")))
        }
    }

    static func record(_ line: ArraySlice<UInt8>, input: String) -> Result<(String, DocumentMetadata), SitrepError> {
        func bad(_ message: String) -> Result<(String, DocumentMetadata), SitrepError> {
            .failure(SitrepError(code: "ingest.badJSONLine", input: input, message: message))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) else {
            return bad("not valid JSON; each line must be one JSON object such as {\"text\": \"…\"}")
        }
        guard let dict = object as? [String: Any] else { return bad("a JSON value that is not an object; each line must be {\"text\": \"…\", …}") }
        guard let body = dict["text"] as? String else {
            return bad(dict["text"] == nil ? "no \"text\" field: it is required" : "\"text\" must be a string")
        }
        guard body.utf8.contains(where: { $0 > 0x20 }) else { return bad("\"text\" is empty") }
        var meta = DocumentMetadata()
        for (key, path) in [("title", \DocumentMetadata.title), ("url", \DocumentMetadata.url), ("outlet", \DocumentMetadata.outlet)] {
            guard let value = dict[key], !(value is NSNull) else { continue }
            guard let s = value as? String else { return bad("\"\(key)\" must be a string") }
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { meta[keyPath: path] = trimmed }
        }
        if let value = dict["published"], !(value is NSNull) {
            guard let s = value as? String, let date = parsePublished(s) else {
                return bad("\"published\" must be a date: YYYY-MM-DD or an RFC 3339 date-time such as 2018-07-31T09:30:00Z")
            }
            meta.published = date
        }
        return .success((body, meta))
    }

    /// `2018-07-31`, `2018-07-31T09:30:00Z`, `2018-07-31T09:30:00+03:00`, `2018-07-31 09:30`: the date as written.
    static func parsePublished(_ s: String) -> PublicationDate? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let bytes = Array(t.utf8)
        guard bytes.count >= 10, let day = CalendarDay(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        let reason = "given with the input (the JSON-lines \"published\" field)"
        if bytes.count == 10 { return PublicationDate(start: day, method: .metadata, text: t, reason: reason) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == 0x20, bytes.count >= 16,
              ByteText.isDigit(bytes[11]), ByteText.isDigit(bytes[12]), bytes[13] == 0x3A, ByteText.isDigit(bytes[14]), ByteText.isDigit(bytes[15]) else { return nil }
        let hh = Int(bytes[11] - 0x30) * 10 + Int(bytes[12] - 0x30), mm = Int(bytes[14] - 0x30) * 10 + Int(bytes[15] - 0x30)
        guard hh < 24, mm < 60 else { return nil }
        // Seconds, fraction, zone: checked loosely but must be made of the allowed characters.
        let rest = bytes[16...]
        guard rest.allSatisfy({ ByteText.isDigit($0) || $0 == 0x3A || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "z") }) else { return nil }
        var zone = ""
        if rest.last == UInt8(ascii: "Z") || rest.last == UInt8(ascii: "z") { zone = " UTC" } else if let sign = rest.lastIndex(where: { $0 == 0x2B || $0 == 0x2D }) {
            zone = " " + String(decoding: rest[sign...], as: UTF8.self)
        }
        let time = String(decoding: bytes[11..<16], as: UTF8.self) + zone
        return PublicationDate(start: day, method: .metadata, text: t, reason: reason, time: time)
    }
}
