import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

/// Checks negation, modality and reporting cues against the TimeML event annotations of TempEval-3
/// (../shared/data/eval/tempeval3/TBAQ-cleaned: EVENT class REPORTING, MAKEINSTANCE polarity, modality,
/// tense). The data was annotated for other purposes; it measures cue detection on the event word,
/// not our scopes. Files where most events are marked NEG (25 AQUAINT files, a conversion fault) are left
/// out of the negation figures. Skipped when the folder is absent. TimeBank is the split the rules were looked at
/// against; AQUAINT is reported without tuning.
struct CertaintyTimeMLTests {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/eval/tempeval3/TBAQ-cleaned").standardizedFileURL

    struct Event {
        var range: TextRange
        var reporting: Bool
        var negated = false
        var modal = false
    }

    /// The plain text between <TEXT> and </TEXT> and its events, with UTF-8 offsets into that text.
    static func parse(_ xml: String) -> (String, [Event]) {
        let b = Array(xml.utf8)
        func find(_ s: String, from: Int) -> Int? {
            let p = Array(s.utf8)
            guard p.count <= b.count else { return nil }
            var i = from
            while i + p.count <= b.count {
                if b[i] == p[0], Array(b[i..<(i + p.count)]) == p { return i }
                i += 1
            }
            return nil
        }
        func attr(_ tag: String, _ name: String) -> String? {
            guard let r = tag.range(of: name + "=\"") else { return nil }
            let rest = tag[r.upperBound...]
            guard let e = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<e])
        }
        guard let t0 = find("<TEXT>", from: 0), let t1 = find("</TEXT>", from: t0) else { return ("", []) }
        var out: [UInt8] = []
        var events: [String: Event] = [:]
        var order: [String] = []
        var open: (id: String, start: Int, reporting: Bool)?
        var i = t0 + 6
        while i < t1 {
            if b[i] == UInt8(ascii: "<"), let e = find(">", from: i) {
                let tag = String(decoding: b[i...e], as: UTF8.self)
                if tag.hasPrefix("<EVENT"), let id = attr(tag, "eid") {
                    open = (id, out.count, attr(tag, "class") == "REPORTING")
                } else if tag.hasPrefix("</EVENT"), let o = open {
                    events[o.id] = Event(range: TextRange(o.start, out.count), reporting: o.reporting)
                    order.append(o.id)
                    open = nil
                }
                i = e + 1
                continue
            }
            if b[i] == UInt8(ascii: "&") {
                let ents: [(String, UInt8)] = [("&amp;", 38), ("&lt;", 60), ("&gt;", 62), ("&quot;", 34), ("&apos;", 39)]
                if let (s, c) = ents.first(where: { i + $0.0.utf8.count <= b.count && Array(b[i..<(i + $0.0.utf8.count)]) == Array($0.0.utf8) }) {
                    out.append(c); i += s.utf8.count; continue
                }
            }
            out.append(b[i]); i += 1
        }
        var j = t1
        while let m = find("<MAKEINSTANCE", from: j), let e = find(">", from: m) {
            let tag = String(decoding: b[m...e], as: UTF8.self)
            if let id = attr(tag, "eventID"), var ev = events[id] {
                if attr(tag, "polarity") == "NEG" { ev.negated = true }
                let modality = attr(tag, "modality")?.lowercased() ?? ""
                if ["would", "could", "may", "might", "will", "shall"].contains(modality) || attr(tag, "tense") == "FUTURE" {
                    ev.modal = true
                }
                events[id] = ev
            }
            j = e + 1
        }
        return (String(decoding: out, as: UTF8.self), order.compactMap { events[$0] })
    }

    struct Score {
        var tp = 0, fp = 0, fn = 0
        mutating func add(gold: Bool, predicted: Bool) {
            if gold && predicted { tp += 1 } else if predicted { fp += 1 } else if gold { fn += 1 }
        }
        var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var text: String { String(format: "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", precision, recall, f1, tp, fp, fn) }
    }

    static func evaluate(_ split: String) -> (negation: Score, modal: Score, reporting: Score)? {
        let dir = root.appendingPathComponent(split)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return nil }
        var neg = Score(), modal = Score(), rep = Score()
        for name in names.sorted() where name.hasSuffix(".tml") {
            guard let xml = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
            let (text, events) = parse(xml)
            let a = Analysed(text)
            // Some AQUAINT files mark most of their events NEG (a conversion fault): their polarity is not used.
            let polarityUsable = events.filter(\.negated).count * 2 < events.count
            for e in events {
                let c = a.marks.certainty(at: e.range)
                if polarityUsable { neg.add(gold: e.negated, predicted: c == .denied) }
                modal.add(gold: e.modal, predicted: c == .possible || c == .planned || c == .conditional)
                rep.add(gold: e.reporting, predicted: a.attributions.contains { $0.cue.overlaps(e.range) })
            }
        }
        return (neg, modal, rep)
    }

    static var present: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("TimeBank").path) }

    @Test func parsesEventsWithTheirOffsets() {
        let xml = "<TimeML><TEXT>Rebels did not <EVENT eid=\"e1\" class=\"OCCURRENCE\">leave</EVENT> &amp; <EVENT eid=\"e2\" class=\"REPORTING\">said</EVENT> so.</TEXT>"
            + "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\" polarity=\"NEG\" /></TimeML>"
        let (text, events) = Self.parse(xml)
        #expect(text == "Rebels did not leave & said so.")
        #expect(events.count == 2)
        #expect(text.slice(events[0].range) == "leave" && events[0].negated && !events[0].reporting)
        #expect(text.slice(events[1].range) == "said" && events[1].reporting && !events[1].negated)
    }

    @Test(.enabled(if: present, "../shared/data/eval/tempeval3 is absent"), arguments: ["TimeBank", "AQUAINT"])
    func negationModalityAndReportingCuesOnTimeML(_ split: String) throws {
        let s = try #require(Self.evaluate(split))
        print("TimeML \(split) negation (denied at a NEG event): \(s.negation.text)")
        print("TimeML \(split) modality (possible/planned/conditional at a would/could/may/might/will/FUTURE event): \(s.modal.text)")
        print("TimeML \(split) reporting (an attribution cue on a REPORTING event): \(s.reporting.text)")
        // Floors well under the measured figures: they fail when detection breaks, not when it drifts.
        #expect(s.negation.f1 > 0.5)
        #expect(s.modal.recall > 0.5)
        #expect(s.reporting.precision > 0.8)
        #expect(s.reporting.recall > 0.6)
    }
}
