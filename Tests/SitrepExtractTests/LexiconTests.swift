import Foundation
import Testing
import SitrepCore
@testable import SitrepExtract

/// The shipped data files load, are sorted and have no duplicates; a bad row names its file and line.
struct LexiconTests {
    @Test func everyShippedFileLoads() throws {
        let lexicon = try ExtractionLexicon.load()
        #expect(!lexicon.triggers.isEmpty)
        #expect(!lexicon.frames.isEmpty)
        #expect(lexicon.argumentClasses.count > 100)
        #expect(!lexicon.modeCues.isEmpty && !lexicon.certaintyCues.isEmpty && !lexicon.relationCues.isEmpty)
        #expect(!lexicon.vetoes.isEmpty && !lexicon.backgroundCues.isEmpty && !lexicon.actorNouns.isEmpty)
        #expect(lexicon.functionWords.count > 50)
    }

    @Test(arguments: ExtractionLexicon.files)
    func fileIsSortedWithoutDuplicates(_ name: String) throws {
        let url = try ResourceTable.locate(name, directory: nil)
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        #expect(rows == rows.sorted(), "\(name) is not sorted")
        #expect(Set(rows).count == rows.count, "\(name) has duplicate rows")
        #expect(text.precomposedStringWithCanonicalMapping == text, "\(name) is not NFC")
    }

    @Test func everyTypeHasATrigger() throws {
        let lexicon = try ExtractionLexicon.load()
        let types = Set(lexicon.triggers.patterns.map(\.value.type))
        #expect(types == Set(EventType.allCases))
    }

    @Test func badRowNamesFileAndLine() {
        #expect(throws: SitrepError.self) { try ResourceTable.parse("# header\nonly-one-field\n", file: "frames.tsv", minFields: 4) }
        do {
            _ = try ResourceTable.parse("# header\n\nonly-one-field\n", file: "frames.tsv", minFields: 4)
        } catch let e as SitrepError {
            #expect(e.input == "frames.tsv:3")
            #expect(e.code == "data.badRow")
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test func userFolderOverridesAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-lexicon-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# user triggers\nfrobnicate\tv\tattack\t-\t-\t-\n".write(to: dir.appendingPathComponent("event-triggers.tsv"), atomically: true, encoding: .utf8)
        let extractor = EventExtractor(lexicon: try ExtractionLexicon.load(directory: dir))
        let doc = Document(text: "Militants frobnicated the village.")
        let found = extractor.extract(document: doc, language: .init(), knowledge: .init())
        #expect(found.first?.type == .attack)
    }

    @Test func unknownTypeInATriggerRowIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-lexicon-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "frobnicate\tv\tfrobnication\t-\t-\t-\n".write(to: dir.appendingPathComponent("event-triggers.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: SitrepError.self) { try ExtractionLexicon.load(directory: dir) }
    }

    @Test func inflectionMakesRegularForms() {
        #expect(Set(Inflection.verbForms("kidnap")).isSuperset(of: ["kidnaps", "kidnapped", "kidnapping"]))
        #expect(Set(Inflection.verbForms("release")).isSuperset(of: ["releases", "released", "releasing"]))
        #expect(Set(Inflection.verbForms("transfer")).isSuperset(of: ["transferred", "transferring"]))
        #expect(Set(Inflection.verbForms("carry")).isSuperset(of: ["carries", "carried"]))
        #expect(Inflection.nounForms("clash") == ["clash", "clashes"])
    }

    @Test func fallbackLanguageRunsWithoutTheLanguageLayer() {
        let doc = Document(text: "Rebels captured 40 soldiers near the dam. Police arrested three men.")
        let found = Shared.extractor.extract(document: doc, language: .init(), knowledge: .init())
        #expect(found.map(\.type) == [.capture, .capture])
        #expect(found.first?.count?.min == 40)
    }
}
