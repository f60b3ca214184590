import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

/// The attribution and certainty data files: they load, they are sorted and NFC, and a bad row names its file and line.
struct AttributionDataTests {
    static let files = ["clause-words.tsv", "hedges.tsv", "modals.tsv", "negations.tsv", "reporting-adjuncts.tsv",
                        "reporting-adverbs.tsv", "reporting-verbs.tsv", "source-nouns.tsv"]

    @Test func everyShippedFileLoads() throws {
        _ = try AttributionFinder()
        _ = try CertaintyFinder()
        _ = try ClauseSegmenter()
    }

    @Test(arguments: files)
    func shippedFileIsSortedNFCAndWithoutDuplicates(_ name: String) throws {
        let (text, _) = try ClauseData.text("en/" + name)
        let keys = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
        #expect(!keys.isEmpty)
        #expect(keys == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "\(name) is not sorted")
        #expect(Set(keys).count == keys.count, "\(name) has duplicates")
        #expect(text.precomposedStringWithCanonicalMapping == text, "\(name) is not NFC")
    }

    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-attr-\(UUID().uuidString).tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aBadReportingVerbRowNamesFileAndLine() throws {
        let path = try write("# verbs\nsaid\tsay\tsay\treported\ntold\ttell\tshout\treported\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try AttributionFinder(reportingVerbsPath: path, sourceNounsPath: nil, reportingAdverbsPath: nil)
        } throws: { error in
            (error as? SitrepError).map { $0.code == "data.badRow" && $0.input == "\(path):3" } ?? false
        }
    }

    @Test func aCertaintyOutsideTheFilesKindIsRejected() throws {
        let path = try write("never\tplanned\tclause\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try CertaintyFinder(hedgesPath: nil, modalsPath: nil, negationsPath: path)
        } throws: { error in
            (error as? SitrepError).map { $0.code == "data.badRow" && $0.input == "\(path):1" } ?? false
        }
    }

    @Test func aDuplicateAcrossCertaintyFilesIsRejected() throws {
        let path = try write("may\tpossible\tclause\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try CertaintyFinder(hedgesPath: path, modalsPath: nil, negationsPath: nil)
        } throws: { error in
            (error as? SitrepError)?.code == "data.duplicateRow"
        }
    }

    @Test func usersCanExtendTheListsWithoutRebuilding() throws {
        let (shipped, _) = try ClauseData.text("en/reporting-verbs.tsv")
        let path = try write(shipped + "whispered\twhisper\tsay\treported\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let finder = try AttributionFinder(reportingVerbsPath: path, sourceNounsPath: nil, reportingAdverbsPath: nil)
        let text = "A spokesman whispered that the gate was open."
        let tokens = Tokenizer.tokenize(text)
        let found = finder.find(in: text, tokens: tokens, sentences: Shared.splitter.split(text, tokens: tokens))
        #expect(found.count == 1)
        #expect(found.first.flatMap { text.slice($0.source) } == "A spokesman")
        #expect(AttributionShared.attributions.find(in: text, tokens: tokens, sentences: Shared.splitter.split(text, tokens: tokens)).isEmpty)
    }
}
