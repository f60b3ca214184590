import Testing
@testable import SitrepKnowledge

/// `NameKeyTable.set` writes through buffer pointers and `grow` moves keys without re-inserting them; the table
/// still holds what a plain dictionary holds after the same writes (overwrites, key 0, many growths).
@Suite struct NameKeyTableFastPathTests {
    @Test(arguments: [(1, 6), (4, 10), (64, 10), (16, 21)])
    func tableEqualsDictionaryAfterGrowing(_ capacity: Int, _ filterBits: Int) {
        var t = NameKeyTable(capacity: capacity, filterBits: filterBits)
        var plain: [UInt64: Int32] = [:]
        let names = ["tamarisk", "yamur", "ostrava", "varn", "qal at", "deir tamar", "harran", "al sarim", "nusrat", "kraal"]
        var keys: [UInt64] = [0, 1]
        for (i, n) in names.enumerated() {
            for k in 0..<40 { keys.append(NameKey.hash(Array("\(n) \(k) \(i)".utf8))) }
        }
        for (i, k) in keys.enumerated() {
            t.set(k, Int32(i))
            plain[k == 0 ? 1 : k] = Int32(i)
            if i % 7 == 0 { t.set(k, Int32(-i)); plain[k == 0 ? 1 : k] = Int32(-i) }  // an overwrite
        }
        #expect(t.count == plain.count)
        for k in keys { #expect(t[k] == plain[k == 0 ? 1 : k]) }
        for n in names { #expect(t[NameKey.hash(Array(n.utf8))] == nil) }
    }

    /// `exchange` is a lookup (`?? -1`) then a `set`, in one probe: same old values, same table after.
    @Test(arguments: [(1, 6), (4, 10), (64, 21)])
    func exchangeEqualsLookupThenSet(_ capacity: Int, _ filterBits: Int) {
        var a = NameKeyTable(capacity: capacity, filterBits: filterBits)
        var b = NameKeyTable(capacity: capacity, filterBits: filterBits)
        var keys: [UInt64] = [0, 1, 0]
        for k in 0..<300 { keys.append(NameKey.hash(Array("kfar \(k % 120) tal".utf8))) }
        for (i, k) in keys.enumerated() {
            let expected = b[k] ?? -1
            b.set(k, Int32(i))
            #expect(a.exchange(k, Int32(i)) == expected)
        }
        #expect(a.count == b.count)
        #expect(a.keys == b.keys)
        #expect(a.values == b.values)
    }
}
