import Foundation
import Testing
import SitrepCore
@testable import SitrepExtract

/// The learned ACLED sub-event classifier: it learns a table of sentences, keeps the rules' answer
/// where it has learned nothing, round-trips through its weight file, and its loaders name file and line.
struct SubEventClassifierTests {
    static let features = SubEventFeatures(lexicon: Shared.extractor.lexicon, cues: try! SubEventCueTable.load())

    static func example(_ text: String, _ label: String, withPrior: Bool = false) -> SubEventClassifier.Example {
        let mentions = extract(text)
        let main = MainEvent.choose(mentions, lexicon: Shared.extractor.lexicon)
        return .init(features: features.features(text: text, mentions: mentions), label: label,
                     prior: withPrior ? SubEventFeatures.ruleLabel(main: main, none: "NONE") : nil)
    }

    /// Sentences written for this test, three kinds of event told with different words.
    static let toyTable: [(String, String)] = [
        ("Riot police fired tear gas at the marchers in the square.", "Excessive force against protesters"),
        ("Officers used water cannon against students outside the ministry.", "Excessive force against protesters"),
        ("Police swung batons and fired rubber bullets at the crowd of demonstrators.", "Excessive force against protesters"),
        ("Hundreds of teachers marched peacefully with placards and banners.", "Peaceful protest"),
        ("Farmers held a peaceful sit-in, chanting slogans outside parliament.", "Peaceful protest"),
        ("Nurses rallied in the capital, carrying banners about unpaid wages.", "Peaceful protest"),
        ("Students formed a human chain along the river, holding banners.", "Peaceful protest"),
        ("Engineers cleared landmines from the fields and defused two bombs.", "Disrupted weapons use"),
        ("Soldiers found a cache of rifles and ammunition in a farmhouse.", "Disrupted weapons use"),
        ("The bomb squad dismantled an explosive device near the bridge.", "Disrupted weapons use"),
    ]

