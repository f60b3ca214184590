import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

@Suite struct DecodingTests {
    let article = "Rescuers in Kafr Dalia said the café on the square was hit twice — once at dawn, once at noon.\n"

    func decode(_ bytes: [UInt8]) -> Result<TextDecoder.Decoded, SitrepError> { TextDecoder.decode(bytes, input: "t.txt") }

    @Test func plainUTF8() throws {
        let d = try decode(Array(article.utf8)).get()
        #expect(d.text == article)
        #expect(d.encoding == "utf-8")
    }

    @Test func utf8WithByteOrderMark() throws {
        let d = try decode([0xEF, 0xBB, 0xBF] + Array(article.utf8)).get()
        #expect(d.text == article)
        #expect(d.encoding == "utf-8-bom")
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) throws {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in article.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            bytes += bigEndian ? [hi, lo] : [lo, hi]
        }
        let d = try decode(bytes).get()
        #expect(d.text == article)
        #expect(d.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
    }

    @Test func windows1252IsDetectedWhenPlausible() throws {
        // “Café” — curly quotes 0x93/0x94, é = 0xE9, en dash 0x96.
        var bytes = Array("Residents said the ".utf8) + [0x93] + Array("Caf".utf8) + [0xE9, 0x94]
        bytes += Array(" on the square reopened ".utf8) + [0x96] + Array(" briefly.\n".utf8)
        let d = try decode(bytes).get()
        #expect(d.encoding == "windows-1252")
        #expect(d.text == "Residents said the “Café” on the square reopened – briefly.\n")
    }

    @Test func undefinedWindows1252ByteIsInvalidUTF8() {
        let bytes = Array("A report ".utf8) + [0x81, 0x8D] + Array(" about shelling.".utf8)
        #expect(decode(bytes).failure?.code == "ingest.invalidUTF8")
    }

    @Test func damagedUTF8IsNotReadAsWindows1252() {
        // Well-formed "é" twice, then a lone continuation byte: damaged UTF-8, not Windows-1252.
        let bytes = Array("café café ".utf8) + [0xA9] + Array(" more text".utf8)
        let e = decode(bytes).failure
        #expect(e?.code == "ingest.invalidUTF8")
        #expect(e?.message.contains("offset") == true)
    }

    @Test func denseHighBytesAreNotWindows1252() {
        var bytes: [UInt8] = []
        for i in 0..<200 { bytes.append(UInt8(0xA1 + (i * 7) % 90)); bytes.append(UInt8(0xC1 + (i * 11) % 60)) }
        #expect(decode(bytes).failure?.code == "ingest.invalidUTF8")
    }

    @Test(arguments: [
        [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A] as [UInt8],   // %PDF-1.4
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8],
        Array("some text\u{0}with a NUL".utf8),
        (0..<300).map { UInt8(($0 * 37) % 32) },                            // control characters
    ])
    func binaryIsRejected(bytes: [UInt8]) {
        #expect(decode(bytes).failure?.code == "ingest.binary")
    }

    @Test func utf16WithoutByteOrderMarkIsExplained() {
        let bytes = Array(article.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let e = decode(bytes).failure
        #expect(e?.code == "ingest.binary")
        #expect(e?.message.contains("UTF-16") == true)
    }

    @Test func emptyInputIsEmpty() {
        #expect(decode([]).failure?.code == "ingest.empty")
    }

    @Test func aFewControlCharactersAreKept() throws {
        let d = try decode(Array("Form\u{0C}feed and a bell\u{07} in an old wire copy.".utf8)).get()
        #expect(d.text.contains("bell"))
    }
}

extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e }; return nil }
}
