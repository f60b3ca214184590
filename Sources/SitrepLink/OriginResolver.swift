import SitrepCore

/// Counts the independent original sources behind a set of mentions.
///
/// A mention's origin is, in order: the source it is attributed to when that is a named source (its
/// dictionary id, or the registry's id for the name, or the name itself) — so two outlets citing SOHR
/// count once; a generic attribution ("the war monitor", `origin-roles.tsv`) when the document names
/// exactly one source of that kind; else the wire whose credit opens the document ("(AFP)") — a wire story reprinted
/// by many outlets counts once; else the group of near-verbatim copies the document belongs to;
/// else the outlet itself (its own reporter, an unnamed spokesman, "local sources").
public struct OriginResolver {
    public let registry: OriginRegistry
    public var copyThreshold: Double
    let documentText: (String) -> String?

    public init(registry: OriginRegistry, copyThreshold: Double = 0.7, documentText: @escaping (String) -> String?) {
        self.registry = registry; self.copyThreshold = copyThreshold; self.documentText = documentText
    }

    /// One origin key per mention (`source:sohr`, `wire:afp`, `copy:doc_…`, `outlet:rudaw`, `document:doc_…`).
    public func origins(of mentions: [EventMention]) -> [String] {
        // Near-verbatim copies among the documents of these mentions: grouped, named by their smallest id.
        let docs = Array(Set(mentions.map(\.document))).sorted()
        var copyOf: [String: String] = [:]
        var texts: [String: String] = [:]
        for d in docs { if let t = documentText(d) { texts[d] = t } }
        if texts.count > 1 {
            let sigs = texts.mapValues { MinHashSignature(text: $0) }
            let withText = docs.filter { sigs[$0] != nil }
            for (i, a) in withText.enumerated() {
                for b in withText[(i + 1)...] where copyOf[b] == nil && sigs[a]!.similarity(sigs[b]!) >= copyThreshold {
                    copyOf[b] = copyOf[a] ?? a
                    copyOf[a] = copyOf[a] ?? a
                }
            }
        }
        // A generic attribution ("the war monitor") refers back to the one source of that kind the document names.
        var namedInDocument: [String: [OriginRegistry.Origin]] = [:]
        func referredSource(_ m: EventMention) -> String? {
            guard m.attributedToID == nil, let a = m.attributedTo, let kind = registry.roleKind(of: a),
                  namedSource(m) == nil, let text = texts[m.document] else { return nil }
            if namedInDocument[m.document] == nil { namedInDocument[m.document] = registry.originsNamed(in: text) }
            let candidates = namedInDocument[m.document]!.filter { $0.kind == kind }
            guard candidates.count == 1 else { return nil }
            return (kind == .wire ? "wire:" : "source:") + candidates[0].id
        }
        let byMention = mentions.map { m in namedSource(m) ?? referredSource(m) }
        return zip(mentions, byMention).map { m, named in
            if let named { return named }
            if let text = texts[m.document], let wire = registry.wireCredit(in: text) { return "wire:" + wire.id }
            if let group = copyOf[m.document] { return "copy:" + group }
            if let outlet = m.outlet, !outlet.isEmpty { return "outlet:" + OriginRegistry.words(outlet).joined(separator: " ") }
            return "document:" + m.document
        }
    }

    /// The named source a mention rests on, or `nil` for the outlet's own or an unnamed one.
    func namedSource(_ m: EventMention) -> String? {
        if let id = m.attributedToID, !id.isEmpty {
            // A dictionary id for a name the registry also knows becomes the registry's id.
            return "source:" + (registry.origin(named: id)?.id ?? id)
        }
        guard let a = m.attributedTo, !a.isEmpty else { return nil }
        if let o = registry.origin(named: a) { return (o.kind == .wire ? "wire:" : "source:") + o.id }
        // "a spokesman", "local sources", "activists": no capital letter, no named source.
        guard a.unicodeScalars.contains(where: { $0.properties.isUppercase }) else { return nil }
        var words = OriginRegistry.words(a)
        if words.first == "the" { words.removeFirst() }
        return "source:" + words.joined(separator: " ")
    }

    /// Documents, outlets and independent origins behind these mentions.
    public func corroboration(of mentions: [EventMention]) -> Corroboration {
        let documents = Set(mentions.map(\.document)).count
        let outlets = Set(mentions.map { m in m.outlet.map { "o:" + OriginRegistry.words($0).joined(separator: " ") } ?? "d:" + m.document }).count
        return Corroboration(documents: documents, outlets: outlets, independentOrigins: Set(origins(of: mentions)).count)
    }
}
