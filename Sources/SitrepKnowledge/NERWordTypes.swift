#if canImport(Glibc)
import Glibc
#endif

/// The distinct words (byte strings) of a document, numbered in order of first appearance, so the
/// recogniser computes a word's atoms once per document instead of once per token ("the", "said",
/// a recurring name). Words of up to eight bytes are their own key (packed little-endian, with the
/// length); longer ones are keyed by a hash of their bytes and compared byte for byte.
struct NERWordTypes {
    /// Per slot: the word's length (0: empty; only these are zeroed), key and type.
    private var lengths: UnsafeMutablePointer<Int32>
    private var keys: UnsafeMutablePointer<UInt64>
    private var slotTypes: UnsafeMutablePointer<Int32>
    private var shift: UInt64
    private var size: Int
    /// `size / 2`: the table grows when this many types are in it.
    private var half: Int
    /// Start offset of each type's first token (to compare longer words).
    private var firsts: UnsafeMutablePointer<Int32>
    /// Per type: its slot (so `reset` clears only the slots in use).
    private var typeSlots: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    /// A table sized for a document of `tokens` tokens (it grows if more distinct words come).
    init(tokens: Int) {
        var size = 64
        while size < tokens { size <<= 1 }  // grown when half full
        self.size = size
        half = size >> 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        lengths = .allocate(capacity: size)
        lengths.initialize(repeating: 0, count: size)
        keys = .allocate(capacity: size)
        slotTypes = .allocate(capacity: size)
        firsts = .allocate(capacity: size / 2)  // fewer types than half the slots (see `intern`)
        typeSlots = .allocate(capacity: size / 2)
    }

    func deallocate() { lengths.deallocate(); keys.deallocate(); slotTypes.deallocate(); firsts.deallocate(); typeSlots.deallocate() }

    /// Empties the table for a document of `tokens` tokens, clearing only the slots in use (a table too
    /// small for it is made anew): the types are numbered from 0 again, in order of first appearance.
    mutating func reset(tokens: Int) {
        var needed = 64
        while needed < tokens { needed <<= 1 }
        if needed > size { deallocate(); self = NERWordTypes(tokens: tokens); return }
        for t in 0..<count { lengths[Int(typeSlots[t])] = 0 }
        count = 0
    }

    /// The key of the `n` bytes at `start` of `text` (`n` > 0).
    @inline(__always)
    static func key(_ text: UnsafeBufferPointer<UInt8>, start: Int, count n: Int) -> UInt64 {
        let p = UnsafeRawPointer(text.baseAddress! + start)
        if n <= 8 {
            if start &+ 8 <= text.count {
                let v = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
                return v & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* n))  // the first n bytes (1 ≤ n ≤ 8)
            }
            var v: UInt64 = 0
            for k in 0..<n { v |= UInt64(p.load(fromByteOffset: k, as: UInt8.self)) &<< UInt64(8 &* k) }
            return v
        }
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        var k = 0
        while k &+ 8 < n {
            h = (h ^ UInt64(littleEndian: p.loadUnaligned(fromByteOffset: k, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            k &+= 8
        }
        // The last eight bytes (overlapping the previous chunk when `n` is no multiple of eight).
        h = (h ^ UInt64(littleEndian: p.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    /// The type of the `n` bytes at `start` of `text` (`n` > 0), new types numbered from `count`.
    @inline(__always)
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>, start: Int, count n: Int) -> (type: Int32, isNew: Bool) {
        if count >= half { grow() }
        let key = Self.key(text, start: start, count: n)
        let length = Int32(truncatingIfNeeded: n)
        var i = Int(truncatingIfNeeded: ((key ^ UInt64(truncatingIfNeeded: n)) &* 0x9E37_79B9_7F4A_7C15) &>> shift)
        let mask = size &- 1
        while true {
            let l = lengths[i]
            if l == 0 {
                let t = Int32(truncatingIfNeeded: count)
                lengths[i] = length; keys[i] = key; slotTypes[i] = t
                firsts[count] = Int32(truncatingIfNeeded: start)
                typeSlots[count] = Int32(truncatingIfNeeded: i)
                count &+= 1
                return (t, true)
            }
            if l == length && keys[i] == key {
                let t = slotTypes[i]
                if n <= 8 || Self.equal(text.baseAddress! + start, text.baseAddress! + Int(firsts[Int(t)]), n) { return (t, false) }
            }
            i = (i &+ 1) & mask
        }
    }

    /// Whether the `n` (> 8) bytes at `a` and `b` are equal: up to 16 as two overlapping 8-byte loads.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n <= 16 else { return memcmp(a, b, n) == 0 }
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
            && x.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
    }

    private mutating func grow() {
        let oldLengths = lengths, oldKeys = keys, oldTypes = slotTypes, oldSize = size
        size <<= 1
        half = size >> 1
        shift -= 1
        lengths = .allocate(capacity: size)
        lengths.initialize(repeating: 0, count: size)
        keys = .allocate(capacity: size)
        slotTypes = .allocate(capacity: size)
        let mask = size &- 1
        typeSlots.deallocate()
        typeSlots = .allocate(capacity: size / 2)
        for j in 0..<oldSize where oldLengths[j] != 0 {
            let key = oldKeys[j], length = oldLengths[j]
            var i = Int(truncatingIfNeeded: ((key ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while lengths[i] != 0 { i = (i &+ 1) & mask }
            lengths[i] = length; keys[i] = key; slotTypes[i] = oldTypes[j]
            typeSlots[Int(oldTypes[j])] = Int32(truncatingIfNeeded: i)
        }
        let oldFirsts = firsts
        firsts = .allocate(capacity: size / 2)
        firsts.update(from: oldFirsts, count: count)
        oldLengths.deallocate(); oldKeys.deallocate(); oldTypes.deallocate(); oldFirsts.deallocate()
    }
}
