/// Summed weights of groups of the recogniser's context and history features, kept per document so a
/// recurring neighbourhood costs array reads instead of hashing and probing each feature:
///
/// - the shape window (`sh(i±1)`, `sh(i±2)` and the shape trigram: templates 18, 19, 20, 25, 26), one
///   vector per distinct window of five shapes;
/// - the shape-and-history features (templates 43, 44, 46 and the dictionary mark with the shape, 32),
///   one vector per shape, two previous tags, label memory and mark.
///
/// (Per word and position, for the neighbour-word features 14–17, was tried through a hash table: too few
/// recur to pay for it; per word type, `NERTypeScoreRows.neighbour`, it is an array read. Per pair of
/// word types, for the features a word shares with a neighbour, was tried too: too few pairs recur.) The tag-only features (40, 41, 45) and the marks-only ones (31, 33) take few values and are summed
/// once per weight table (`PerceptronWeightTable.historyBlock`, `markBlock`). Scores are wrapping `Int32`
/// sums, so summing in groups gives exactly the sums of feature-by-feature scoring.
struct NERBlockCache {
    typealias Scores = SIMD16<Int32>

    /// Shape values (`Atoms.shortShape` or a sentence boundary) → id − 1; ids 1 and 2 are the boundaries.
    private var shapeIds = PerceptronFeatureTable(capacity: 32)
    private var windows = PerceptronFeatureTable(capacity: 128)
    private var windowScores: [Scores] = []
    private var shapeTags = PerceptronFeatureTable(capacity: 128)
    private var shapeTagScores: [Scores] = []
    static let startID: Int32 = 1, endID: Int32 = 2
    /// Shape ids above this do not fit a packed window key: such windows are scored feature by feature.
    static let maxShapeID: Int32 = 4095

    init() {
        _ = shapeIds.insert(NERFeatures.sentenceStart); _ = shapeIds.insert(NERFeatures.sentenceEnd)
        // Room for the blocks a news article makes (a few dozen of each): one allocation each instead of
        // growing from empty, a copy at every doubling.
        windowScores.reserveCapacity(Self.reserved); shapeTagScores.reserveCapacity(Self.reserved)
    }

    /// Blocks of each kind kept without growing (more only grow the arrays).
    static let reserved = 64

    /// The blocks hold only summed weights of shape values and tags (shape ids stand for the values
    /// through `shapeIds`), the same in every document: a cache kept between documents
    /// (`NERWorkspace`) starts again only once it holds more than `limit` blocks of a kind or shape
    /// ids past `maxShapeID` (called between documents: a document's types keep their shape ids).
    mutating func trim(limit: Int) {
        if shapeIds.count > Int(Self.maxShapeID) || windows.count > limit || shapeTags.count > limit { self = NERBlockCache() }
    }

    /// Shape ids, windows and shape-and-history blocks kept (for tests).
    var counts: (shapes: Int, windows: Int, shapeTags: Int) { (shapeIds.count, windows.count, shapeTags.count) }

    /// A packed key made a table key: a bijection (odd multiply, then rotate) so distinct packed keys
    /// stay distinct; nil for the two values the table cannot store apart (0 and 1), never met in practice.
    @inline(__always)
    private static func tableKey(_ packed: UInt64) -> UInt64? {
        let m = packed &* 0x9E37_79B9_7F4A_7C15
        let k = m >> 32 | m << 32
        return k > 1 ? k : nil
    }

    /// The shape id of a token whose shape value is `value`, kept in `known` (0: not looked up yet).
    @inline(__always)
    mutating func shapeID(_ known: UnsafeMutablePointer<Int32>, value: UInt64) -> Int32 {
        let id = known.pointee
        if id != 0 { return id }
        // A look-up first: most shapes are known, and a look-up does not write to the table.
        var row = shapeIds.row(value)
        if row < 0 { row = shapeIds.insert(value).row }
        known.pointee = row + 1
        return row + 1
    }

