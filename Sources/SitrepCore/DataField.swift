import Foundation

/// Fields of the project's data files (TSV rows): whitespace checks that skip Foundation when an end of the field
/// is a plain ASCII byte other than a space or a tab (Foundation's `trimmingCharacters` costs thousands of
/// instructions a call, and loading asks it for thousands of fields).
public enum DataField {
    /// `field` without surrounding whitespace, as `trimmingCharacters(in: .whitespaces)` gives it.
    public static func trimmed(_ field: Substring) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last else { return "" }
        if plain(first), plain(last) { return String(field) }
        return field.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `field` has no surrounding whitespace: `field.trimmingCharacters(in: .whitespaces) == field`.
    public static func isTrimmed(_ field: Substring) -> Bool {
        guard let first = field.utf8.first, let last = field.utf8.last else { return true }
        if plain(first), plain(last) { return true }
        return field.trimmingCharacters(in: .whitespaces) == field
    }

    /// Whether `field` has no surrounding whitespace (as for a `Substring`).
    public static func isTrimmed(_ field: String) -> Bool { isTrimmed(Substring(field)) }

    /// An ASCII byte that is not a space or a tab: no trimming can start or end at it.
    @inline(__always) static func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && b != 0x09 }
}
