/// A half-open range of UTF-8 byte offsets into a document's cleaned text.
///
/// Every token, span, mention and piece of evidence in Sitrep is a `TextRange`:
/// it serialises as two integers, compares cheaply and fits a database column.
public struct TextRange: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var start: Int32
    public var end: Int32

    public init(start: Int32, end: Int32) {
        precondition(start <= end, "TextRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ start: Int, _ end: Int) {
        self.init(start: Int32(start), end: Int32(end))
    }

    public var length: Int { Int(end - start) }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    /// The smallest range covering both.
    public func union(_ other: TextRange) -> TextRange {
        TextRange(start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public var description: String { "\(start)..<\(end)" }
}

extension String {
    /// The text at a UTF-8 range, or `nil` when the range is out of bounds or splits a character.
    public func slice(_ range: TextRange) -> String? {
        let utf8 = self.utf8
        guard range.start >= 0, Int(range.end) <= utf8.count else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: Int(range.start))
        let upper = utf8.index(lower, offsetBy: range.length)
        guard let s = String(utf8[lower..<upper]) else { return nil }
        return s
    }
}
