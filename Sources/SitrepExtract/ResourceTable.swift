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
        var rows: [ResourceRow] = []
        var number = 0
        for raw in dataLines(text) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = dataFields(line).map(trimmedField)
            let row = ResourceRow(fields: fields, file: file, line: number)
            if fields.count < minFields {
                throw row.error("expected \(minFields) tab-separated fields, found \(fields.count)")
            }
            if fields[0].isEmpty { throw row.error("the first field is empty") }
            rows.append(row)
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
