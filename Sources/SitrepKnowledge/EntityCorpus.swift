import Foundation
import SitrepCore

/// Sentences of tagged words in CoNLL-2003 format (`word POS chunk tag` per line, blank lines between
/// sentences, `-DOCSTART-` between documents; tags in IOB1 or IOB2), for training and evaluation.
public struct EntityCorpus: Sendable {
    public struct Word: Hashable, Sendable {
        public var word: String
        public var tag: EntityTag?
        public init(word: String, tag: EntityTag?) { self.word = word; self.tag = tag }
    }

    public struct Document: Sendable {
        public var sentences: [[Word]]
        public init(sentences: [[Word]]) { self.sentences = sentences }
    }

    public var documents: [Document]

    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.sentences.count } }
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.count } } }

    public init(documents: [Document]) { self.documents = documents }

    /// Reads a CoNLL file; errors name the file and line.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SitrepError(code: "knowledge.unreadableCorpus", input: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "knowledge.invalidUTF8", input: url.path, message: "the file is not UTF-8 text")
        }
        try self.init(text: text, input: url.path)
    }

    /// Parses CoNLL text; `input` names it in errors.
    public init(text: String, input: String = "conll") throws {
        var documents: [Document] = []
        var sentences: [[Word]] = []
        var sentence: [Word] = []
        var lineNumber = 0
        func endSentence() {
            if !sentence.isEmpty { sentences.append(sentence.iob2()); sentence = [] }
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(Document(sentences: sentences)); sentences = [] }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { endSentence(); continue }
            if fields[0] == "-DOCSTART-" { endDocument(); continue }
            guard fields.count >= 2 else {
                throw SitrepError(code: "knowledge.badCorpusLine", input: "\(input):\(lineNumber)",
                                  message: "expected 'word … tag', found '\(line.prefix(60))'")
            }
            let tagText = fields[fields.count - 1]
            let tag = EntityTag(tagText)
            if tag == nil && tagText != "O" {
                throw SitrepError(code: "knowledge.badCorpusTag", input: "\(input):\(lineNumber)",
                                  message: "unknown tag '\(tagText)' (expected O, B-X or I-X with X in PER, ORG, LOC, MISC)")
            }
            sentence.append(Word(word: String(fields[0]), tag: tag))
        }
        endDocument()
        self.documents = documents
    }
}

extension Array where Element == EntityCorpus.Word {
    /// IOB1 → IOB2: an `I-X` that starts an entity becomes `B-X`.
    func iob2() -> [EntityCorpus.Word] {
        var out = self
        var previous: EntityLabel?
        for i in out.indices {
            if var tag = out[i].tag {
                if !tag.begins && previous != tag.label { tag.begins = true; out[i].tag = tag }
                previous = tag.label
            } else {
                previous = nil
            }
        }
        return out
    }
}
