import Foundation
import SitrepCore

/// One data row of a TSV resource, with where it came from for error messages.
struct ResourceRow: Sendable {
    var fields: [String]
    var file: String
    var line: Int

    var location: String { "\(file):\(line)" }

    func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }

    /// An error that names this row.
    func error(_ message: String) -> SitrepError {
        SitrepError(code: "data.badRow", input: location, message: message)
    }
}

/// Reads the extractor's TSV resources: `#` comments and blank lines skipped, fields split on tabs,
/// each row checked for its field count. Files come from the module bundle or from a folder the user gives.
enum ResourceTable {
    /// Rows of `name` (e.g. `event-triggers.tsv`) from `directory`, or from the bundle when `directory` is nil.
    static func rows(_ name: String, directory: URL?, minFields: Int) throws -> [ResourceRow] {
        let url = try locate(name, directory: directory)
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read this data file as UTF-8")
        }
        return try parse(text, file: name, minFields: minFields)
    }

    static func parse(_ text: String, file: String, minFields: Int) throws -> [ResourceRow] {
        var copy = text
        return try copy.withUTF8 { b in
            // A text with a carriage return is split on characters (`dataLines`); any other is scanned by bytes.
            if let base = b.baseAddress, memchr(base, 0x0D, b.count) != nil {
                return try parseLines(text, file: file, minFields: minFields)
            }
            var rows: [ResourceRow] = []
            var number = 0
            var start = 0
            // Line by line on the bytes (`memchr` finds each line feed): a comment or blank line is passed over without
            // a substring or its fields made.
            while true {
                let end = b.baseAddress.flatMap { base in
                    memchr(base + start, 0x0A, b.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                } ?? b.count
                number += 1
                if start != end, !isComment(UnsafeBufferPointer(rebasing: b[start..<end])) {
                    var fields: [String] = []
                    var f = start
                    while true {
                        var e = f
                        while e < end, b[e] != 0x09 { e += 1 }
                        fields.append(field(UnsafeBufferPointer(rebasing: b[f..<e])))
                        if e == end { break }
                        f = e + 1
                    }
                    try rows.append(row(fields, file: file, line: number, minFields: minFields))
                }
                if end == b.count { break }
                start = end + 1
            }
            return rows
        }
    }

    /// A field's text without surrounding whitespace, as `trimmedField` gives it: made straight from its bytes when
    /// it starts and ends with a plain ASCII byte (nothing to trim), else trimmed as characters.
    static func field(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if let first = bytes.first, let last = bytes.last, first < 0x80, first != 0x20, first != 0x09,
           last < 0x80, last != 0x20, last != 0x09 {
            return text
        }
        return trimmedField(Substring(text))
    }

    /// Whether a non-empty line (no line feed, no carriage return) starts with the character `#`, as
    /// `hasPrefix("#")` says: a `#` byte followed by an ASCII byte or nothing, else as the characters say.
    static func isComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.first == 0x23 else { return false }
        if line.count == 1 || line[1] < 0x80 { return true }
        return String(decoding: line, as: UTF8.self).hasPrefix("#")
    }

    /// A row of fields, checked for its field count and first field.
    static func row(_ fields: [String], file: String, line: Int, minFields: Int) throws -> ResourceRow {
        let row = ResourceRow(fields: fields, file: file, line: line)
        if fields.count < minFields {
            throw row.error("expected \(minFields) tab-separated fields, found \(fields.count)")
        }
        if fields[0].isEmpty { throw row.error("the first field is empty") }
        return row
    }

    /// `parse` through `dataLines` and `dataFields`, for a text with carriage returns.
    static func parseLines(_ text: String, file: String, minFields: Int) throws -> [ResourceRow] {
        var rows: [ResourceRow] = []
        var number = 0
        for raw in dataLines(text) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            try rows.append(row(dataFields(line).map(trimmedField), file: file, line: number, minFields: minFields))
        }
        return rows
    }

    /// A field without surrounding whitespace (`DataField.trimmed`).
    static func trimmedField(_ field: Substring) -> String { DataField.trimmed(field) }

    static func locate(_ name: String, directory: URL?) throws -> URL {
        if let directory {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let base = parts[0], ext = parts.count > 1 ? parts[1] : nil
        if let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: base, withExtension: ext) {
            return url
        }
        throw SitrepError(code: "data.missing", input: name, message: "the extractor's data file is missing from the bundle")
    }
}

/// The lines of a data file as `text.split(separator: "\n", omittingEmptySubsequences: false)` gives them: a line
/// feed is a character of its own unless a carriage return comes before it, so a text without "\r" is split on its
/// bytes (no walk over characters).
func dataLines(_ text: String) -> [Substring] {
    if text.utf8.contains(0x0D) { return text.split(separator: "\n", omittingEmptySubsequences: false) }
    return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
}

/// A line's tab-separated fields, as `line.split(separator: "\t", omittingEmptySubsequences: false)` gives them
/// (a tab is always a character of its own).
func dataFields(_ line: Substring) -> [Substring] {
    line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
}
