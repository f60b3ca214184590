import SitrepCore
import SitrepKnowledge

/// Where: each place of a sentence goes to the event it follows, in the role its preposition gives
/// ("from" origin, "to" destination, "in" location; "out of … in X" origin).
extension ExtractionRun {
    static let moveTypes = EventTypeSet([.transfer, .withdrawal, .offensive])

    enum PlaceRole { case origin, destination, location, apposition, goal }

    static let forKey = WordKey.of("for")

    /// The role a place's governing preposition gives it, walking back over adjectives, place nouns and articles.
    func placeRole(_ p: PlaceSpan, sentenceStart: Int) -> PlaceRole {
        var j = p.tokens.lowerBound - 1
        var steps = 0
        var found: PlaceRole?
        while j >= sentenceStart, steps < 8 {
            if view.tokens[j].kind == .punctuation, view.firstByte(j) == 0x2C {
                // "from Alboukamal, eastern Deir ez-Zor,": a place right before the comma makes this an apposition.
                // (Tested in place: no list of the matching places built.)
                if found == nil, j > sentenceStart, view.places(startingIn: max(0, j - 8)..<j).contains(where: { $0.tokens.upperBound == j }) { return .apposition }
                break
            }
            if isHardBreak(j) { break }
            // "left for Idlib", "heading for the countryside of Aleppo": "for" names a goal, which a move reaches.
            if found == nil, view.keys[j] == ExtractionRun.forKey { return .goal }
            switch view.function[j] {
            case .origin: return .origin
            case .destination: return .destination
            case .location:
                // Keep looking: "out of their last remaining territory in Deraa" is an origin.
                if found == nil { found = .location }
            case .skip, .det, .adverb, .conj: break
            default:
                if found != nil { return found! }
                if view.places(startingIn: max(0, j - 7)..<(j + 1)).contains(where: { $0.tokens.upperBound == j + 1 }) { return .apposition }
                // Words of the noun phrase ("areas close to the control of …") pass; verbs end the walk.
                if steps > 4 { return found ?? .location }
            }
            j -= 1; steps += 1
        }
        return found ?? .location
    }

    func assignPlaces() {
        // The sentence's candidates that own places, one list reused for every sentence.
        var live: [Int] = []
        for (s, sentence) in sentences.enumerated() where !bySentence[s].isEmpty {
            // An event merged into another of its sentence ("the relocation process … to relocate 400 members from X
            // to Y") still owns the places after its words: they go to the event it was merged into.
            live.removeAll(keepingCapacity: true)
            for i in bySentence[s] where !candidates[i].dropped || candidates[i].mergedInto != nil { live.append(i) }
            guard live.contains(where: { !candidates[$0].dropped }) else { continue }
            var lastRole: PlaceRole = .location
            // The sentence's candidates whose destination is only a goal ("for northern Syria"): a destination its
            // sentence names with "to" later ("… given safe passage to Idlib") is the more exact one.
            var goalOnly: [Int] = []
            for p in view.places(startingIn: sentence.tokens) {
                // "Kyiv says …": a place that is the whole source of a report stands for its government, not where it happened.
                let pr = view.range(tokens: p.tokens)
                if view.language.attributions.contains(where: { $0.source.start == pr.start && $0.source.end == pr.end }) { continue }
                // The event whose trigger comes last before the place, else the first after it.
                var owner = live.last { candidates[$0].start < p.tokens.lowerBound } ?? live.first!
                let after = candidates[owner].start < p.tokens.lowerBound
                let frame = candidates[owner].entry.frame
                while let k = candidates[owner].mergedInto, candidates[owner].dropped { owner = k }
                if candidates[owner].dropped { continue }
                var role = placeRole(p, sentenceStart: sentence.tokens.lowerBound)
                if role == .apposition { role = lastRole; lastRole = role; if role != .location { continue } }
                var fromGoal = false
                if role == .goal {
                    // A goal is where a group moving itself or carried went ("buses … left for Idlib"); elsewhere a place.
                    let moving = frame.map { ExtractionRun.selfMoveFrames.contains($0) || $0 == "carry" } ?? false
                    role = moving || candidates[owner].type == .transfer ? .destination : .location
                    fromGoal = role == .destination
                }
                lastRole = role
                // "left Douma", "arrived in Badiya": the verbs of a group moving itself name the start or the end.
                if role == .location, after, frame == "leave" { role = .origin }
                if role == .location, after, frame == "arrive" { role = .destination }
                // In place: no copy of the candidate in and out. (An empty place is told by its case: `== nil` copied
                // the whole place out, and freed it, to compare it.)
                let o = candidates[owner]
                if ExtractionRun.moveTypes.contains(o.type) {
                    switch role {
                    case .origin: if case .none = o.origin { o.origin = p.place }
                    case .destination:
                        if case .none = o.destination {
                            o.destination = p.place
                            if fromGoal { goalOnly.append(owner) }
                        } else if !fromGoal, let k = goalOnly.firstIndex(of: owner) {
                            o.destination = p.place
                            goalOnly.remove(at: k)
                        }
                    default: if case .none = o.location { o.location = p.place }
                    }
                } else if case .none = o.location {
                    o.location = p.place
                }
            }
        }
        // "relocated from the border with Israel to eastern Sweida": a move's location in another country than both
        // of its ends names a neighbour, not where it happened.
        for i in candidates.indices where !candidates[i].dropped && ExtractionRun.moveTypes.contains(candidates[i].type) {
            guard let country = candidates[i].location?.country else { continue }
            let a = candidates[i].origin?.country, b = candidates[i].destination?.country
            if a != nil || b != nil, a != country, b != country { candidates[i].location = nil }
        }
    }
}
