/// Maps UTF-8 offsets in a document's cleaned text back to byte offsets in the raw input.
///
/// Cleaning keeps runs of raw text and drops others; each kept run is one `Segment`.
/// Offsets inside a segment map linearly; offsets in text that cleaning inserted
/// (a paragraph break that joins two kept runs) map to the end of the previous segment.
public struct OffsetMap: Hashable, Codable, Sendable {
    public struct Segment: Hashable, Codable, Sendable {
        /// Start in the cleaned text.
        public var clean: Int32
        /// Start in the raw input (bytes after decoding to UTF-8).
        public var raw: Int32
        public var length: Int32

        public init(clean: Int32, raw: Int32, length: Int32) {
            self.clean = clean
            self.raw = raw
            self.length = length
        }
    }

    /// Sorted by `clean`, non-overlapping.
    public private(set) var segments: [Segment]

    public init(segments: [Segment] = []) { self.segments = segments.sorted { $0.clean < $1.clean } }

    /// The identity map for text that cleaning did not change.
    public static func identity(length: Int) -> OffsetMap {
        OffsetMap(segments: [Segment(clean: 0, raw: 0, length: Int32(length))])
    }

    /// Appends a kept run; merges it with the previous one when both are contiguous.
    public mutating func append(clean: Int, raw: Int, length: Int) {
        guard length > 0 else { return }
        if var last = segments.last, last.clean + last.length == Int32(clean), last.raw + last.length == Int32(raw) {
            last.length += Int32(length)
            segments[segments.count - 1] = last
        } else {
            segments.append(Segment(clean: Int32(clean), raw: Int32(raw), length: Int32(length)))
        }
    }

    /// The raw offset of a cleaned-text offset.
    public func rawOffset(_ clean: Int32) -> Int32 {
        var lo = 0, hi = segments.count - 1, found = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if segments[mid].clean <= clean { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        guard found >= 0 else { return segments.first?.raw ?? clean }
        let s = segments[found]
        return s.raw + min(clean - s.clean, s.length)
    }

    /// The raw range of a cleaned-text range.
    public func rawRange(_ range: TextRange) -> TextRange {
        let start = rawOffset(range.start)
        return TextRange(start: start, end: max(start, rawOffset(range.end)))
    }
}
