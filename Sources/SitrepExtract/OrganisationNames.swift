import SitrepCore
import SitrepKnowledge

/// Organisation names built on a head noun (`organisation-heads.tsv`): "the Arakan Army" is an armed group, "the
/// Sudanese Army" a state's force.
extension DocumentView {
    /// Whether every capitalised name word in `words` names a state: a state word (`state-name-words.tsv`), a country
    /// the place layer found there ("Pakistan Army"), or the demonym of a country ("the Sudanese Army").
    func namesState(_ words: Range<Int>, knowledge: KnowledgeAnnotations, lexicon: ExtractionLexicon) -> Bool {
        words.allSatisfy { i in
            if lexicon.stateNameWords.contains(keys[i]) { return true }
            let r = tokens[i].range
            // (Fields read in place through the buffer's pointer: `contains(where:)` copied every place mention out
            // whole for its closure.)
            let country = knowledge.places.withUnsafeBufferPointer { mp -> Bool in
                guard let base = mp.baseAddress else { return false }
                for k in 0..<mp.count {
                    let m = base + k
                    if m.pointee.range.start <= r.start && m.pointee.range.end >= r.end && m.pointee.place.precision == .country {
                        return true
                    }
                }
                return false
            }
            if country { return true }
            guard let place = DocumentView.gazetteer?.demonym(text(r)) else { return false }
            return place.kind == .country
        }
    }

    /// The shipped gazetteer, for demonyms (loaded once; read only for a name before an organisation head).
    static let gazetteer: Gazetteer? = try? Gazetteer.loadDefault()
}
