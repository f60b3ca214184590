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
        // A text with a carriage return is split on characters (`dataLines`); any other is scanned by bytes.
        if text.utf8.contains(0x0D) { return try parseLines(text, file: file, minFields: minFields) }
        var rows: [ResourceRow] = []
        var number = 0
        let u = text.utf8
        var start = u.startIndex
        // Line by line on the bytes: a comment or blank line is passed over without a substring or its fields made.
        while true {
            let end = u[start...].firstIndex(of: 0x0A) ?? u.endIndex
            number += 1
            if start != end, !isComment(u[start..<end]) {
                var fields: [String] = []
                var f = start
                while true {
                    let e = u[f..<end].firstIndex(of: 0x09) ?? end
                    fields.append(trimmedField(Substring(u[f..<e])))
                    if e == end { break }
                    f = u.index(after: e)
                }
                try rows.append(row(fields, file: file, line: number, minFields: minFields))
            }
            if end == u.endIndex { break }
            start = u.index(after: end)
        }
        return rows
    }

    /// Whether a non-empty line (no line feed, no carriage return) starts with the character `#`, as
    /// `hasPrefix("#")` says: a `#` byte followed by an ASCII byte or nothing, else as the characters say.
    static func isComment(_ line: Substring.UTF8View) -> Bool {
        guard line.first == 0x23 else { return false }
        let next = line.index(after: line.startIndex)
        if next == line.endIndex || line[next] < 0x80 { return true }
        return Substring(line).hasPrefix("#")
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
