import Foundation
import SitrepCore
@testable import SitrepIngest

/// Cleans invented text the way `read` does.
func cleaned(_ text: String, metadata: DocumentMetadata = .init()) -> Document {
    DocumentReader().document(text: text, path: nil, metadata: metadata)
}

func removed(_ doc: Document, _ kind: RemovedPart.Kind) -> [RemovedPart] {
    doc.removed.filter { $0.kind == kind }
}

/// A fresh temporary folder for one test.
func temporaryFolder(_ name: String = #function) throws -> String {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-ingest-tests")
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = base.appendingPathComponent("\(safe)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func write(_ text: String, to path: String) throws {
    try write(Array(text.utf8), to: path)
}

/// Every outcome of reading one source.
func readAll(_ reader: DocumentReader, _ source: InputSource, stdin: [UInt8] = []) -> [IngestOutcome] {
    var out: [IngestOutcome] = []
    reader.read(source, stdin: { stdin }) { out.append($0) }
    return out
}

extension IngestOutcome {
    var document: Document? { if case .document(let d) = self { return d }; return nil }
    var error: SitrepError? { if case .rejected(let e) = self { return e }; return nil }
}

/// Two invented paragraphs long enough to count as body text.
let bodyOne = "Militia fighters withdrew from the hill town of Kafr Dalia on Sunday after three days of shelling, leaving about 1,200 residents without water, a local council member said."
let bodyTwo = "The council said the convoy of 14 buses carried wounded fighters and their families toward the plains east of the river, where aid groups have set up two temporary clinics."
let bodyThree = "Aid workers reached the town on Monday and counted at least 40 damaged homes, most of them along the main road that links the market with the old quarry."
