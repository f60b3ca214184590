import Foundation
import SitrepCore

/// Reads the attribution and certainty data files (`Resources/en/*.tsv`): UTF-8, one row per line,
/// tab-separated, `#` comment lines, no duplicate first columns. Errors name the file and line.
enum ClauseData {
    struct Row {
        var columns: [String]
        /// "file:line", for error messages.
        var place: String
    }

    /// The text of a shipped file such as `en/hedges.tsv`, or of the file at `path` when given.
    static func text(_ name: String, path: String? = nil) throws -> (text: String, file: String) {
        if let path {
            do { return (try String(contentsOfFile: path, encoding: .utf8), path) } catch {
                throw SitrepError(code: "data.unreadable", input: path, message: "cannot read language data: \(error.localizedDescription)")
            }
        }
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        let file = (base as NSString).lastPathComponent, folder = (base as NSString).deletingLastPathComponent
        guard let url = Bundle.module.url(forResource: file, withExtension: ext, subdirectory: "Resources/" + folder)
            ?? Bundle.module.url(forResource: file, withExtension: ext, subdirectory: folder) else {
            throw SitrepError(code: "data.missing", input: name, message: "resource file not found in the SitrepLanguage bundle")
        }
        do { return (try String(contentsOf: url, encoding: .utf8), name) } catch {
            throw SitrepError(code: "data.unreadable", input: name, message: "cannot read language data: \(error.localizedDescription)")
        }
    }

    /// The rows of a data file, each with exactly `columns` columns.
    static func rows(_ text: String, file: String, columns: Int) throws -> [Row] {
        var out: [Row] = []
        var seen = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(file):\(n + 1)"
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == columns else {
                throw SitrepError(code: "data.badRow", input: place,
                                  message: "expected \(columns) tab-separated columns, found \(cols.count)")
            }
            let key = cols[0]
            guard !key.isEmpty, DataField.isTrimmed(key), !key.contains("  ") else {
                throw SitrepError(code: "data.badRow", input: place, message: "empty entry, or surrounding or double spaces")
            }
            guard key == key.lowercased() else {
                throw SitrepError(code: "data.badRow", input: place, message: "entries are lowercase: '\(key)'")
            }
            guard seen.insert(key).inserted else {
                throw SitrepError(code: "data.duplicateRow", input: place, message: "duplicate entry '\(key)'")
            }
            out.append(Row(columns: cols, place: place))
        }
        return out
    }

    static func badRow(_ row: Row, _ message: String) -> SitrepError {
        SitrepError(code: "data.badRow", input: row.place, message: message)
    }
}
