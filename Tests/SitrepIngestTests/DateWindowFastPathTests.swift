import Testing
@testable import SitrepIngest
import SitrepCore

/// The date scanner's window bounds, counted eight bytes at a time, are the plain byte-by-byte walks' bounds: every
/// trigger position of texts with runs of spaces, words cut at 40 bytes, digits and non-ASCII bytes. So are the ends
/// of letter-and-digit runs found eight bytes at a time (`ByteText.alnumEnd`), at every position.
@Suite struct DateWindowFastPathTests {
    @Test(arguments: [
        "On 13 February 2018 the talks  resumed in Tell Baruda, officials said.",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9",
        "Supercalifragilisticexpialidociousandthensomemorelettersthatrunon 2019 andanotherverylongwordthatkeepsgoingandgoing",
        "    four spaces      then six, 07/31/2018 –  fêted  “quotes” 12:30 GMT    ",
        "AZaz09@[`{/:Zulu2018Zeta\u{C1}\u{FF}x\u{100}9Q\u{7F}azAZ",
        "Monday31stJuly2018withoutspaces,thenGMT+3:OK",
        "x",
        "",
    ])
    func windowBoundsMatchThePlainWalks(_ text: String) {
        Self.compare(Array(text.utf8))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func windowBoundsMatchOnRandomText(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet: [UInt8] = Array("  ab9-,\u{E9}".utf8)
        let bytes = (0..<300).map { _ in alphabet[rng.int(0, alphabet.count - 1)] }
        Self.compare(bytes)
    }

    /// The date scanner's eight-byte trigger test is the byte-by-byte one, on words of bytes drawn from digits,
    /// "l"/"a" in both cases, their neighbours in the table and bytes with the high bit.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func triggerBytesMatchThePlainTest(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet: [UInt8] = [0x2F, 0x30, 0x39, 0x3A, 0x4C, 0x41, 0x6C, 0x61, 0x6B, 0x6D, 0x60, 0x62, 0x4B, 0x40,
                                 0x20, 0x00, 0xEC, 0xE1, 0xCC, 0xC1, 0xB0, 0xFF, 0x0C, 0x01]
        for _ in 0..<2000 {
            var x: UInt64 = 0
            for j in 0..<8 { x |= UInt64(alphabet[rng.int(0, alphabet.count - 1)]) << UInt64(j * 8) }
            #expect(DateScanner.triggerBytes(x) == DateScanner.plainTriggerBytes(x), "\(String(x, radix: 16))")
        }
    }

    /// The cheap prefilter before `triggerBytes` never drops a trigger: every byte value at every position of words
    /// of filler (letters with no "l", spaces, high bytes, another digit or "a" beside it), and the random words above.
    @Test(arguments: ["xxxxxxxx", "        ", "aaaaaaaa", "\u{E9}\u{E9}\u{E9}\u{E9}", "bread 9k", "AAAAAAAA"])
    func triggerPrefilterKeepsEveryTrigger(_ filler: String) {
        let base = Array(filler.utf8)
        #expect(base.count == 8)
        for j in 0..<8 {
            for b in 0...255 {
                var word = base
                word[j] = UInt8(b)
                var x: UInt64 = 0
                for (k, c) in word.enumerated() { x |= UInt64(c) << UInt64(k * 8) }
                let plain = DateScanner.plainTriggerBytes(x)
                #expect(plain == 0 || DateScanner.mayTrigger(x), "\(String(x, radix: 16))")
                // Exact on a single byte over filler without digits or "l": a digit or an "l"/"L" is seen, nothing else.
                if !base.contains(where: { ByteText.isDigit($0) || ($0 | 0x20) == 0x6C }) {
                    let expected = ByteText.isDigit(UInt8(b)) || (UInt8(b) | 0x20) == 0x6C
                    #expect(DateScanner.mayTrigger(x) == expected, "\(String(x, radix: 16))")
                }
            }
        }
        var rng = SplitMix64(seed: UInt64(base[0]))
        let alphabet: [UInt8] = [0x2F, 0x30, 0x39, 0x3A, 0x4C, 0x41, 0x6C, 0x61, 0x6B, 0x6D, 0x60, 0x4B, 0x20, 0x00, 0xEC, 0xCC, 0xFF]
        for _ in 0..<2000 {
            var x: UInt64 = 0
            for j in 0..<8 { x |= UInt64(alphabet[rng.int(0, alphabet.count - 1)]) << UInt64(j * 8) }
            #expect(DateScanner.plainTriggerBytes(x) == 0 || DateScanner.mayTrigger(x), "\(String(x, radix: 16))")
        }
    }

    static func compare(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            for from in [0, 1, 5] where from <= n {
                for to in [n, n - 3, n / 2] where to >= from {
                    for i in from..<to {
                        #expect(DateWindow.start(p, i, from: from) == DateWindow.plainStart(p, i, from: from), "start \(i) \(from)")
                        #expect(DateWindow.end(p, i, to: to) == DateWindow.plainEnd(p, i, to: to), "end \(i) \(to)")
                        #expect(ByteText.alnumEnd(p, i, to) == ByteText.plainAlnumEnd(p, i, to), "alnum end \(i) \(to)")
                    }
                }
            }
        }
    }
}
