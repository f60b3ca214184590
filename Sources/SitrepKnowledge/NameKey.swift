import Foundation

/// Keys under which place names are indexed and looked up.
///
/// `folded`: lower case, Latin diacritics removed, apostrophes and ‘ ’ ʿ ʾ dropped, hyphens and other
/// punctuation turned into single spaces; Arabic harakat and tatweel removed, alef/ta marbuta/alef maqsura
/// normalised. Two spellings with the same folded key are the same name.
///
/// `skeleton`: the folded key with Arabic articles (al-, el-, as-, ash-, ez-, "Al "…) removed, every run of
/// vowels (and w/y) turned into one vowel slot `a`, word-initial vowels dropped, consonants merged into
/// classes (q/k/g/j/c, d/z/dh, t/th, h/kh, s/sh/ch, b/p, f/v/ph), doubled letters collapsed, no word breaks:
/// Deir ez-Zor, Deir Ezzour and Dayr az-Zawr all give `dardar`; Alboukamal and Abu Kamal give `bakamal`.
/// A skeleton match is weaker evidence than a folded match and is checked against length and priors.
public enum NameKey {
    /// The folded key of a UTF-8 byte slice, appended to `out` (cleared first).
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        let n = bytes.count
        if n == 0 { return }
        // Written into a scratch buffer by `fold(_:writingTo:capacity:)`, then copied out once. (A fold is at most
        // twice its input: a space and one letter per ASCII byte, a space and up to three bytes per scalar of two or
        // more bytes; a bigger buffer is tried in case some lower-casing grows more.)
        var capacity = 4 * n + 16
        while true {
            let done = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { o -> Bool in
                let w = fold(bytes, writingTo: o.baseAddress!, capacity: capacity)
                guard w >= 0 else { return false }
                out.append(contentsOf: UnsafeBufferPointer(start: o.baseAddress!, count: w))
                return true
            }
            if done { return }
            capacity *= 4
        }
    }

    /// The folded key of a UTF-8 byte slice written at `o` (room for `capacity` bytes): its length, or -1 when it
    /// needs more room (nothing useful is written then). No array: loaders and lookups hash it where it lies.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, writingTo o: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        let n = bytes.count
        if n == 0 { return 0 }
        // Fast path: a plain ASCII word (letters and digits only) is just lower-cased (its fold is as long as it).
        if n <= capacity {
            var plain = true
            for k in 0..<n {
                let b = bytes[k]
                if (b | 0x20) &- 0x61 < 26 { o[k] = b | 0x20 } else if b &- 0x30 < 10 { o[k] = b } else { plain = false; break }
            }
            if plain { return n }
        }
        // Any other ASCII text ("Deir ez-Zor", "Qal'at"): the rules below for ASCII bytes (a fold of ASCII is never
        // longer than its input).
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            guard n <= capacity else { return -1 }
            var w = 0
            var pending = false
            for b in bytes {
                let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) {
                    if pending && w > 0 { o[w] = 0x20; w += 1 }
                    pending = false
                    o[w] = l; w += 1
                } else if b != 0x27 && b != 0x60 {
                    pending = true
                }
            }
            return w
        }
        var i = 0
        var w = 0
        var overflow = false
        var pendingSpace = false
        @inline(__always) func emit(_ b: UInt8) {
            if pendingSpace && w > 0 {
                if w < capacity { o[w] = 0x20; w += 1 } else { overflow = true }
            }
            pendingSpace = false
            if w < capacity { o[w] = b; w += 1 } else { overflow = true }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b >= 0x41 && b <= 0x5A { emit(b | 0x20) }
                else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { emit(b) }
                else if b == 0x27 || b == 0x60 { continue }  // ' `
                else { pendingSpace = true }
                continue
            }
            // Decode one scalar.
            var scalar: UInt32 = 0
            var len = 1
            if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); len = 2 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); len = 3 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); len = 4 }
            else { i += 1; pendingSpace = true; continue }
            if i + len > n { break }
            for k in 1..<len { scalar = (scalar << 6) | UInt32(bytes[i + k] & 0x3F) }
            let start = i
            i += len
            switch scalar {
            case 0x2018, 0x2019, 0x02BB, 0x02BC, 0x02BE, 0x02BF, 0x00B4, 0x02B9, 0x02CA:
                continue  // quote-like letters: ‘ ’ ʻ ʼ ʾ ʿ ´
            case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640:
                continue  // combining marks, harakat, superscript alef, tatweel
            case 0x0622, 0x0623, 0x0625, 0x0671:
                emit(0xD8); emit(0xA7)  // آ أ إ ٱ → ا
            case 0x0629:
                emit(0xD9); emit(0x87)  // ة → ه
            case 0x0649, 0x06CC:
                emit(0xD9); emit(0x8A)  // ى ی → ي
            case 0x06A9:
                emit(0xD9); emit(0x83)  // ک → ك
            case 0x0600...0x06FF, 0x0750...0x077F:
                for k in start..<i { emit(bytes[k]) }
            case 0x00C0...0x024F, 0x1E00...0x1EFF:
                let mapped = LatinFolding.table[Int(scalar)]
                if mapped.isEmpty { pendingSpace = true } else { for m in mapped { emit(m) } }
            case 0x2010...0x2015, 0x00A0, 0x2000...0x200F, 0x2028...0x202F:
                pendingSpace = true
            default:
                if let s = Unicode.Scalar(scalar), s.properties.isAlphabetic {
                    for u in String(s).lowercased().utf8 { emit(u) }
                } else {
                    pendingSpace = true
                }
            }
        }
        return overflow ? -1 : w
    }

    /// The folded key of a string.
    public static func folded(_ s: String) -> String {
        var out: [UInt8] = []
        var copy = s
        copy.withUTF8 { fold($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The consonant skeleton of an already folded key, appended to `out` (cleared first).
    public static func skeleton(ofFolded f: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        let n = f.count
        guard n > 0 else { return }
        // Written in place into a scratch buffer of the input's size (a skeleton is never longer than its folded
        // key: every byte written stands for at least one byte read), then copied out.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { o in
            let used = skeleton(ofFolded: f, writingTo: o)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: o[0..<used]))
        }
    }

    /// The consonant skeleton of an already folded key written at the start of `o` (room for `f.count` bytes: a
    /// skeleton is never longer than its key); its length. (No array: lookups hash it where it is written.)
    static func skeleton(ofFolded f: UnsafeBufferPointer<UInt8>, writingTo o: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = f.count
        guard n > 0 else { return 0 }
        var used = 0
        var i = 0
        while i < n {
            var j = i
            while j < n && f[j] != 0x20 { j += 1 }
            defer { i = j + 1 }
            var s = i
            let len = j - i
            if len == 0 { continue }
            if f[i] >= 0x80 {
                // Arabic word: drop the article ال and long vowels / hamza seats.
                if len >= 8 && f[i] == 0xD8 && f[i + 1] == 0xA7 && f[i + 2] == 0xD9 && f[i + 3] == 0x84 { s += 4 }
                var k = s
                while k < j {
                    let b0 = f[k]
                    let l = b0 < 0x80 ? 1 : (b0 & 0xE0 == 0xC0 ? 2 : (b0 & 0xF0 == 0xE0 ? 3 : 4))
                    if k + l > n { break }  // (a cut-off scalar: folded keys hold none)
                    let isVowel = l == 2 && ((b0 == 0xD8 && (f[k + 1] == 0xA7 || f[k + 1] == 0xA1 || f[k + 1] == 0xA4 || f[k + 1] == 0xA6))
                        || (b0 == 0xD9 && (f[k + 1] == 0x88 || f[k + 1] == 0x8A)))
                    if !isVowel {
                        let startLen = used
                        var same = used >= l
                        if same { for q in 0..<l where o[used - l + q] != f[k + q] { same = false; break } }
                        if !same || startLen == 0 { for q in 0..<l { o[used] = f[k + q]; used += 1 } }
                    }
                    k += l
                }
                continue
            }
            // Latin word: a separate article is skipped unless it is the last word (a space follows it: no count of
            // the key's words beforehand).
            if j < n && isArticle(f, i, j) { continue }
            // A glued article: al-/el- at the start of a word of 4+ letters (Alboukamal, Albu).
            if len >= 4 && (f[i] == 0x61 || f[i] == 0x65) && f[i + 1] == 0x6C { s += 2 }
            var k = s
            var wordStart = true
            while k < j {
                let c = f[k]
                let next: UInt8 = k + 1 < j ? f[k + 1] : 0
                var cls: UInt8 = 0
                var step = 1
                if next == 0x68 && (c == 0x6B || c == 0x64 || c == 0x74 || c == 0x73 || c == 0x63 || c == 0x67 || c == 0x70) {
                    switch c {
                    case 0x6B: cls = 0x68       // kh → h
                    case 0x64: cls = 0x64       // dh → d
                    case 0x74: cls = 0x74       // th → t
                    case 0x73, 0x63: cls = 0x73 // sh, ch → s
                    case 0x67: cls = 0x6B       // gh → k
                    default: cls = 0x66         // ph → f
                    }
                    step = 2
                } else {
                    switch c {
                    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x77: cls = 0x61  // vowels, w, y: one vowel slot
                    case 0x68: cls = (k + 1 == j) ? 0 : 0x68               // final h drops (Raqqah)
                    case 0x71, 0x6B, 0x67, 0x63, 0x6A: cls = 0x6B           // q k g c j
                    case 0x7A, 0x64: cls = 0x64                            // z d
                    case 0x70: cls = 0x62                                  // p → b
                    case 0x76: cls = 0x66                                  // v → f
                    case 0x78: cls = 0x6B                                  // x
                    default: cls = c
                    }
                }
                k += step
                if cls == 0 { continue }
                if cls == 0x61 && wordStart { continue }  // word-initial vowels drop (Abu / Bu, Idlib)
                wordStart = false
                if used == 0 || o[used - 1] != cls { o[used] = cls; used += 1 }
            }
        }
        return used
    }

    /// The skeleton of a string (folded first).
    public static func skeleton(_ s: String) -> String {
        var f: [UInt8] = []
        var copy = s
        copy.withUTF8 { fold($0, into: &f) }
        var out: [UInt8] = []
        f.withUnsafeBufferPointer { skeleton(ofFolded: $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Separate Arabic article forms, as folded words.
    static func isArticle(_ f: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        switch j - i {
        case 1: return f[i] == 0x61 || f[i] == 0x65  // a, e
        case 2:
            let a = f[i], b = f[i + 1]
            guard a == 0x61 || a == 0x65 || a == 0x75 || a == 0x69 else { return false }
            return b == 0x6C || b == 0x73 || b == 0x64 || b == 0x7A || b == 0x6E || b == 0x72 || b == 0x74
        case 3:
            let a = f[i], b = f[i + 1], c = f[i + 2]
            return (a == 0x61 || a == 0x65) && c == 0x68 && (b == 0x73 || b == 0x74 || b == 0x64)  // ash ath adh esh
        default: return false
        }
    }

    /// FNV-1a over bytes: the dictionary key for folded and skeleton keys.
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    @inline(__always)
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }
}

/// Latin letters with diacritics and ligatures → plain lower-case ASCII, built once.
enum LatinFolding {
    static let table: [[UInt8]] = {
        var t = [[UInt8]](repeating: [], count: 0x1F00)
        let special: [UInt32: String] = [0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe", 0xD8: "o",
                                         0xF8: "o", 0x110: "d", 0x111: "d", 0x141: "l", 0x142: "l", 0xDE: "th",
                                         0xFE: "th", 0xD0: "d", 0xF0: "d", 0x131: "i", 0x126: "h", 0x127: "h",
                                         0x166: "t", 0x167: "t", 0x138: "k", 0x149: "n", 0x14A: "n", 0x14B: "n",
                                         0x1E9E: "ss", 0x18F: "e", 0x259: "e"]
        for v in UInt32(0xC0)...UInt32(0x1EFF) where v <= 0x24F || v >= 0x1E00 {
            guard let s = Unicode.Scalar(v) else { continue }
            if let sp = special[v] { t[Int(v)] = Array(sp.utf8); continue }
            guard s.properties.isAlphabetic else { continue }
            let f = String(s).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            let bytes = Array(f.utf8).filter { ($0 >= 0x61 && $0 <= 0x7A) }
            t[Int(v)] = bytes
        }
        return t
    }()
}
