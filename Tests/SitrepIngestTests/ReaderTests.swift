import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

@Suite struct ReaderTests {
    let article = ["Convoy Leaves Kafr Dalia After Shelling", "13 March 2021", bodyOne, bodyTwo].joined(separator: "\n\n")

    @Test func folderIsWalkedRecursivelyInByteOrderSkippingHiddenAndOtherFiles() throws {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/b-sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try write(article, to: root + "/b-sub/z.text")
        try write(article, to: root + "/B.txt")
        try write(article, to: root + "/a.txt")
        try write("{\"text\": \"x\"}\n", to: root + "/c.jsonl")
        try write("ignored", to: root + "/notes.md")
        try write("ignored", to: root + "/.hidden.txt")
        try write("ignored", to: root + "/.git/x.txt")
        let e = DocumentReader().expansion([root])
        #expect(e.errors.isEmpty)
        #expect(e.sources.map { String($0.path!.dropFirst(root.count + 1)) } == ["B.txt", "a.txt", "b-sub/z.text", "c.jsonl"])
        #expect(e.sources.allSatisfy { $0.path!.hasPrefix(root + "/") && $0.displayName == $0.path })
        #expect(e.skippedOtherExtensions == 1)
        #expect(e.skippedHidden == 2)
        #expect(e.sources.first?.byteCount == article.utf8.count)
    }

    @Test func documentPathIsThePathAsGivenJoinedWithTheRelativePath() throws {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        try write(article, to: root + "/in/a.txt")
        let reader = DocumentReader()
        let relative = root + "/in/"
        let (sources, _) = reader.expand([relative])
        #expect(sources.map(\.path) == [root + "/in/a.txt"])
        let doc = readAll(reader, sources[0]).first?.document
        #expect(doc?.path == root + "/in/a.txt")
        #expect(doc?.encoding == "utf-8")
        #expect(doc?.published?.day?.iso == "2021-03-13")
    }

    @Test func missingPathIsNotFound() {
        let (sources, errors) = DocumentReader().expand(["/nonexistent/sitrep/nothing.txt"])
        #expect(sources.isEmpty)
        #expect(errors.map(\.code) == ["ingest.notFound"])
        #expect(errors.first?.input == "/nonexistent/sitrep/nothing.txt")
    }