    @Test func learnsAToyTableAndGeneralisesThroughCueClasses() throws {
        let examples = Self.toyTable.map { Self.example($0.0, $0.1) }
        let model = SubEventClassifier.train(examples, options: .init(epochs: 40, priorWeight: 0))
        for ex in examples { #expect(model.predict(ex.features) == ex.label) }
        // New wording; only the cue classes (dispersal, peaceful, weapons) are shared with the table.
        let unseen: [(String, String)] = [
            ("Gendarmes sprayed pepper spray to disperse the gathering.", "Excessive force against protesters"),
            ("Mothers marched in a silent candlelight vigil.", "Peaceful protest"),
            ("Troops confiscated explosives and recovered an arsenal of grenades.", "Disrupted weapons use"),
        ]
        for (text, label) in unseen { #expect(model.predict(Self.example(text, label).features) == label, "\(text)") }
    }

    @Test func keepsTheRulesAnswerWhereItLearnedNothing() {
        let examples = (0..<6).map { i in
            SubEventClassifier.Example(features: ["bias", "cue=x\(i % 2)"], label: i % 2 == 0 ? "A" : "B", prior: i % 2 == 0 ? "A" : "B")
        }
        let model = SubEventClassifier.train(examples, options: .init(priorWeight: 6))
        #expect(model.predict(["bias", "never-seen"], prior: "B") == "B")
        #expect(model.predict(["bias", "never-seen"], prior: "A") == "A")
    }

    @Test func learnsToOverruleTheRulesWhenTheyAreConsistentlyWrong() {
        // The rules say A whenever cue=y stands in the text, but the gold label is then C.
        var examples: [SubEventClassifier.Example] = []
        for i in 0..<20 {
            examples.append(.init(features: ["bias", "rule=A", "cue=y", "n\(i)"], label: "C", prior: "A"))
            examples.append(.init(features: ["bias", "rule=A", "n\(i)"], label: "A", prior: "A"))
        }
        let model = SubEventClassifier.train(examples, options: .init(priorWeight: 2))
        #expect(model.predict(["bias", "rule=A", "cue=y"], prior: "A") == "C")
        #expect(model.predict(["bias", "rule=A"], prior: "A") == "A")
    }

    @Test(arguments: [SubEventClassifier.Options.Learner.logistic, .perceptron])
    func weightFileRoundTrips(_ learner: SubEventClassifier.Options.Learner) throws {
        let examples = Self.toyTable.map { Self.example($0.0, $0.1) }
        let model = SubEventClassifier.train(examples, options: .init(learner: learner, priorWeight: 3), trainedOn: "toy.tsv (9 snippets)")
        let text = model.encoded()
        let back = try SubEventClassifier(text: text, file: "toy-weights.tsv")
        #expect(back.trainedOn == "toy.tsv (9 snippets)")
        #expect(back.priorWeight == 3)
        #expect(back.classes == model.classes)
        for ex in examples { #expect(back.predict(ex.features) == model.predict(ex.features)) }
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(rows == rows.sorted())
    }

    @Test(arguments: [
        ("# trained on: x\nw=a\tA\t0.5\nw=b\tB\tlots\n", 3, "not a number"),
        ("w=a\tA\t0.5\nw=a\tA\t0.25\n", 2, "duplicate"),
        ("# header\n\nw=a\tA\n", 3, "expected 3"),
        ("w=a\tA\t0.5\tspare\n", 1, "feature<TAB>class<TAB>weight"),
    ])
    func badWeightFileNamesFileAndLine(_ text: String, _ line: Int, _ why: String) {
        do {
            _ = try SubEventClassifier(text: text, file: "weights.tsv")
            Issue.record("a bad weight file was accepted")
        } catch let error as SitrepError {
            #expect(error.input == "weights.tsv:\(line)")
            #expect(error.message.contains(why), "\(error.message)")
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test(arguments: [
        ("tear gas\tdispersal\nwater cannon\tDispersal\n", 2),
        ("# comment\nTear Gas\tdispersal\n", 2),
        ("tear gas\tdispersal\ntear gas\tdispersal\n", 2),
        ("tear gas\n", 1),
    ])
    func badCueFileNamesFileAndLine(_ text: String, _ line: Int) {
        #expect(throws: SitrepError.self) { try SubEventCueTable(text: text, file: "cues.tsv") }
        do { _ = try SubEventCueTable(text: text, file: "cues.tsv") } catch let error as SitrepError {
            #expect(error.input == "cues.tsv:\(line)")
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test func shippedCueFileLoadsSortedWithoutDuplicates() throws {
        let table = try SubEventCueTable.load()
        #expect(table.classes.contains("dispersal") && table.classes.contains("chemical") && table.classes.contains("disaster"))
        let url = try ResourceTable.locate(SubEventCueTable.file, directory: nil)
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        #expect(rows == rows.sorted())
        #expect(Set(rows).count == rows.count)
        #expect(text.precomposedStringWithCanonicalMapping == text)
    }

    @Test func featuresCarryTheRulesAnswerAndCueClasses() {
        let text = "Police fired tear gas and water cannon to disperse hundreds of protesters in the capital."
        let f = Self.features.features(text: text, mentions: extract(text))
        #expect(f.contains("cue=dispersal"))
        #expect(f.contains("cue=police"))
        #expect(f.contains { $0.hasPrefix("rule=") })
        #expect(f.contains("main=protest"))
        #expect(!f.contains { $0.hasPrefix("w=") }, "word features are off by default")
        var withWords = Self.features
        withWords.groups.words = true
        let g = withWords.features(text: text, mentions: extract(text))
        #expect(g.contains("w=protesters") && g.contains("s=protester") && g.contains("b=tear_gas"))
    }

    @Test(arguments: ["protesters", "kidnapped", "clashes", "bombed", "militias", "injuries"])
    func stemCutsRegularEndings(_ word: String) {
        let expected = ["protesters": "protester", "kidnapped": "kidnap", "clashes": "clash", "bombed": "bomb",
                        "militias": "militia", "injuries": "injury"]
        #expect(SubEventFeatures.stem(word) == expected[word])
    }
}

/// Cross-validation folds: each example in exactly one fold, folds balanced per label, the same for a seed.
struct CrossValidationTests {
    static let labels: [String] = (0..<103).map { ["A", "B", "C", "D"][($0 * 7 + $0 / 5) % 4] } + ["rare"]

    @Test func foldsCoverEveryExampleOnceAndAreBalancedPerLabel() {
        let k = 10
        let folds = CrossValidation.folds(labels: Self.labels, k: k, seed: 2021)
        #expect(folds.count == Self.labels.count)
        #expect(folds.allSatisfy { (0..<k).contains($0) })
        let sizes = (0..<k).map { f in folds.filter { $0 == f }.count }
        #expect(sizes.max()! - sizes.min()! <= 1)
        for label in Set(Self.labels) {
            let perFold = (0..<k).map { f in Self.labels.indices.filter { Self.labels[$0] == label && folds[$0] == f }.count }
            #expect(perFold.max()! - perFold.min()! <= 1, "\(label) is spread unevenly: \(perFold)")
        }
    }

    @Test func foldsAreDeterministicForASeed() {
        let a = CrossValidation.folds(labels: Self.labels, k: 5, seed: 7)
        #expect(a == CrossValidation.folds(labels: Self.labels, k: 5, seed: 7))
        #expect(a != CrossValidation.folds(labels: Self.labels, k: 5, seed: 8))
    }

    @Test func noExampleIsPredictedByAModelTrainedOnIt() {
        // Each example has only a unique id feature and a label that nothing else predicts: a model that
        // saw the example would recall its label; a model that did not can only guess.
        var rng = SplitMix64(seed: 5)
        let examples = (0..<80).map { i in
            SubEventClassifier.Example(features: ["id\(i)"], label: rng.chance(0.5) ? "A" : "B")
        }
        let inSample = SubEventClassifier.train(examples, options: .init(epochs: 40))
        let recalled = examples.filter { inSample.predict($0.features) == $0.label }.count
        #expect(recalled == examples.count)
        let outOfFold = CrossValidation.predictions(examples, k: 10, seed: 1, options: .init(epochs: 40))
        let right = zip(examples, outOfFold).filter { $0.label == $1 }.count
        #expect(right < 60, "out-of-fold predictions recall \(right) of 80 labels: a fold leaked into its own model")
        #expect(CrossValidation.predictions(examples, k: 10, seed: 1, options: .init(epochs: 40)) == outOfFold)
    }
}