    /// The summed weights of the shape window (templates 18, 19, 20, 25, 26) of shape ids `ids` (positions
    /// −2…+2) and shape values `values`, added to `sum`; false when an id is too large to pack (score
    /// the features instead).
    @inline(__always)
    mutating func addWindow(ids: (Int32, Int32, Int32, Int32, Int32), values: (UInt64, UInt64, UInt64, UInt64, UInt64),
                            weights: PerceptronWeightTable, to sum: inout Scores) -> Bool {
        guard ids.0 <= Self.maxShapeID, ids.1 <= Self.maxShapeID, ids.2 <= Self.maxShapeID,
              ids.3 <= Self.maxShapeID, ids.4 <= Self.maxShapeID else { return false }
        let packed = UInt64(ids.0) | UInt64(ids.1) << 12 | UInt64(ids.2) << 24 | UInt64(ids.3) << 36 | UInt64(ids.4) << 48
        guard let key = Self.tableKey(packed) else { return false }
        let known = windows.row(key)
        if known >= 0 { sum &+= windowScores.withUnsafeBufferPointer { $0[Int(known)] }; return true }
        sum &+= newWindow(key, values: values, weights: weights)
        return true
    }

    /// The summed weights of a window not seen before (key `key`), kept for the next time: out of line,
    /// so the look-up above stays small enough to inline.
    @inline(never)
    private mutating func newWindow(_ key: UInt64, values: (UInt64, UInt64, UInt64, UInt64, UInt64),
                                    weights: PerceptronWeightTable) -> Scores {
        _ = windows.insert(key)
        var f: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        Self.windowFeatures(values, into: &f)
        let s = withUnsafePointer(to: &f) { $0.withMemoryRebound(to: UInt64.self, capacity: 5) { weights.sum($0, count: 5) } }
        windowScores.append(s)
        return s
    }

    /// The shape-window features of `NERFeatures.contextFeatures` for shapes at −2…+2.
    @inline(__always)
    static func windowFeatures(_ v: (UInt64, UInt64, UInt64, UInt64, UInt64), into f: inout (UInt64, UInt64, UInt64, UInt64, UInt64)) {
        f.0 = NERFeatures.feature(18, v.1)
        f.1 = NERFeatures.feature(19, v.3)
        f.2 = NERFeatures.feature(20, v.1, v.2, v.3)
        f.3 = NERFeatures.feature(25, v.0)
        f.4 = NERFeatures.feature(26, v.4)
    }

    /// The summed weights of templates 43, 44, 46 (and 32 when `markIndex` is 0…2) for the token's
    /// shape id and value, the two previous tags and the label memory, added to `sum`; false when the id
    /// is too large.
    @inline(__always)
    mutating func addShapeTags(shapeID: Int32, shortShape: UInt64, previous t1: Int, beforeThat t2: Int, memory: UInt64,
                               markIndex: Int, markValue: UInt64, weights: PerceptronWeightTable, to sum: inout Scores) -> Bool {
        guard shapeID <= Self.maxShapeID else { return false }
        let packed = UInt64(shapeID) | UInt64(t1) << 12 | UInt64(t2) << 17 | memory << 22 | UInt64(markIndex) << 26
        guard let key = Self.tableKey(packed) else { return false }
        let known = shapeTags.row(key)
        if known >= 0 { sum &+= shapeTagScores.withUnsafeBufferPointer { $0[Int(known)] }; return true }
        sum &+= newShapeTags(key, shortShape: shortShape, previous: t1, beforeThat: t2, memory: memory,
                             markIndex: markIndex, markValue: markValue, weights: weights)
        return true
    }

    /// The summed weights of a shape-and-history group not seen before (key `key`), kept for the next time.
    @inline(never)
    private mutating func newShapeTags(_ key: UInt64, shortShape: UInt64, previous t1: Int, beforeThat t2: Int, memory: UInt64,
                                       markIndex: Int, markValue: UInt64, weights: PerceptronWeightTable) -> Scores {
        _ = shapeTags.insert(key)
        let shape = NERFeatures.feature(5, shortShape)
        var f: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        f.0 = NERFeatures.feature(43, UInt64(t1), shape)
        f.1 = NERFeatures.feature(44, UInt64(t2), UInt64(t1), shape)
        f.2 = NERFeatures.feature(46, memory, shape)
        f.3 = NERFeatures.feature(32, markValue, shortShape)
        let n = markIndex < 3 ? 4 : 3
        let s = withUnsafePointer(to: &f) { $0.withMemoryRebound(to: UInt64.self, capacity: 4) { weights.sum($0, count: n) } }
        shapeTagScores.append(s)
        return s
    }
}
