import Foundation
import SitrepCore

/// The stored form of an `OffsetMap`: a format byte (1), then each segment as three
/// little-endian `Int32`s (clean, raw, length): 12 bytes a segment.
enum OffsetMapBlob {
    static let format: UInt8 = 1

    static func encode(_ map: OffsetMap) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 + 12 * map.segments.count)
        bytes.append(format)
        for segment in map.segments {
            for value in [segment.clean, segment.raw, segment.length] {
                let bits = UInt32(bitPattern: value)
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
            }
        }
        return Data(bytes)
    }

    /// `nil` when the blob is not in this format.
    static func decode(_ data: Data) -> OffsetMap? {
        let bytes = [UInt8](data)
        guard let first = bytes.first, first == format, (bytes.count - 1) % 12 == 0 else { return nil }
        func int32(at i: Int) -> Int32 {
            Int32(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
        }
        var segments: [OffsetMap.Segment] = []
        segments.reserveCapacity((bytes.count - 1) / 12)
        var i = 1
        while i + 12 <= bytes.count {
            segments.append(OffsetMap.Segment(clean: int32(at: i), raw: int32(at: i + 4), length: int32(at: i + 8)))
            i += 12
        }
        return OffsetMap(segments: segments)
    }
}
