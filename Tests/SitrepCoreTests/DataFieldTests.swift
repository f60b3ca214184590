import Foundation
import Testing
@testable import SitrepCore

/// `DataField` answers as Foundation's `trimmingCharacters(in: .whitespaces)` does, on fields whose ends are plain
/// ASCII (the fast path) and on fields that start or end with spaces, tabs, no-break and other Unicode spaces.
@Suite struct DataFieldTests {
    static let fields: [String] = [
        "", " ", "\t", "  ", "a", "ab", " a", "a ", "\ta\t", "said", "according to", "a  b",
        "\u{00A0}x", "x\u{00A0}", "\u{2009}thin", "em\u{2003}", "\u{3000}ideographic",
        "al-Bab", "Dayr az-Zawr", "دير الزور", " دير", "دير ", "é", "é ", " é", "x\u{301}", "\u{301}x",
        "\n", "a\n", "\na", "\r", "a\r", "--", "#", "1,000",
    ]

    @Test(arguments: fields) func isTrimmedMatchesFoundation(_ field: String) {
        #expect(DataField.isTrimmed(field) == (field.trimmingCharacters(in: .whitespaces) == field), "\(field.debugDescription)")
        let sub = Substring(field)
        #expect(DataField.isTrimmed(sub) == (sub.trimmingCharacters(in: .whitespaces) == sub), "\(field.debugDescription)")
    }

    @Test(arguments: fields) func trimmedMatchesFoundation(_ field: String) {
        #expect(DataField.trimmed(Substring(field)) == field.trimmingCharacters(in: .whitespaces), "\(field.debugDescription)")
    }
}
