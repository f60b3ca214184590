import ArgumentParser
import Foundation
import SitrepCore
import SitrepExtract

/// `sitrep eval case2021 FILE.tsv`: event-type classification on CASE 2021 Task 2 snippets
/// (`id<TAB>EventSnippet<TAB>SubType`). Each snippet's main event is mapped to an ACLED sub-event type;
/// snippets whose gold type is outside ACLED are right when Sitrep finds no ACLED-typed event.
struct EvalCase2021Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case2021",
        abstract: "Event-type classification on CASE 2021 Task 2 snippets (per-class and weighted P/R/F1).")

    @Argument(help: "A TSV file: id, EventSnippet, SubType (a header line is skipped).")
    var file: String

    @Flag(help: "Print each misclassified snippet (id, gold, predicted, text) to standard error.")
    var errors = false

    /// CASE's label names for the 25 ACLED sub-event types.
    static let caseToACLED: [String: String] = [
        "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
        "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
        "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
        "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
        "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
        "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
        "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
        "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
        "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
        "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
        "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
    ]
    /// Gold types outside ACLED (CASE's unseen types): right when nothing ACLED-typed is found.
    static let none = "NONE"

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "usage.unreadable", input: file, message: "cannot read this file as UTF-8 text")
        }
        let pipeline = try AnalysisPipeline.loadDefault()
        var pairs: [(gold: String, predicted: String)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else {
                throw SitrepError(code: "eval.badRow", input: "\(file):\(lineNumber)", message: "expected id<TAB>EventSnippet<TAB>SubType")
            }
            if lineNumber == 1, fields[2] == "SubType" { continue }
            let goldLabel = fields[2].trimmingCharacters(in: .whitespaces)
            let gold = Self.caseToACLED[goldLabel] ?? Self.none
            let document = Document(text: fields[1])
            let mentions = pipeline.mentions(in: document)
            let main = MainEvent.choose(mentions, lexicon: pipeline.extractor.lexicon)
            let predicted = main.map { $0.type.acled(mode: $0.mode).subEventType } ?? Self.none
            pairs.append((gold, predicted))
            if errors, gold != predicted {
                Console.error("\(fields[0])\t\(goldLabel)\t\(predicted)\t\(main.map { "\($0.type.rawValue)/\($0.mode?.rawValue ?? "-")" } ?? "-")\t\(fields[1].prefix(200))")
            }
        }
        let acledPairs = pairs.filter { $0.gold != Self.none }
        let acledClasses = ACLEDCategory.all.map(\.subEventType)
        let acled = ClassificationScore(pairs: acledPairs, classes: acledClasses)
        let all = ClassificationScore(pairs: pairs, classes: acledClasses + [Self.none])

        print("CASE 2021 Task 2 event types: \(pairs.count) snippets (\(acledPairs.count) with an ACLED gold type), \(file)")
        print(String(format: "%-40@ %5@ %6@ %6@ %6@", "class" as NSString, "n" as NSString, "P" as NSString, "R" as NSString, "F1" as NSString))
        for c in all.classes {
            let s = all.perClass[c]!
            print("\(c.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%5d %6.3f %6.3f %6.3f", s.support, s.precision, s.recall, s.f1))")
        }
        print(String(format: "weighted over the 25 ACLED types (ACLED-gold snippets): P %.3f R %.3f F1 %.3f", acled.weighted.precision, acled.weighted.recall, acled.weighted.f1))
        print(String(format: "weighted over all snippets (26 classes with none):     P %.3f R %.3f F1 %.3f", all.weighted.precision, all.weighted.recall, all.weighted.f1))
        print("confusion of the hard classes (F1 < 0.7; gold → predicted: count):")
        for c in all.classes where all.perClass[c]!.support > 0 && all.perClass[c]!.f1 < 0.7 {
            let row = all.confusion[c, default: [:]].filter { $0.key != c }.sorted { $0.value > $1.value }.prefix(4)
            print("  \(c): " + row.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        print(try Console.json(CaseReport(snippets: pairs.count, acled: acled.report, all: all.report), pretty: false))
    }
}

/// Per-class and support-weighted precision, recall and F1 of single-label predictions.
struct ClassificationScore {
    struct PRF: Encodable { var precision: Double; var recall: Double; var f1: Double; var support: Int }
    let classes: [String]
    var perClass: [String: PRF] = [:]
    var confusion: [String: [String: Int]] = [:]
    var weighted = PRF(precision: 0, recall: 0, f1: 0, support: 0)
    var accuracy = 0.0

    init(pairs: [(gold: String, predicted: String)], classes: [String]) {
        self.classes = classes
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:], support: [String: Int] = [:]
        var right = 0
        for (g, p) in pairs {
            confusion[g, default: [:]][p, default: 0] += 1
            support[g, default: 0] += 1
            if g == p { tp[g, default: 0] += 1; right += 1 } else { fn[g, default: 0] += 1; fp[p, default: 0] += 1 }
        }
        var wp = 0.0, wr = 0.0, wf = 0.0, n = 0
        for c in classes {
            let t = Double(tp[c] ?? 0)
            let p = t + Double(fp[c] ?? 0) > 0 ? t / (t + Double(fp[c] ?? 0)) : 0
            let r = t + Double(fn[c] ?? 0) > 0 ? t / (t + Double(fn[c] ?? 0)) : 0
            let f = p + r > 0 ? 2 * p * r / (p + r) : 0
            let s = support[c] ?? 0
            perClass[c] = PRF(precision: p, recall: r, f1: f, support: s)
            wp += p * Double(s); wr += r * Double(s); wf += f * Double(s); n += s
        }
        if n > 0 { weighted = PRF(precision: wp / Double(n), recall: wr / Double(n), f1: wf / Double(n), support: n) }
        accuracy = pairs.isEmpty ? 0 : Double(right) / Double(pairs.count)
    }

    struct Report: Encodable {
        var weighted: PRF
        var accuracy: Double
        var perClass: [String: PRF]
        enum CodingKeys: String, CodingKey { case weighted, accuracy; case perClass = "per_class" }
    }

    var report: Report { Report(weighted: weighted, accuracy: accuracy, perClass: perClass) }
}

struct CaseReport: Encodable {
    var snippets: Int
    var acled: ClassificationScore.Report
    var all: ClassificationScore.Report
}
