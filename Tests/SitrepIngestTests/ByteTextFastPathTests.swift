import Foundation
import Testing
@testable import SitrepIngest

/// The eight-bytes-at-a-time tests the cleaner's scanners use give, byte for byte, what the plain
/// per-byte tests give: every byte value in every position of the word.
@Suite struct ByteTextFastPathTests {
    /// Eight bytes of filler with `b` at `position`, as the little-endian word the scanners load.
    static func word(_ b: Int, at position: Int, filler: UInt8) -> (UInt64, [UInt8]) {
        var bytes = [UInt8](repeating: filler, count: 8)
        bytes[position] = UInt8(b)
        var x: UInt64 = 0
        for (i, v) in bytes.enumerated() { x |= UInt64(v) << UInt64(8 * i) }
        return (x, bytes)
    }

    static func bit(_ mask: UInt64, _ i: Int) -> Bool { (mask >> UInt64(8 * i + 7)) & 1 == 1 }

    @Test(arguments: [UInt8(ascii: "q"), UInt8(ascii: " "), 0xC3, UInt8(ascii: "5"), 0x0A])
    func byteMasksMatchThePerByteTests(filler: UInt8) {
        for position in 0..<8 {
            for b in 0..<256 {
                let (x, bytes) = Self.word(b, at: position, filler: filler)
                let nonWord = ByteText.nonWordBytes(x), nonLower = ByteText.nonLowerBytes(x), digits = ByteText.digitBytes(x)
                let newline = ByteText.bytesEqual(x, 0x0A), ells = ByteText.bytesEqual(x | 0x2020_2020_2020_2020, 0x6C)
                for i in 0..<8 {
                    let v = bytes[i]
                    #expect(Self.bit(nonWord, i) == !ByteText.isWordByte(v), "nonWord \(v) at \(i)")
                    #expect(Self.bit(nonLower, i) == !ByteText.isLower(v), "nonLower \(v) at \(i)")
                    #expect(Self.bit(digits, i) == ByteText.isDigit(v), "digit \(v) at \(i)")
                    #expect(Self.bit(newline, i) == (v == 0x0A), "newline \(v) at \(i)")
                    #expect(Self.bit(ells, i) == (v | 0x20 == 0x6C), "l \(v) at \(i)")
                }
                for m in [nonWord, nonLower, digits, newline, ells] { #expect(m & ~0x8080_8080_8080_8080 == 0) }
            }
        }
    }

    @Test func loadReadsEightBytesLittleEndian() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBufferPointer { p in
            #expect(ByteText.load8(p, 0) == 0x0807_0605_0403_0201)
            #expect(ByteText.load8(p, 1) == 0x0908_0706_0504_0302)
        }
    }
}

/// The copyright-outlet trim without Foundation gives what Foundation's `trimmingCharacters(in:)` gives.
@Suite struct ASCIITrimTests {
    @Test(arguments: ["(The Daily Ledger.", "..", "", "Al Bawaba (", " ©Ünï, ", ".\u{301}abc;", "|x|", "Ledger", "  (( ) ",
                      "Dār al-Ḥayāt;", "é.", ".é"])
    func asciiTrimIsFoundationsTrim(_ s: String) {
        #expect(CleaningPass.trimmingASCII(s, ".,;|( ") == s.trimmingCharacters(in: CharacterSet(charactersIn: ".,;|( ")))
        #expect(CleaningPass.trimmingASCII(s, ".,;|()").isEmpty == s.trimmingCharacters(in: CharacterSet(charactersIn: ".,;|()")).isEmpty)
    }
}
