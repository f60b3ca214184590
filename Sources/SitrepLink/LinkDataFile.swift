import Foundation
import SitrepCore

/// Reads one of the module's TSV data files: `#` comments and blank lines skipped, fields split on tabs.
/// Errors name the file and line (`link.badData`).
struct LinkDataFile {
    let name: String
    let rows: [(line: Int, fields: [String])]

    /// The shipped file `Resources/<name>`.
    static func bundled(_ name: String) throws -> LinkDataFile {
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: base, withExtension: ext) else {
            throw SitrepError(code: "link.missingData", input: name, message: "the linking data file is missing from the build")
        }
        return try LinkDataFile(path: url.path, displayName: name)
    }

    init(path: String, displayName: String? = nil) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SitrepError(code: "link.missingData", input: path, message: "cannot read this linking data file")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), name: displayName ?? path)
    }

    init(text: String, name: String) throws {
        self.name = name
        var rows: [(Int, [String])] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            rows.append((i + 1, line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        self.rows = rows
    }

    func error(line: Int, _ message: String) -> SitrepError {
        SitrepError(code: "link.badData", input: "\(name):\(line)", message: message)
    }
}
