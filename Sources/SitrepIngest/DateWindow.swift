/// The bytes `DateScanner` reads words from around a trigger (a digit, or "last"): three words back and three on,
/// at most 40 bytes each way, widened to whole words. The spaces are counted eight bytes at a time; the plain
/// byte-by-byte walks (`plainStart`, `plainEnd`) are what the tests pin them against.
enum DateWindow {
    /// How far back from `i` (not before `from`): after the fourth space back, or 40 bytes back, then back over the
    /// letters and digits of a word cut there.
    @inline(__always) static func start(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, from: Int) -> Int {
        var ws = i
        var words = 0
        let limit = max(from, i - 40)
        // Eight bytes at a time, ending at `ws`: four spaces among them, or fewer and on.
        while ws - 8 >= limit {
            let spaces = ByteText.bytesEqual(ByteText.load8(p, ws - 8), 0x20)
            let c = ByteText.countHighBits(spaces)
            if words + c >= 4 {
                // The (4 - words)th space from the top byte down: drop the highest ones before it.
                var m = spaces
                for _ in 0..<(3 - words) { m &= ~(UInt64(1) << UInt64(63 - m.leadingZeroBitCount)) }
                ws = ws - 8 + (63 - m.leadingZeroBitCount) / 8 + 1
                words = 4
                break
            }
            words += c
            ws -= 8
        }
        if words < 4 {
            while ws > limit {
                if p[ws - 1] == 0x20 { words += 1; if words == 4 { break } }
                ws -= 1
            }
        }
        while ws > from, ByteText.isAlnum(p[ws - 1]) { ws -= 1 }
        return ws
    }

    /// How far on from `i` (not past `to`): at the fourth space on, or 40 bytes on, then on over the letters and
    /// digits of a word cut there.
    @inline(__always) static func end(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, to: Int) -> Int {
        var we = i
        var words = 0
        let limit = min(to, i + 40)
        while we + 8 <= limit {
            let spaces = ByteText.bytesEqual(ByteText.load8(p, we), 0x20)
            let c = ByteText.countHighBits(spaces)
            if words + c >= 4 {
                // The (4 - words)th space from the low byte up.
                var m = spaces
                for _ in 0..<(3 - words) { m &= m &- 1 }
                we += m.trailingZeroBitCount >> 3
                words = 4
                break
            }
            words += c
            we += 8
        }
        if words < 4 {
            while we < limit {
                if p[we] == 0x20 { words += 1; if words == 4 { break } }
                we += 1
            }
        }
        return ByteText.alnumEnd(p, we, to)
    }

    /// `start` byte by byte.
    static func plainStart(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, from: Int) -> Int {
        var ws = i
        var words = 0
        while ws > from, i - ws < 40 {
            if p[ws - 1] == 0x20 { words += 1; if words == 4 { break } }
            ws -= 1
        }
        while ws > from, ByteText.isAlnum(p[ws - 1]) { ws -= 1 }
        return ws
    }

    /// `end` byte by byte.
    static func plainEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, to: Int) -> Int {
        var we = i
        var words = 0
        while we < to, we - i < 40 {
            if p[we] == 0x20 { words += 1; if words == 4 { break } }
            we += 1
        }
        while we < to, ByteText.isAlnum(p[we]) { we += 1 }
        return we
    }
}
