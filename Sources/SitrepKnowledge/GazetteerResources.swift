import Foundation
import SitrepCore

/// Where the shipped SitrepKnowledge data files are.
enum GazetteerResources {
    static func directory() throws -> String {
        let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "gazetteer", withExtension: "tsv")
        guard let url else {
            throw SitrepError(code: "knowledge.missingResource", message: "the SitrepKnowledge resources (gazetteer.tsv) are not installed")
        }
        return url.deletingLastPathComponent().path
    }
}
