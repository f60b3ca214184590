import Foundation
import SitrepCore

/// Loads the language layer's data files (`Resources/en/…`) and splits them into checked rows.
///
/// Every file is UTF-8 text: one row per line, tab-separated columns, `#` starts a comment line,
/// blank lines are ignored. Errors name the file and line (`data.badRow`, `data.duplicateRow`).
public enum LanguageData {
    /// One data row with the line it came from.
    struct Row {
        var line: Int
        var columns: [String]
        var place: String
    }

    /// The text of a shipped resource such as `en/abbreviations.txt`, or of `path` when given.
    static func text(_ name: String, path: String? = nil) throws -> String {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
        } else {
            let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            let file = (base as NSString).lastPathComponent, folder = (base as NSString).deletingLastPathComponent
            guard let found = Bundle.module.url(forResource: file, withExtension: ext, subdirectory: "Resources/" + folder)
                ?? Bundle.module.url(forResource: file, withExtension: ext, subdirectory: folder) else {
                throw SitrepError(code: "data.missing", input: name, message: "resource file not found in the SitrepLanguage bundle")
            }
            url = found
        }
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitrepError(code: "data.unreadable", input: path ?? name,
                              message: "cannot read language data: \(error.localizedDescription)")
        }
    }

    /// The text of `name` ("en/count-nouns.tsv") from a user's data folder when it holds that file
    /// (`directory/en/count-nouns.tsv`), else the shipped resource.
    static func text(_ name: String, directory: String?) throws -> String {
        if let directory {
            let path = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return try text(name, path: path) }
        }
        return try text(name)
    }

    /// The rows of a data file, each with between `minColumns` and `maxColumns` columns; duplicate rows
    /// (same first `keyColumns` columns, ignoring case) are an error.
    static func rows(_ text: String, file: String, minColumns: Int, maxColumns: Int, keyColumns: Int = 1) throws -> [Row] {
        var out: [Row] = []
        var seen = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(file):\(n + 1)"
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= minColumns, cols.count <= maxColumns else {
                let expected = minColumns == maxColumns ? "\(minColumns)" : "\(minColumns)–\(maxColumns)"
                throw SitrepError(code: "data.badRow", input: place,
                                  message: "expected \(expected) tab-separated columns, found \(cols.count)")
            }
            guard let key = cols.first, !key.isEmpty, DataField.isTrimmed(key) else {
                throw SitrepError(code: "data.badRow", input: place, message: "empty key or key with surrounding spaces")
            }
            let fullKey = cols.prefix(keyColumns).joined(separator: "\t").lowercased()
            guard seen.insert(fullKey).inserted else {
                throw SitrepError(code: "data.duplicateRow", input: place, message: "duplicate entry '\(fullKey)'")
            }
            out.append(Row(line: n + 1, columns: cols, place: place))
        }
        return out
    }

    static func badRow(_ row: Row, _ message: String) -> SitrepError {
        SitrepError(code: "data.badRow", input: row.place, message: message)
    }
}
