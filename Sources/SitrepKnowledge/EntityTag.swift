/// One BIO tag of the named-entity recogniser: a label and whether the token begins the name.
public struct EntityTag: Hashable, Sendable, CustomStringConvertible {
    public var label: EntityLabel
    /// True for `B-`, false for `I-`.
    public var begins: Bool
    public init(label: EntityLabel, begins: Bool) { self.label = label; self.begins = begins }

    /// `B-PER`, `I-ORG` …
    public var description: String { (begins ? "B-" : "I-") + label.rawValue }

    /// Parses `B-PER`, `I-LOC`, `E-ORG`, `S-MISC` (BIOES read as BIO); `O` and anything else is nil.
    public init?(_ text: Substring) {
        guard text.count > 2, let dash = text.firstIndex(of: "-"),
              let label = EntityLabel(rawValue: String(text[text.index(after: dash)...])) else { return nil }
        let prefix = text[..<dash]
        switch prefix {
        case "B", "S": self.init(label: label, begins: true)
        case "I", "E": self.init(label: label, begins: false)
        default: return nil
        }
    }
}

/// The recogniser's tag set as dense indexes: 0 is `O`, then `B-`/`I-` for each label.
enum EntityTagIndex {
    static let labels: [EntityLabel] = [.person, .organisation, .location, .misc]
    static let count = 1 + 2 * labels.count

    static func index(of tag: EntityTag?) -> Int {
        guard let tag, let l = labels.firstIndex(of: tag.label) else { return 0 }
        return 1 + 2 * l + (tag.begins ? 0 : 1)
    }

    static func tag(at index: Int) -> EntityTag? {
        guard index > 0 else { return nil }
        return EntityTag(label: labels[(index - 1) / 2], begins: (index - 1) % 2 == 0)
    }

    static let names: [String] = (0..<count).map { tag(at: $0)?.description ?? "O" }

    /// BIO well-formedness: `I-X` only after `B-X` or `I-X`.
    static func allowed(_ index: Int, after previous: Int) -> Bool {
        guard index > 0, (index - 1) % 2 == 1 else { return true }
        let begin = index - 1
        return previous == begin || previous == index
    }
}

/// Turns per-token BIO or IOB1 tags into entity spans (conlleval's chunking rule: an entity starts at
/// `B-X`, or at `I-X` after anything that is not `X`).
public enum EntitySpans {
    public struct Span: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var label: EntityLabel
        public init(start: Int, end: Int, label: EntityLabel) { self.start = start; self.end = end; self.label = label }
    }

    public static func spans(_ tags: [EntityTag?]) -> [Span] {
        var out: [Span] = []
        var current: Span?
        for (i, tag) in tags.enumerated() {
            if let tag {
                if let c = current, c.label == tag.label, !tag.begins {
                    current = Span(start: c.start, end: i + 1, label: c.label)
                } else {
                    if let c = current { out.append(c) }
                    current = Span(start: i, end: i + 1, label: tag.label)
                }
            } else if let c = current {
                out.append(c); current = nil
            }
        }
        if let c = current { out.append(c) }
        return out
    }
}
