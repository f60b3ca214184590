import Foundation
import SitrepCore

/// Lowercase words that may continue a name (`Resources/ner-name-connectors.tsv`): after a name the
/// tagger scores a lowercase word only when it is one of these, any other lowercase word is `O`.
struct EntityNameConnectors: Sendable {
    /// Lowercase-form hashes (`NERFeatures.Atoms.lower`) of the listed words.
    let words: PerceptronFeatureTable

    static func loadDefault() throws -> EntityNameConnectors {
        guard let url = Bundle.module.url(forResource: "ner-name-connectors", withExtension: "tsv", subdirectory: "Resources") else {
            throw SitrepError(code: "knowledge.missingResource", input: "ner-name-connectors.tsv",
                              message: "the name-connector list is missing from the SitrepKnowledge bundle")
        }
        return try load(from: url)
    }

    static func load(from url: URL) throws -> EntityNameConnectors {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read the connector list: \(error.localizedDescription)")
        }
        return try EntityNameConnectors(text: text, input: url.path)
    }

    /// Parses one word per line (`#` comments); a row with spaces, tabs or capitals is an error naming its line.
    init(text: String, input: String) throws {
        var words = PerceptronFeatureTable(capacity: 64)
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let word = String(line)
            guard !word.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }), word.lowercased() == word else {
                throw SitrepError(code: "data.badRow", input: "\(input):\(n + 1)", message: "'\(word)' must be one lowercase word")
            }
            guard words.insert(NERFeatures.atoms(of: word).lower).isNew else {
                throw SitrepError(code: "data.duplicateWord", input: "\(input):\(n + 1)", message: "'\(word)' is listed twice")
            }
        }
        self.words = words
    }

    @inline(__always)
    func contains(_ atoms: NERFeatures.Atoms) -> Bool { words.contains(atoms.lower) }
}