    @Test func unreadableFileInAFolderIsAnErrorAndTheRestGoesOn() throws {
        let root = try temporaryFolder()
        try write(article, to: root + "/good.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/loop.txt", withDestinationPath: root + "/loop.txt")
        var expected = ["loop.txt"]
        if geteuid() != 0 {
            try write(article, to: root + "/locked.txt")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root + "/locked.txt")
            expected = ["locked.txt", "loop.txt"]
        }
        let (sources, errors) = DocumentReader().expand([root])
        #expect(sources.map { ($0.path! as NSString).lastPathComponent } == ["good.txt"])
        #expect(errors.allSatisfy { $0.code == "ingest.unreadable" })
        #expect(errors.map { ($0.input! as NSString).lastPathComponent } == expected)
    }

    @Test func unreadableFolderIsAnError() throws {
        let root = try temporaryFolder()
        let outcomes = readAll(DocumentReader(), InputSource(path: root, byteCount: nil))
        #expect(outcomes.first?.error?.code == "ingest.unreadable")
    }

    @Test func fileAboveTheLimitIsRefusedSayingHowToRaiseIt() throws {
        let root = try temporaryFolder()
        try write(article, to: root + "/a.txt")
        let reader = DocumentReader(options: .init(maxFileBytes: 64))
        let e = readAll(reader, reader.expand([root + "/a.txt"]).sources[0]).first?.error
        #expect(e?.code == "ingest.tooLarge")
        #expect(e?.message.contains("--max-file-size") == true)
        #expect(e?.input == root + "/a.txt")
    }

    @Test func hugeSparseFileIsRefusedWithoutReadingIt() throws {
        let root = try temporaryFolder()
        let path = root + "/huge.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let reader = DocumentReader()
        let (sources, errors) = reader.expand([path])
        #expect(errors.isEmpty)
        #expect(sources.first?.byteCount == 3 << 30)
        let e = readAll(reader, sources[0]).first?.error
        #expect(e?.code == "ingest.tooLarge")
        #expect(e?.message.contains("3.0 GiB") == true)
        try FileManager.default.removeItem(atPath: path)
    }

    @Test func standardInputIsRead() {
        let reader = DocumentReader()
        let (sources, errors) = reader.expand(["-"])
        #expect(errors.isEmpty)
        #expect(sources == [.standardInput])
        let doc = readAll(reader, sources[0], stdin: Array(article.utf8)).first?.document
        #expect(doc?.path == nil)
        #expect(doc?.title == "Convoy Leaves Kafr Dalia After Shelling")
        let tooBig = readAll(DocumentReader(options: .init(maxFileBytes: 10)), .standardInput, stdin: Array(article.utf8))
        #expect(tooBig.first?.error?.code == "ingest.tooLarge")
    }

    @Test func explicitFileWithAnotherExtensionIsReadAsText() throws {
        let root = try temporaryFolder()
        try write(article, to: root + "/dispatch.md")
        try write([0x00, 0x01, 0x02, 0x03, 0x89], to: root + "/image.dat")
        let reader = DocumentReader()
        let (sources, errors) = reader.expand([root + "/dispatch.md", root + "/image.dat"])
        #expect(errors.isEmpty)
        #expect(readAll(reader, sources[0]).first?.document != nil)
        #expect(readAll(reader, sources[1]).first?.error?.code == "ingest.binary")
    }

    @Test func emptyAndWhitespaceFilesAreEmpty() throws {
        let root = try temporaryFolder()
        try write("", to: root + "/empty.txt")
        try write("  \n\u{00A0}\n\t\n", to: root + "/blank.txt")
        let reader = DocumentReader()
        for name in ["empty.txt", "blank.txt"] {
            let e = readAll(reader, InputSource(path: root + "/" + name, byteCount: nil)).first?.error
            #expect(e?.code == "ingest.empty")
            #expect(e?.input == root + "/" + name)
        }
    }

    @Test func badJSONLineIsRejectedWithItsLineAndTheOthersAreKept() throws {
        let root = try temporaryFolder()
        let good1 = #"{"text": "\#(bodyOne)", "title": "Kafr Dalia emptied", "url": "https://example.org/a", "outlet": "Harbour Daily", "published": "2021-03-14T10:00:00Z"}"#
        let good2 = #"{"text": "\#(bodyTwo)"}"#
        let lines = [good1, "{not json", "", #"{"title": "no text here"}"#, good2, #"[1, 2]"#, #"{"text": "\#(bodyThree)", "published": "someday"}"#]
        try write(lines.joined(separator: "\n") + "\n", to: root + "/feed.jsonl")
        let reader = DocumentReader()
        let outcomes = readAll(reader, reader.expand([root + "/feed.jsonl"]).sources[0])
        #expect(outcomes.count == 6)
        let docs = outcomes.compactMap(\.document)
        #expect(docs.count == 2)
        #expect(docs[0].title == "Kafr Dalia emptied")
        #expect(docs[0].outlet == "Harbour Daily")
        #expect(docs[0].url == "https://example.org/a")
        #expect(docs[0].published?.day?.iso == "2021-03-14")
        #expect(docs[0].published?.method == .metadata)
        #expect(docs[0].path == root + "/feed.jsonl")
        #expect(docs[1].text == bodyTwo)
        let errors = outcomes.compactMap(\.error)
        #expect(errors.allSatisfy { $0.code == "ingest.badJSONLine" })
        #expect(errors.map { $0.input!.components(separatedBy: ":").last! } == ["2", "4", "6", "7"])
    }

    @Test func crlfAndBomFileKeepsExactOffsets() throws {
        let root = try temporaryFolder()
        let text = ["Convoy Leaves Kafr Dalia After Shelling", "", bodyOne, "", bodyTwo].joined(separator: "\r\n")
        try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: root + "/crlf.txt")
        let doc = try #require(readAll(DocumentReader(), InputSource(path: root + "/crlf.txt", byteCount: nil)).first?.document)
        #expect(doc.encoding == "utf-8-bom")
        #expect(!doc.text.contains("\r"))
        #expect(doc.text == bodyOne + "\n\n" + bodyTwo)
        for s in doc.offsetMap.segments {
            #expect(doc.text.slice(TextRange(start: s.clean, end: s.clean + s.length)) == text.slice(TextRange(start: s.raw, end: s.raw + s.length)))
        }
    }
}
