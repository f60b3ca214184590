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

    @Flag(name: [.long, .customLong("misses")], help: "List every missed, spurious, wrongly bounded or wrongly valued expression (also --misses).")
    var showErrors = false

    @Flag(name: .long, help: "With --misses, also list the expressions found with the right extent and value (kind `correct`).")
    var correct = false

    @Option(name: .long, help: "Also time the finder over this many megabytes made of the files' texts repeated (use a release build).")
    var throughputMegabytes: Int = 0

    func run() throws {
        let files = try Self.tmlFiles(path)
        guard !files.isEmpty else {
            throw SitrepError(code: "usage.noInput", input: path, message: "no .tml files found")
        }
        var finder = try TimeExpressionFinder()
        finder.joinsRanges = false
        var score = TimeMLScore()
        var texts: [(String, DayInterval?)] = []
        for file in files {
            let name = (file as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SitrepError(code: "eval.unreadable", input: file, message: "cannot read the file")
            }
            let doc = try TimeMLDocument(xml: String(decoding: data, as: UTF8.self), name: file)
            let found = finder.find(in: doc.text, published: doc.creationDay.map { DayInterval(day: $0) })
            texts.append((doc.text, doc.creationDay.map { DayInterval(day: $0) }))
            let misses = score.add(gold: doc.timexes, system: found)
            if showErrors {
                for m in misses where correct || m.kind != .correct {
                    let g = m.gold.map { "\(doc.text.slice($0.range) ?? "?") [\($0.type) \($0.value)]" } ?? "-"
                    let s = m.system.map { "\(doc.text.slice($0.range) ?? "?") [\($0.type.rawValue) \($0.value)]" } ?? "-"
                    print("\(m.kind.rawValue)\t\(name)\tgold: \(g)\tsystem: \(s)")
                }
            }
        }
        var result: [String: Any] = ["files": files.count]
        if throughputMegabytes > 0 {
            let (wall, cpu) = Self.throughput(finder, texts, megabytes: throughputMegabytes)
            print(String(format: "throughput %.1f MB per CPU-second, %.1f MB/s wall clock (one thread, %d MB of these texts repeated, time expressions found and resolved)",
                         cpu, wall, throughputMegabytes))
            result["throughput_mb_per_cpu_s"] = (cpu * 10).rounded() / 10
        }
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

    /// MB/s of `find` over the texts repeated up to `megabytes`.
    /// Wall-clock and CPU-time MB/s (CPU time of this thread: fair on a shared, loaded machine).
    static func throughput(_ finder: TimeExpressionFinder, _ texts: [(String, DayInterval?)], megabytes: Int) -> (Double, Double) {
        guard !texts.isEmpty else { return (0, 0) }
        var docs: [(String, DayInterval?)] = []
        var bytes = 0
        while bytes < megabytes << 20 {
            for t in texts {
                // Make each copy a distinct native string, as documents read from files would be.
                docs.append((String(decoding: Array(t.0.utf8), as: UTF8.self), t.1))
                bytes += t.0.utf8.count
            }
        }
        func cpuNow() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = Date()
        let cpuStart = cpuNow()
        var found = 0
        for (text, published) in docs { found += finder.find(in: text, published: published).count }
        let cpu = cpuNow() - cpuStart
        let seconds = Date().timeIntervalSince(start)
        let mb = Double(bytes) / 1_048_576
        return found >= 0 ? (mb / seconds, mb / cpu) : (0, 0)
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
