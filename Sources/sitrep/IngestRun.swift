import SitrepCore
import SitrepIngest
import SitrepStore

/// Reads inputs into the store in batched transactions, reporting rejections as it goes.
/// Shared by `ingest` and `analyze`.
struct IngestRun {
    struct Summary {
        var added: [String] = []
        var alreadyPresent: [String] = []
        var rejected: [SitrepError] = []
        var bytes = 0
        /// Every document read, in input order, whether new or already stored.
        var documentIDs: [String] = []
    }

    let reader: DocumentReader
    let store: any DocumentStore
    /// Documents per transaction.
    var batchSize = 500

    func run(paths: [String], quiet: Bool) throws -> Summary {
        var summary = Summary()
        let (sources, errors) = reader.expand(paths)
        for error in errors { report(error, &summary, quiet: quiet) }
        let progress = ProgressLine(totalBytes: sources.reduce(0) { $0 + ($1.byteCount ?? 0) },
                                    enabled: !quiet && Console.stderrIsTerminal)
        var batch: [Document] = []
        var seen = Set<String>()

        func flush() throws {
            guard !batch.isEmpty else { return }
            let result = try store.save(batch)
            summary.added += result.added
            summary.alreadyPresent += result.alreadyPresent
            batch.removeAll(keepingCapacity: true)
        }

        for source in sources {
            try reader.read(source) { outcome in
                switch outcome {
                case .document(let document):
                    summary.bytes += document.rawLength
                    progress.advance(bytes: document.rawLength)
                    if seen.insert(document.id).inserted {
                        summary.documentIDs.append(document.id)
                        batch.append(document)
                    } else {
                        summary.alreadyPresent.append(document.id)   // the same article twice in one run
                    }
                    if batch.count >= batchSize { try flush() }
                case .rejected(let error):
                    progress.finish()
                    report(error, &summary, quiet: quiet)
                }
            }
        }
        try flush()
        progress.finish()
        return summary
    }

    private func report(_ error: SitrepError, _ summary: inout Summary, quiet: Bool) {
        summary.rejected.append(error)
        Console.error("rejected \(error.description)")
    }
}

extension IngestRun.Summary {
    /// "Stored 5 new documents, 0 already present, 1 rejected."
    var line: String {
        "\(Format.plural(added.count, "new document")), \(alreadyPresent.count) already present, \(rejected.count) rejected"
    }
}
