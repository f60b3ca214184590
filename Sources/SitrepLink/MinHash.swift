import SitrepCore

/// Near-verbatim copy detection: word 5-shingles of a text, hashed, summarised by 64 minimum hashes.
/// The share of equal minimums estimates the Jaccard similarity of two texts' shingle sets.
public struct MinHashSignature: Sendable, Hashable {
    public static let size = 64
    public static let shingleWords = 5
    public let values: [UInt64]

    /// Scans the text's bytes: words are runs of letters/digits (ASCII lowercased, other bytes kept).
    public init(text: String) {
        var wordHashes: [UInt64] = []
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        var text = text
        text.withUTF8 { bytes in
            for b in bytes {
                let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
                if isWord {
                    let c = b >= 0x41 && b <= 0x5A ? b + 32 : b
                    h = (h ^ UInt64(c)) &* 0x100_0000_01b3
                    inWord = true
                } else if inWord {
                    wordHashes.append(h); h = 0xcbf2_9ce4_8422_2325; inWord = false
                }
            }
        }
        if inWord { wordHashes.append(h) }
        var mins = [UInt64](repeating: .max, count: MinHashSignature.size)
        let k = MinHashSignature.shingleWords
        if wordHashes.count >= 1 {
            let n = max(1, wordHashes.count - k + 1)
            for i in 0..<n {
                var s: UInt64 = 0x9E37_79B9_7F4A_7C15
                for j in i..<min(i + k, wordHashes.count) { s = MinHashSignature.mix(s ^ wordHashes[j]) }
                for p in 0..<MinHashSignature.size {
                    let v = MinHashSignature.mix(s &+ UInt64(p) &* 0xD6E8_FEB8_6659_FD93)
                    if v < mins[p] { mins[p] = v }
                }
            }
        }
        values = mins
    }

    /// SplitMix64's finaliser.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets (0…1).
    public func similarity(_ other: MinHashSignature) -> Double {
        var same = 0
        for i in 0..<MinHashSignature.size where values[i] == other.values[i] && values[i] != .max { same += 1 }
        return Double(same) / Double(MinHashSignature.size)
    }
}
