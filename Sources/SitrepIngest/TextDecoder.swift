import SitrepCore

/// Raw bytes → text, with the encoding named. UTF-8 (with or without BOM), UTF-16 with a BOM,
/// and Windows-1252 only when the bytes look like Windows-1252 text; binary data and invalid
/// UTF-8 that is not plausible Windows-1252 are refused.
enum TextDecoder {
    struct Decoded: Sendable {
        var text: String
        var encoding: String
    }

    static func decode(_ bytes: [UInt8], input: String) -> Result<Decoded, SitrepError> {
        guard !bytes.isEmpty else {
            return .failure(SitrepError(code: "ingest.empty", input: input, message: "the file is empty"))
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, input: input)
        }
        var body = bytes[...]
        var encoding = "utf-8"
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = bytes[3...]
            encoding = "utf-8-bom"
        }
        if let why = binaryReason(body) {
            return .failure(SitrepError(code: "ingest.binary", input: input, message: "\(why); only text is read (UTF-8, UTF-16 with a byte-order mark, or Windows-1252)"))
        }
        if let text = String(validating: body, as: UTF8.self) {
            return .success(Decoded(text: text, encoding: encoding))
        }
        let check = body.withUnsafeBufferPointer { cp1252Plausibility($0) }
        if encoding == "utf-8", check.plausible {
            return .success(Decoded(text: decodeCP1252(body), encoding: "windows-1252"))
        }
        return .failure(SitrepError(code: "ingest.invalidUTF8", input: input,
                                    message: "not valid UTF-8 (first bad byte at offset \(check.firstInvalid + (encoding == "utf-8" ? 0 : 3))) and not plausible Windows-1252 text: \(check.why); convert it to UTF-8 first (for example `iconv -f LATIN1 -t UTF-8`)"))
    }

    /// Why the bytes look binary, or nil. NUL bytes, known binary signatures or many control characters.
    static func binaryReason(_ bytes: ArraySlice<UInt8>) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x25, 0x50, 0x44, 0x46], "a PDF file"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a .docx/.xlsx file)"), ([0x1F, 0x8B], "gzip-compressed data"),
            ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"), ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65], "an SQLite database"),
        ]
        for (magic, name) in signatures where bytes.starts(with: magic) { return "this is \(name), not text" }
        return bytes.withUnsafeBufferPointer { p -> String? in
            var nul = 0, control = 0
            for i in 0..<p.count {
                let b = p[i]
                if b >= 0x20 { if b == 0x7F { control += 1 }; continue }
                if b == 0 { nul += 1 }
                else if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
            }
            if nul > 0 {
                if nul * 3 >= p.count, p.count >= 4 {
                    return "holds NUL bytes in every other position: it looks like UTF-16 without a byte-order mark"
                }
                return "holds \(nul) NUL byte\(nul == 1 ? "" : "s"): binary data"
            }
            if control > 8 && control * 50 > p.count {
                return "holds \(control) control characters: binary data"
            }
            return nil
        }
    }

    struct Plausibility {
        var plausible: Bool
        var firstInvalid: Int
        var why: String
    }

    /// Whether invalid UTF-8 reads as Windows-1252 text: no byte that Windows-1252 leaves undefined,
    /// high bytes scattered among ASCII (accented letters, curly quotes and dashes from 0x80–0x9F),
    /// and no well-formed UTF-8 sequences beside the invalid ones (that would be damaged UTF-8).
    static func cp1252Plausibility(_ p: UnsafeBufferPointer<UInt8>) -> Plausibility {
        var i = 0
        var invalid = 0, validMulti = 0, high = 0, run = 0, longestRun = 0
        var firstInvalid = -1
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { run = 0; i += 1; continue }
            high += 1
            run += 1
            longestRun = max(longestRun, run)
            if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D {
                return Plausibility(plausible: false, firstInvalid: firstInvalid < 0 ? i : firstInvalid,
                                    why: "byte 0x\(String(b, radix: 16, uppercase: true)) is undefined in Windows-1252")
            }
            let len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            var ok = len > 0 && i + len <= n
            if ok { for k in 1..<len where p[i + k] & 0xC0 != 0x80 { ok = false; break } }
            if ok {
                validMulti += 1
                high += len - 1
                run += len - 1
                longestRun = max(longestRun, run)
                i += len
            } else {
                invalid += 1
                if firstInvalid < 0 { firstInvalid = i }
                i += 1
            }
        }
        if validMulti > 0 && validMulti * 10 > invalid {
            return Plausibility(plausible: false, firstInvalid: firstInvalid, why: "it mixes well-formed UTF-8 with \(invalid) invalid byte\(invalid == 1 ? "" : "s") (damaged UTF-8)")
        }
        if high * 4 > n {
            return Plausibility(plausible: false, firstInvalid: firstInvalid, why: "\(high * 100 / max(n, 1))% of the bytes are above 0x7F, too many for Western text")
        }
        if longestRun > 4 {
            return Plausibility(plausible: false, firstInvalid: firstInvalid, why: "runs of \(longestRun) non-ASCII bytes, which Western text does not have")
        }
        return Plausibility(plausible: true, firstInvalid: max(firstInvalid, 0), why: "")
    }

    /// Windows-1252 → UTF-8.
    static func decodeCP1252(_ bytes: ArraySlice<UInt8>) -> String {
        let table: [UInt16] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                               0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let v = b < 0xA0 ? UInt32(table[Int(b - 0x80)]) : UInt32(b)
            if v < 0x800 {
                out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, input: String) -> Result<Decoded, SitrepError> {
        let name = bigEndian ? "utf-16be" : "utf-16le"
        guard bytes.count % 2 == 0 else {
            return .failure(SitrepError(code: "ingest.invalidUTF16", input: input, message: "\(name) text with an odd number of bytes: the file is truncated or not UTF-16"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        guard !units.isEmpty else {
            return .failure(SitrepError(code: "ingest.empty", input: input, message: "the file holds only a byte-order mark"))
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            return .failure(SitrepError(code: "ingest.invalidUTF16", input: input, message: "\(name) text with unpaired surrogates: the file is damaged"))
        }
        let utf8 = ByteText.bytes(text)
        if let why = binaryReason(utf8[...]) {
            return .failure(SitrepError(code: "ingest.binary", input: input, message: "\(name) text that \(why)"))
        }
        return .success(Decoded(text: text, encoding: name))
    }
}
