import SitrepCore

/// One frame's rows of `frames.tsv` for a trigger entry, resolved when the lexicon loads: the type (and mode) an
/// argument of each class gives, and the classes that make the trigger no event ("withdrew $300"). Read by the
/// class's case number: no hash of the frame's name and then of the class per candidate, as the lexicon's
/// dictionaries (which stay the data's record) take.
struct FrameRules: Sendable {
    private var rules: [(EventType, EventMode?)?]
    private var vetoes: UInt32 = 0

    /// The rules of `frames[frame]` and `frameVetoes[frame]`.
    init(_ rules: [ArgumentClass: (EventType, EventMode?)]?, vetoes: Set<ArgumentClass>?) {
        self.rules = [(EventType, EventMode?)?](repeating: nil, count: ArgumentClass.allCases.count)
        for (cls, rule) in rules ?? [:] { self.rules[FrameRules.index(cls)] = rule }
        for cls in vetoes ?? [] { self.vetoes |= 1 << UInt32(FrameRules.index(cls)) }
    }

    /// A class's place among the cases (a case-only enum is stored as its case number).
    @inline(__always) static func index(_ cls: ArgumentClass) -> Int { withUnsafeBytes(of: cls) { Int($0[0]) } }

    /// The type and mode an argument of this class gives (`frames[frame][cls]`).
    subscript(_ cls: ArgumentClass) -> (EventType, EventMode?)? { rules[FrameRules.index(cls)] }

    /// Whether an argument of this class makes the trigger no event (`frameVetoes[frame].contains(cls)`).
    func vetoes(_ cls: ArgumentClass) -> Bool { vetoes & (1 << UInt32(FrameRules.index(cls))) != 0 }
}
