import ArgumentParser
import SitrepCore
import SitrepStore

/// `sitrep documents`: list or search stored documents.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List stored documents, or search their text.",
        discussion: """
        --text takes words (all must occur) and "quoted phrases"; matching ignores case and accents.
        --format jsonl prints one document record per line (id, path, title, outlet, url,
        published with how it was found, text, removed).
        """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Full-text query over title and text.")
    var text: String?

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Option(help: "At most this many documents.")
    var limit: Int = 1000

    func validate() throws {
        if limit <= 0 { throw ValidationError("--limit must be positive.") }
    }

    func run() throws {
        let store = try StoreFactory.open(storeOptions.store)
        let documents: [Document]
        var snippets: [String: String] = [:]
        if let text {
            let hits = try store.searchDocuments(text, limit: limit)
            documents = hits.map(\.document)
            for hit in hits { snippets[hit.document.id] = hit.snippet }
        } else {
            documents = try store.documents(limit: limit, offset: 0)
        }
        switch format {
        case .jsonl:
            for d in documents { print(try Console.json(DocumentRecord(d), pretty: false)) }
        case .json:
            print(try Console.json(documents.map(DocumentRecord.init), pretty: true))
        case .text:
            if documents.isEmpty {
                print(text == nil ? "No documents stored in \(storeOptions.store). Add some with `sitrep ingest PATH`."
                                  : "No document matches \"\(text!)\".")
                return
            }
            for d in documents {
                let date = d.published?.display ?? "date unknown"
                let outlet = d.outlet ?? "outlet unknown"
                print("\(d.id)  \(date)  \(outlet)  \(Format.oneLine(d.title ?? "(no title)", width: 70))")
                if let path = d.path { print("    \(path)") }
                if let snippet = snippets[d.id] { print("    \(Format.oneLine(snippet, width: 110))") }
            }
            let total = try store.documentCount()
            print(text == nil ? "\(Format.plural(documents.count, "document")) of \(total) stored."
                              : "\(Format.plural(documents.count, "document")) match \"\(text!)\" (of \(total) stored).")
        }
    }
}
