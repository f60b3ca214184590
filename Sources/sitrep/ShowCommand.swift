import ArgumentParser
import SitrepCore
import SitrepStore

/// `sitrep show ID`: one document (or, once extraction lands, one event) with its evidence.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one stored document (doc_…) or canonical event (ev_…) with its evidence.")

    @Argument(help: "A document id (doc_…, see `sitrep documents`) or an event id (ev_…, see `sitrep events`).")
    var id: String

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard id.hasPrefix("doc_") || id.hasPrefix("ev_") else {
            throw ValidationError("'\(id)' is not an id: document ids start with doc_ (see `sitrep documents`), event ids with ev_ (see `sitrep events`).")
        }
    }

    func run() throws {
        if id.hasPrefix("ev_") { return try EventShow.run(id: id, storeURL: storeOptions.store, format: format) }
        let store = try StoreFactory.open(storeOptions.store)
        guard let document = try store.document(id: id) else {
            throw SitrepError(code: "show.notFound", input: id,
                              message: "no such document in \(storeOptions.store); `sitrep documents` lists them")
        }
        switch format {
        case .json, .jsonl: print(try Console.json(DocumentRecord(document), pretty: format == .json))
        case .text: print(DocumentBriefing(document).text)
        }
    }
}

/// The text view of one document.
struct DocumentBriefing {
    let document: Document
    init(_ document: Document) { self.document = document }

    var text: String {
        let d = document
        var lines: [String] = []
        lines.append("\(d.id)  \(d.path ?? "(standard input)")")
        lines.append("  title      \(d.title ?? "—")")
        lines.append("  outlet     \(d.outlet ?? "—")")
        if let url = d.url { lines.append("  url        \(url)") }
        if let p = d.published {
            lines.append("  published  \(p.display)  [\(p.method.rawValue)\(p.text.map { ": \"\(Format.oneLine($0, width: 60))\"" } ?? "")]")
            lines.append("             \(p.reason)")
        } else {
            lines.append("  published  unknown (the text states no publication date)")
        }
        lines.append("  size       \(d.rawLength) bytes read (\(d.encoding ?? "utf-8")), \(d.text.utf8.count) bytes kept")
        if d.removed.isEmpty {
            lines.append("  removed    nothing")
        } else {
            lines.append("  removed    \(d.removed.count) parts:")
            for part in d.removed {
                lines.append("    - \(part.kind.rawValue): \"\(Format.oneLine(part.text, width: 70))\" (\(part.reason))")
            }
        }
        lines.append("")
        lines.append(d.text)
        return lines.joined(separator: "\n")
    }
}
