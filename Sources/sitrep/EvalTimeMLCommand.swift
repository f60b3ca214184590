import ArgumentParser
import Foundation
import SitrepCore
import SitrepLanguage

/// `sitrep eval timeml DIR`: time expressions against TimeML annotations (TempEval-3 format).
struct EvalTimeMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeml",
        abstract: "Score time expressions on TimeML files (extent P/R/F1 strict and relaxed, value accuracy and value F1).")

    @Argument(help: "A folder of .tml files (searched recursively) or one .tml file.")
    var path: String

    @Flag(name: .long, help: "List every missed, spurious, wrongly bounded or wrongly valued expression.")
    var showErrors = false

    func run() throws {
        let files = try Self.tmlFiles(path)
        guard !files.isEmpty else {
            throw SitrepError(code: "usage.noInput", input: path, message: "no .tml files found")
        }
        var finder = try TimeExpressionFinder()
        finder.joinsRanges = false
        var score = TimeMLScore()
        for file in files {
            let name = (file as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SitrepError(code: "eval.unreadable", input: file, message: "cannot read the file")
            }
            let doc = try TimeMLDocument(xml: String(decoding: data, as: UTF8.self), name: file)
            let found = finder.find(in: doc.text, published: doc.creationDay.map { DayInterval(day: $0) })
            let misses = score.add(gold: doc.timexes, system: found)
            if showErrors {
                for m in misses {
                    let g = m.gold.map { "\(doc.text.slice($0.range) ?? "?") [\($0.type) \($0.value)]" } ?? "-"
                    let s = m.system.map { "\(doc.text.slice($0.range) ?? "?") [\($0.type.rawValue) \($0.value)]" } ?? "-"
                    print("\(m.kind.rawValue)\t\(name)\tgold: \(g)\tsystem: \(s)")
                }
            }
        }
        var result: [String: Any] = ["files": files.count]
        for g in TimeMLScore.groups {
            let f = score.counts[g]!.figures
            print(String(format: "%-9@ gold %4.0f system %4.0f  strict P %.3f R %.3f F1 %.3f  relaxed P %.3f R %.3f F1 %.3f  value acc %.3f  value F1 %.3f",
                         g as NSString, f["gold"]!, f["system"]!, f["strict_p"]!, f["strict_r"]!, f["strict_f1"]!,
                         f["relaxed_p"]!, f["relaxed_r"]!, f["relaxed_f1"]!, f["value_accuracy"]!, f["value_f1"]!))
            result[g] = f
        }
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    static func tmlFiles(_ path: String) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw SitrepError(code: "usage.noInput", input: path, message: "no such file or folder")
        }
        guard isDir.boolValue else { return [path] }
        let e = FileManager.default.enumerator(atPath: path)
        var out: [String] = []
        while let rel = e?.nextObject() as? String { if rel.hasSuffix(".tml") { out.append((path as NSString).appendingPathComponent(rel)) } }
        return out.sorted()
    }
}
