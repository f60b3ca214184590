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

    @Option(name: .customLong("cross-validate"),
            help: "Also score the learned sub-event classifier by K-fold cross-validation on this file (each snippet predicted by a model not trained on it).")
    var crossValidate: Int?

    @Option(help: "Score a trained sub-event weight file (from `sitrep train subevents`) instead of the rules alone.")
    var model: String?

    @Option(help: "Score only the even or the odd data rows (1-based position after the header), e.g. develop on even, check on odd.")
    var split: Split?

    @OptionGroup var training: SubEventLearnerOptions

    @Flag(help: "Combine: the classifier may only change the sub-event type within the rules' ACLED event type (Battles, Explosions/Remote violence, Protests …); otherwise the rules' answer stands.")
    var sameFamilyOnly = false

    @Flag(help: "Add the snippet's words, stems and word pairs to the classifier's features (off: they lower the CV score on CASE dev).")
    var wordFeatures = false

    @Flag(help: "Add each cue class paired with the rules' answer to the classifier's features.")
    var cuePairs = false

    @Flag(help: "Add each mention's ACLED label and certainty and the first mention's label to the classifier's features.")
    var mentionDetail = false

    @Flag(help: "Add the cue classes of the main event's sentence as separate features.")
    var sentenceCues = false

    @Option(help: "Leave out the features with these prefixes, comma-separated (ablation: w=,b=,s=,cue=,mcue=,rule= …).")
    var dropFeatures: String?

    func validate() throws {
        if let k = crossValidate, k < 2 { throw ValidationError("--cross-validate needs at least 2 folds.") }
    }

    /// A half of the file by data-row position (the ids of CASE dev are all odd, so the position decides).
    enum Split: String, ExpressibleByArgument, CaseIterable {
        case even, odd
        func contains(row: Int) -> Bool { (row % 2 == 0) == (self == .even) }
    }

    /// The ACLED event type of each sub-event type (nil for `none`).
    static let family: [String: String] = Dictionary(uniqueKeysWithValues: ACLEDCategory.all.map { ($0.subEventType, $0.eventType) })

    /// The learned answer when it stays in the rules' ACLED event type, else the rules' answer.
    static func withinFamily(rules: String, learned: String) -> String {
        guard let a = family[rules], let b = family[learned], a == b else { return rules }
        return learned
    }

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

    /// One labelled snippet with the rules' answer and the classifier's features.
    struct Snippet {
        /// The 1-based position among the file's data rows.
        var row: Int
        var id: String
        var goldLabel: String
        var gold: String
        var text: String
        var rules: String
        var rulesDetail: String
        /// Every mention found: type/mode, certainty and trigger text (for `--errors`).
        var mentionsDetail: String
        var features: [String]
    }

    func run() throws {
        var snippets = try Self.read(file: file, withFeatures: crossValidate != nil || model != nil,
                                      groups: .init(words: wordFeatures, cuePairs: cuePairs, mentionDetail: mentionDetail, sentenceCues: sentenceCues))
        if let split { snippets = snippets.filter { split.contains(row: $0.row) } }
        if let dropFeatures {
            let prefixes = dropFeatures.split(separator: ",").map(String.init)
            for i in snippets.indices { snippets[i].features.removeAll { f in prefixes.contains { f.hasPrefix($0) } } }
        }
        let rulePairs = snippets.map { (gold: $0.gold, predicted: $0.rules) }
        let rules = Scores(rulePairs)

        var learned: (pairs: [(gold: String, predicted: String)], label: String)?
        var modelNote: String?
        if let k = crossValidate {
            let examples = snippets.map { SubEventClassifier.Example(features: $0.features, label: $0.gold, prior: $0.rules) }
            let predicted = CrossValidation.predictions(examples, k: k, seed: training.seed, options: training.options)
            let combined = zip(snippets, predicted).map { s, p in sameFamilyOnly ? Self.withinFamily(rules: s.rules, learned: p) : p }
            learned = (zip(snippets, combined).map { ($0.gold, $1) }, "\(k)-fold CV\(sameFamilyOnly ? " (family kept)" : "")")
        } else if let model {
            let classifier = try loadModel(model)
            let base = URL(fileURLWithPath: file).lastPathComponent
            // A model trained on one half of this file may score the other half.
            let otherHalf = split.map { trained(classifier.trainedOn, on: $0 == .even ? .odd : .even) } ?? false
            if let trained = classifier.trainedOn, trained.hasPrefix(base), !otherHalf {
                modelNote = "the model was trained on this file (\(trained)): these are TRAINING-set figures, not a test score; use --cross-validate"
                Console.error("warning: " + modelNote!)
            }
            learned = (snippets.map { s in
                let p = classifier.predict(s.features, prior: s.rules) ?? Self.none
                return (s.gold, sameFamilyOnly ? Self.withinFamily(rules: s.rules, learned: p) : p)
            }, "model\(sameFamilyOnly ? " (family kept)" : "")")
        }

        if errors {
            for (i, s) in snippets.enumerated() {
                let predicted = learned?.pairs[i].predicted ?? s.rules
                if s.gold != predicted || s.gold != s.rules {
                    Console.error("\(s.id)\t\(s.goldLabel)\trules: \(s.rules)\t\(learned == nil ? "" : "\(learned!.label): \(predicted)\t")\(s.rulesDetail)\t[\(s.mentionsDetail)]\t\(s.text.prefix(200))")
                }
            }
        }

        let acledCount = snippets.filter { $0.gold != Self.none }.count
        print("CASE 2021 Task 2 event types: \(snippets.count) snippets (\(acledCount) with an ACLED gold type), \(file)\(split.map { " (\($0.rawValue) rows)" } ?? "")")
        if let learned {
            let l = Scores(learned.pairs)
            print(String(format: "%-40@ %5@ %9@ %9@", "class" as NSString, "n" as NSString, "rules F1" as NSString, (learned.label + " F1") as NSString))
            for c in l.all.classes {
                let s = l.all.perClass[c]!
                print("\(c.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%5d %9.3f %9.3f", s.support, rules.all.perClass[c]!.f1, s.f1))")
            }
            print(String(format: "weighted F1 over the 25 ACLED types: rules %.3f, %@ %.3f", rules.acled.weighted.f1, learned.label as NSString, l.acled.weighted.f1))
            print(String(format: "weighted F1 over all snippets (with none): rules %.3f, %@ %.3f", rules.all.weighted.f1, learned.label as NSString, l.all.weighted.f1))
            let confusions = Self.hardestConfusions(l.all, limit: 12)
            print("hardest confusions (\(learned.label); gold → predicted: count):")
            for c in confusions { print("  \(c.gold) → \(c.predicted): \(c.count)") }
            let report = LearnedReport(snippets: snippets.count, rules: rules.report,
                                       crossValidated: crossValidate == nil ? nil : l.report,
                                       model: crossValidate == nil ? l.report : nil,
                                       folds: crossValidate, seed: training.seed, epochs: training.epochs, learner: training.learner.rawValue,
                                       priorWeight: training.priorWeight, l2: training.l2,
                                       hardestConfusions: confusions, note: modelNote ?? (crossValidate == nil ? nil :
                                        "every snippet is predicted by a model trained on the other folds; the rules' own output (a feature) was grown from this file's errors, so both figures lean optimistic"))
            print(try Console.json(report, pretty: false))
        } else {
            rules.printTable(file: file)
            print(try Console.json(CaseReport(snippets: snippets.count, acled: rules.acled.report, all: rules.all.report), pretty: false))
        }
    }

    /// Reads the TSV and runs the pipeline on each snippet once.
    static func read(file: String, withFeatures needFeatures: Bool, groups: SubEventFeatures.Groups = .init()) throws -> [Snippet] {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "usage.unreadable", input: file, message: "cannot read this file as UTF-8 text")
        }
        let pipeline = try AnalysisPipeline.loadDefault()
        let features = SubEventFeatures(lexicon: pipeline.extractor.lexicon, cues: try SubEventCueTable.load(), groups: groups)
        var out: [Snippet] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }  // our own sets carry `#` comments
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else {
                throw SitrepError(code: "eval.badRow", input: "\(file):\(lineNumber)", message: "expected id<TAB>EventSnippet<TAB>SubType")
            }
            if out.isEmpty, fields[2] == "SubType" { continue }
            let goldLabel = fields[2].trimmingCharacters(in: .whitespaces)
            let document = Document(text: fields[1])
            let mentions = pipeline.mentions(in: document)
            let main = MainEvent.choose(mentions, lexicon: pipeline.extractor.lexicon)
            out.append(Snippet(row: out.count + 1, id: fields[0], goldLabel: goldLabel, gold: Self.caseToACLED[goldLabel] ?? Self.none, text: fields[1],
                               rules: SubEventFeatures.ruleLabel(main: main, in: mentions, none: Self.none),
                               rulesDetail: main.map { "\($0.type.rawValue)/\($0.mode?.rawValue ?? "-")" } ?? "-",
                               mentionsDetail: mentions.map { m in
                                   "\(m.type.rawValue)/\(m.mode?.rawValue ?? "-") \(m.certainty.rawValue)\(m.background ? " background" : "") '\(SubEventFeatures.slice(fields[1], m.trigger))'"
                               }.joined(separator: "; "),
                               features: needFeatures ? features.features(text: fields[1], mentions: mentions) : []))
        }
        return out
    }

    /// Whether a weight file's `trainedOn` note names only the `half` rows of a file.
    func trained(_ note: String?, on half: Split) -> Bool {
        note?.contains("(\(half.rawValue) rows,") ?? false
    }

    func loadModel(_ path: String) throws -> SubEventClassifier {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "usage.unreadable", input: path, message: "cannot read this weight file as UTF-8 text")
        }
        return try SubEventClassifier(text: text, file: path)
    }

    /// The largest off-diagonal cells of the confusion table.
    static func hardestConfusions(_ score: ClassificationScore, limit: Int) -> [Confusion] {
        var cells: [Confusion] = []
        for (g, row) in score.confusion { for (p, n) in row where p != g { cells.append(Confusion(gold: g, predicted: p, count: n)) } }
        cells.sort { ($0.count, $1.gold, $1.predicted) > ($1.count, $0.gold, $0.predicted) }
        return Array(cells.prefix(limit))
    }

    /// Scores over the 25 ACLED types (ACLED-gold snippets) and over all snippets (with none).
    struct Scores {
        let acled: ClassificationScore
        let all: ClassificationScore

        init(_ pairs: [(gold: String, predicted: String)]) {
            let classes = ACLEDCategory.all.map(\.subEventType)
            acled = ClassificationScore(pairs: pairs.filter { $0.gold != EvalCase2021Command.none }, classes: classes)
            all = ClassificationScore(pairs: pairs, classes: classes + [EvalCase2021Command.none])
        }

        var report: CaseReport.Pair { CaseReport.Pair(acled: acled.report, all: all.report) }

        func printTable(file: String) {
            print(String(format: "%-40@ %5@ %6@ %6@ %6@", "class" as NSString, "n" as NSString, "P" as NSString, "R" as NSString, "F1" as NSString))
            for c in all.classes {
                let s = all.perClass[c]!
                print("\(c.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%5d %6.3f %6.3f %6.3f", s.support, s.precision, s.recall, s.f1))")
            }
            print(String(format: "weighted over the 25 ACLED types (ACLED-gold snippets): P %.3f R %.3f F1 %.3f", acled.weighted.precision, acled.weighted.recall, acled.weighted.f1))
            print(String(format: "weighted over all snippets (26 classes with none):     P %.3f R %.3f F1 %.3f", all.weighted.precision, all.weighted.recall, all.weighted.f1))
            print("confusion of the hard classes (F1 < 0.7; gold → predicted: count):")
            for c in all.classes where all.perClass[c]!.support > 0 && all.perClass[c]!.f1 < 0.7 {
                let row = all.confusion[c, default: [:]].filter { $0.key != c }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4)
                print("  \(c): " + row.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
    }

    struct Confusion: Encodable { var gold: String; var predicted: String; var count: Int }

    struct LearnedReport: Encodable {
        var snippets: Int
        var rules: CaseReport.Pair
        var crossValidated: CaseReport.Pair?
        var model: CaseReport.Pair?
        var folds: Int?
        var seed: UInt64
        var epochs: Int
        var learner: String
        var priorWeight: Float
        var l2: Float
        var hardestConfusions: [Confusion]
        var note: String?
        enum CodingKeys: String, CodingKey {
            case snippets, rules, model, folds, seed, epochs, learner, l2, note
            case priorWeight = "prior_weight"
            case crossValidated = "cross_validated"
            case hardestConfusions = "hardest_confusions"
        }
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
    /// Scores over the 25 ACLED types and over all snippets.
    struct Pair: Encodable { var acled: ClassificationScore.Report; var all: ClassificationScore.Report }
    var snippets: Int
    var acled: ClassificationScore.Report
    var all: ClassificationScore.Report
}

