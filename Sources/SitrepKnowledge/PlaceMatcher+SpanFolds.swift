/// The folded key of a span of words, for the scan's lookups: `NameKey.fold` of the text from one word to another.
///
/// Joined from the words' folds (`WordFolds`) when the words are all plain and one space apart (what the fold of
/// that text gives), else folded afresh. Held by the scan in a local variable and passed nowhere: its buffers are
/// reached without the dynamic exclusivity check a variable captured by a nested function costs at every use.
struct SpanFolds {
    let t: UnsafeBufferPointer<UInt8>
    let info: UnsafeMutablePointer<WordFolds.Info>
    /// The first pass's folded words.
    let flat: UnsafePointer<UInt8>
    /// Several words' folds joined with spaces (room for every folded word and a space after each: no join is longer).
    let joined: UnsafeMutablePointer<UInt8>
    /// Folds of spans that cannot be joined from the words (rare): folded into `freshFold`, copied here.
    private var fresh: UnsafeMutableBufferPointer<UInt8>
    private var freshFold: [UInt8] = []

    /// `flatCount` folded bytes in `flat`, `wordCount` words.
    init(t: UnsafeBufferPointer<UInt8>, info: UnsafeMutablePointer<WordFolds.Info>, flat: UnsafePointer<UInt8>,
         flatCount: Int, wordCount: Int) {
        self.t = t; self.info = info; self.flat = flat
        joined = UnsafeMutablePointer<UInt8>.allocate(capacity: flatCount + wordCount + 1)
        fresh = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
    }

    /// Frees the buffers (the views given out become invalid).
    func deallocate() {
        joined.deallocate()
        fresh.deallocate()
    }

    /// `NameKey.fold` of the text from word `first` to word `last`. The view is valid until the next call.
    mutating func view(_ first: Int, _ last: Int, _ words: [PlaceWord]) -> UnsafeBufferPointer<UInt8> {
        // One plain word (the common case): its fold where the first pass wrote it.
        if first == last && info[first].plain {
            return UnsafeBufferPointer(start: flat + Int(info[first].start), count: Int(info[first].length))
        }
        var joinable = true
        for k in first...last where !info[k].plain || (k > first && !(words[k].start == words[k - 1].end + 1 && t[words[k - 1].end] == 0x20)) {
            joinable = false; break
        }
        guard joinable else {
            NameKey.fold(UnsafeBufferPointer(rebasing: t[words[first].start..<words[last].end]), into: &freshFold)
            if freshFold.count > fresh.count {
                fresh.deallocate()
                fresh = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: freshFold.count * 2)
            }
            let c = freshFold.count
            let target = fresh
            freshFold.withUnsafeBufferPointer { src in
                for q in 0..<c { target[q] = src[q] }
            }
            return UnsafeBufferPointer(start: target.baseAddress!, count: c)
        }
        // One word: its fold where the first pass wrote it.
        if first == last { return UnsafeBufferPointer(start: flat + Int(info[first].start), count: Int(info[first].length)) }
        var w = 0
        for k in first...last {
            if k > first { joined[w] = 0x20; w += 1 }
            let a = Int(info[k].start), c = Int(info[k].length)
            (joined + w).update(from: flat + a, count: c)
            w += c
        }
        return UnsafeBufferPointer(start: joined, count: w)
    }
}
