import ArgumentParser
import Foundation
import SitrepCore
import SitrepKnowledge

/// `sitrep eval conll FILE`: entity-level precision, recall and F1 of the named-entity recogniser.
struct EvalConllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conll",
        abstract: "Named-entity recognition on a CoNLL-2003 file: precision, recall, F1 for PER, ORG, LOC (MISC ignored).")

    @Argument(help: "A CoNLL-2003 file (word POS chunk tag; IOB1 or IOB2; -DOCSTART- between documents).")
    var file: String

    @Option(help: "A weight file written by `sitrep train ner` (default: the shipped weights).")
    var weights: String?

    func run() throws {
        do {
            let corpus = try EntityCorpus(contentsOf: URL(fileURLWithPath: file))
            let loadStart = Date()
            let recogniser = try weights.map { try EntityRecognizer.load(from: URL(fileURLWithPath: $0)) }
                ?? EntityRecognizer.loadDefault()
            let loadSeconds = Date().timeIntervalSince(loadStart)
            let start = Date()
            var evaluation = EntityEvaluation()
            for doc in corpus.documents {
                let predicted = recogniser.tag(document: doc.sentences.map { $0.map(\.word) })
                for (s, sentence) in doc.sentences.enumerated() {
                    evaluation.add(gold: sentence.map(\.tag), predicted: predicted[s])
                }
            }
            let seconds = Date().timeIntervalSince(start)
            func fmt(_ x: Double) -> String { String(format: "%.4f", x) }
            var json: [String] = ["\"file\":\"\(file.jsonEscapedForEval)\"", "\"tokens\":\(corpus.tokenCount)",
                                  "\"sentences\":\(corpus.sentenceCount)"]
            for label in EntityEvaluation.labels {
                let c = evaluation.byLabel[label] ?? .init()
                print("\(label.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) P \(fmt(c.precision))  R \(fmt(c.recall))  F1 \(fmt(c.f1))  (gold \(c.gold), predicted \(c.predicted))")
                json.append("\"\(label.rawValue)\":{\"precision\":\(fmt(c.precision)),\"recall\":\(fmt(c.recall)),\"f1\":\(fmt(c.f1)),\"gold\":\(c.gold),\"predicted\":\(c.predicted)}")
            }
            let o = evaluation.overall
            print("overall  P \(fmt(o.precision))  R \(fmt(o.recall))  F1 \(fmt(o.f1))  (gold \(o.gold), predicted \(o.predicted))")
            print("load \(String(format: "%.3f", loadSeconds)) s, tagging \(String(format: "%.2f", seconds)) s (\(Int(Double(corpus.tokenCount) / max(seconds, 1e-9))) tokens/s)")
            json.append("\"overall\":{\"precision\":\(fmt(o.precision)),\"recall\":\(fmt(o.recall)),\"f1\":\(fmt(o.f1)),\"gold\":\(o.gold),\"predicted\":\(o.predicted)}")
            json.append("\"load_seconds\":\(String(format: "%.3f", loadSeconds))")
            json.append("\"tag_seconds\":\(String(format: "%.3f", seconds))")
            print("{" + json.joined(separator: ",") + "}")
        } catch let error as SitrepError {
            Console.error(error.description)
            throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.rejected)
        }
    }
}

extension String {
    /// Minimal JSON string escaping for the figures line.
    var jsonEscapedForEval: String {
        var out = ""
        for ch in unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
