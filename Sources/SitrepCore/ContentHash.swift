/// Stable 64-bit content hashes (FNV-1a) used for document identity.
///
/// Identity must not change between runs or machines, so Swift's seeded `Hasher` is not usable.
public enum ContentHash {
    public static func fnv1a64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func fnv1a64(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { fnv1a64($0) }
    }

    /// 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
