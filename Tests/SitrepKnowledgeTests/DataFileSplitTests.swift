import Foundation
import Testing
@testable import SitrepKnowledge

/// Data files are split into lines and fields on their bytes, and fields trimmed without Foundation when nothing
/// at their ends can be whitespace: every text here reads exactly as the character-based split and
/// `trimmingCharacters(in: .whitespaces)` read it.
@Suite struct DataFileSplitTests {
    static let texts: [String] = [
        "# comment\nrebels\tarmed_group\n\nsoldiers \t state_force\n",
        "tab\tat\tend\t\n\tleading tab\n",
        "windows\r\nline ends\r\n\r\nand a bare\rreturn\n",
        "non-breaking\u{00A0}\tspace\u{00A0}\n\u{2003}em space\tfield\u{3000}\n",
        "accents\tDéir ez-Zór\nÉtat islamique\tstate\n",
        "a combining mark after a tab\t\u{0301}x\nand after a line feed\n\u{0301}y\tz",
        "",
        "\n\n\t\n",
    ]

    @Test(arguments: texts)
    func linesAndFieldsReadAsCharacters(_ text: String) {
        let lines = dataLines(text)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.map(String.init) == expected.map(String.init))
        for (line, other) in zip(lines, expected) {
            let fields = dataFields(line).map(trimmedField)
            let slow = other.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(fields == slow)
        }
    }
}
