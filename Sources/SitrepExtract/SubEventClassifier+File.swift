import Foundation
import SitrepCore

extension SubEventClassifier {
    /// The shipped weight file's name in the module's `Resources/`.
    public static let file = "subevent-weights.tsv"

    /// The weight file's text: a header naming the training data, then one row per non-zero
    /// (feature, class) weight, sorted by feature then class, weights rounded to 4 decimals.
    public func encoded(header: [String] = []) -> String {
        var lines = ["# Sitrep ACLED sub-event classifier: linear weights per (feature, class) (sitrep train subevents).",
                     "# trained on: \(trainedOn ?? "unknown")",
                     "# prior weight: \(priorWeight)"]
        lines += header.map { "# " + $0 }
        lines.append("# feature<TAB>class<TAB>weight")
        var rows: [String] = []
        for (feature, row) in weights {
            for (c, w) in row.enumerated() {
                let r = (w * 10_000).rounded() / 10_000
                if r != 0 { rows.append("\(feature)\t\(classes[c])\t\(r)") }
            }
        }
        rows.sort()
        return (lines + rows).joined(separator: "\n") + "\n"
    }

    /// Reads a weight file's text; `file` names it in errors (`data.badRow` with file and line).
    public init(text: String, file: String) throws {
        var trainedOn: String?
        var priorWeight: Float = 0
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard line.hasPrefix("#") else { if !line.isEmpty { break } else { continue } }
            if line.hasPrefix("# trained on: ") { trainedOn = String(line.dropFirst("# trained on: ".count)) }
            if line.hasPrefix("# prior weight: ") {
                guard let w = Float(line.dropFirst("# prior weight: ".count)), w.isFinite else {
                    throw SitrepError(code: "data.badRow", input: "\(file):\(number)", message: "the prior weight is not a number")
                }
                priorWeight = w
            }
        }
        var entries: [(feature: String, cls: String, weight: Float)] = []
        var classSet = Set<String>()
        var seen = Set<String>()
        for row in try ResourceTable.parse(text, file: file, minFields: 3) {
            guard row.fields.count == 3 else { throw row.error("expected feature<TAB>class<TAB>weight, found \(row.fields.count) fields") }
            guard !row.field(1).isEmpty else { throw row.error("the class is empty") }
            guard let w = Float(row.field(2)), w.isFinite else { throw row.error("weight '\(row.field(2))' is not a number") }
            guard seen.insert(row.field(0) + "\t" + row.field(1)).inserted else {
                throw row.error("duplicate weight for '\(row.field(0))' and class '\(row.field(1))'")
            }
            entries.append((row.field(0), row.field(1), w))
            classSet.insert(row.field(1))
        }
        let classes = classSet.sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var weights: [String: [Float]] = [:]
        for e in entries {
            weights[e.feature, default: [Float](repeating: 0, count: classes.count)][index[e.cls]!] = e.weight
        }
        self.init(classes: classes, weights: weights, priorWeight: priorWeight, trainedOn: trainedOn)
    }

    /// Loads the weight file from `directory` when it has one, else the shipped one; `nil` when neither exists.
    public static func load(directory: URL? = nil) throws -> SubEventClassifier? {
        guard let url = try? ResourceTable.locate(file, directory: directory) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read this weight file as UTF-8")
        }
        return try SubEventClassifier(text: text, file: file)
    }
}
