import ArgumentParser
import Foundation
import SitrepCore
import SitrepKnowledge

/// `sitrep eval actors FILE...`: what the actor matcher and the recogniser find in text files, with
/// dictionary load time and matching throughput per core (thread CPU time; use a release build).
struct EvalActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "Actors, affiliations and names found in text files; load time and throughput (one JSON object last).")

    @Argument(help: "Plain-text files.")
    var files: [String]

    @Option(help: "Process the text this many times for the throughput figure.")
    var `repeat`: Int = 1

    @Flag(help: "Print only the figures, not what was found.")
    var quiet = false

    @Flag(help: "Skip the recogniser (throughput of actor matching alone).")
    var actorsOnly = false

    func validate() throws {
        if `repeat` <= 0 { throw ValidationError("--repeat must be positive.") }
    }

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; throughput figures are meaningless.")
        #endif
        do {
            let t0 = Date()
            let matcher = try ActorMatcher.loadDefault()
            let t1 = Date()
            let recogniser = try EntityRecognizer.loadDefault()
            let t2 = Date()
            var texts: [(String, String)] = []
            for f in files {
                guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                    throw SitrepError(code: "usage.unreadableInput", input: f, message: "cannot read this file as UTF-8 text")
                }
                texts.append((f, text))
            }
            let bytes = texts.reduce(0) { $0 + $1.1.utf8.count } * `repeat`
            var actorSeconds = 0.0, nerSeconds = 0.0
            var mentionCount = 0, entityCount = 0
            for round in 0..<`repeat` {
                for (file, text) in texts {
                    let a = CPUClock.now()
                    let tokens = EntityWordSplitter.split(text)
                    let found = matcher.analyze(text, tokens: tokens)
                    let b = CPUClock.now()
                    let entities = actorsOnly ? found.mentions.compactMap(\.entityMention)
                        : recogniser.entities(in: text, tokens: tokens, actors: found.mentions, places: [],
                                              affiliations: found.affiliations)
                    let c = CPUClock.now()
                    actorSeconds += b - a; nerSeconds += c - b
                    mentionCount += found.mentions.count; entityCount += entities.count
                    guard round == 0, !quiet else { continue }
                    print("== \(file)")
                    for m in found.mentions {
                        print("actor   \(text.slice(m.range) ?? "?") → \(m.id ?? "-") (\(m.name), \(m.kind.rawValue))")
                    }
                    for a in found.affiliations {
                        print("affil   \(a.personName) [\(a.personID ?? "-")] \(a.role) of \(a.organisationName) [\(a.organisationID ?? "-")]")
                    }
                    for e in entities where !e.fromDictionary {
                        print("entity  \(text.slice(e.range) ?? "?") \(e.label.rawValue)")
                    }
                }
            }
            let mb = Double(bytes) / 1_048_576
            func f3(_ x: Double) -> String { String(format: "%.3f", x) }
            print("{\"actor_load_seconds\":\(f3(t1.timeIntervalSince(t0))),\"ner_load_seconds\":\(f3(t2.timeIntervalSince(t1))),\"megabytes\":\(f3(mb)),\"actor_mb_per_second\":\(String(format: "%.1f", mb / max(actorSeconds, 1e-9))),\"ner_mb_per_second\":\(actorsOnly ? "null" : String(format: "%.1f", mb / max(nerSeconds, 1e-9))),\"actor_mentions\":\(mentionCount),\"entities\":\(entityCount)}")
        } catch let error as SitrepError {
            Console.error(error.description)
            throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.rejected)
        }
    }
}

/// The calling thread's CPU time in seconds: throughput per core, whatever else the machine runs.
enum CPUClock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
