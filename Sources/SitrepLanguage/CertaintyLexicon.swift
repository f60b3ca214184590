import SitrepCore

/// The certainty cues: hedges (`en/hedges.tsv`), modals and future or conditional markers
/// (`en/modals.tsv`) and negations (`en/negations.tsv`), in one phrase table so that the longest
/// phrase wins where they overlap ("could not be ruled out" over "could" and "not").
struct CertaintyLexicon: Sendable {
    /// How far a cue's mark reaches.
    enum Scope: String, Sendable {
        /// The clause around the cue.
        case clause
        /// From the cue to the end of its clause.
        case following
        /// After the cue to the end of its clause: the cue's own verb is asserted ("failed | to reach").
        case after
        /// The cue's clause and the subordinate clause it opens ("it is unclear | whether …").
        case rest
        /// The noun phrase the cue stands in ("a possible offensive", "the alleged attack").
        case phrase
        /// The conditional clause together with the clause it governs.
        case condition
    }

    struct Cue: Sendable {
        /// `nil` for an exception: the words are not a cue here, and no overlapping cue counts.
        var certainty: Certainty?
        var scope: Scope
    }

    var phrases = ClausePhrases<Cue>()

    init(hedgesPath: String? = nil, modalsPath: String? = nil, negationsPath: String? = nil) throws {
        let files: [(String, String?, Set<Certainty>)] = [
            ("en/hedges.tsv", hedgesPath, [.reported, .possible]),
            ("en/modals.tsv", modalsPath, [.possible, .planned, .conditional]),
            ("en/negations.tsv", negationsPath, [.denied]),
        ]
        var seen = Set<String>()
        for (name, path, allowed) in files {
            let (text, file) = try ClauseData.text(name, path: path)
            for row in try ClauseData.rows(text, file: file, columns: 3) {
                let certainty: Certainty?
                if row.columns[1] == "none" {
                    certainty = nil
                } else if let c = Certainty(rawValue: row.columns[1]), allowed.contains(c) {
                    certainty = c
                } else {
                    let list = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                    throw ClauseData.badRow(row, "certainty must be one of \(list) or none, not '\(row.columns[1])'")
                }
                guard let scope = Scope(rawValue: row.columns[2]) else {
                    throw ClauseData.badRow(row, "scope must be clause, following, after, rest, phrase or condition, not '\(row.columns[2])'")
                }
                guard seen.insert(row.columns[0]).inserted else {
                    throw SitrepError(code: "data.duplicateRow", input: row.place,
                                      message: "'\(row.columns[0])' is already listed in another certainty file")
                }
                phrases.add(row.columns[0], Cue(certainty: certainty, scope: scope))
            }
        }
    }
}
