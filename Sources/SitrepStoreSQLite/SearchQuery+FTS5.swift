import SitrepStore

extension SearchQuery {
    /// The FTS5 MATCH expression: each term a quoted string, AND-ed; a prefix term gets ` *`.
    ///
    /// Terms hold only letters, digits and marks (no `"`), so quoting needs no escaping and
    /// no input can produce an FTS5 syntax error. `nil` when there is nothing to search for.
    var fts5Expression: String? {
        guard !terms.isEmpty else { return nil }
        return terms.map { term in
            let quoted = "\"" + term.tokens.joined(separator: " ") + "\""
            return term.isPrefix ? quoted + " *" : quoted
        }.joined(separator: " AND ")
    }
}
