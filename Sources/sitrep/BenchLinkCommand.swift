import ArgumentParser
import Foundation
import SitrepLink

/// `sitrep bench link`: linking time and peak memory on generated mentions, size by size.
struct LinkBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Linking time and peak memory on 10^4, 10^5, 10^6 (and with --max 10^7) generated mentions.",
        discussion: """
        Mentions are invented (SyntheticMentions): events spread over time at a constant density, each told
        by one to five reports with varied dates, counts and places. Each size is linked from scratch
        (features, blocking, pair scoring, clustering); the exponent is log(CPU time ratio)/log(size ratio)
        against the previous size (1.0 = linear). CPU time, not wall time, so a busy machine does not distort it.
        B3-P / B3-R: B-cubed precision and recall against the generator's true events (synthetic data: a check
        that blocking and merging stay sound at scale, not a measure of accuracy on real reports). Peak memory is the process's VmHWM, reset before each size.
        """)

    @Option(help: "Comma-separated sizes (default 10000,100000,1000000).")
    var sizes: String = "10000,100000,1000000"

    @Flag(help: "Also run 10^7 mentions when the machine has the memory for it (about 3 GB).")
    var max = false

    @Option(help: "Generator seed.")
    var seed: UInt64 = 7

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; figures are meaningless. Use `swift build -c release` then `.build/release/sitrep bench link`.")
        #endif
        var list = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
        guard !list.isEmpty else { throw ValidationError("--sizes takes positive numbers separated by commas.") }
        if max {
            let needed = 3 << 30
            if let available = LinkBench.memAvailable(), available < needed {
                Console.error("skipping 10^7: \(available >> 20) MB available, about \(needed >> 20) MB needed")
            } else { list.append(10_000_000) }
        }
        let rules = try LinkRules.standard()
        let wall = { Date().timeIntervalSinceReferenceDate }
        print("mentions   generate s  link cpu s  link wall s  µs/mention(cpu)   events  clusters  B3-P   B3-R   peak MB  exponent(cpu)")
        var previous: (n: Int, t: Double)?
        for n in list {
            LinkBench.resetPeak()
            let f = LinkBenchmark.run(count: n, seed: seed, rules: rules, clock: LinkBench.cpuSeconds, wallClock: wall)
            let peak = LinkBench.peakMB()
            var exponent = "—"
            if let p = previous, p.t > 0 { exponent = String(format: "%.2f", log(f.linkSeconds / p.t) / log(Double(n) / Double(p.n))) }
            print(String(format: "%8d  %11.2f  %10.2f  %11.2f  %15.2f  %7d  %8d  %5.3f  %5.3f  %7.0f  ", f.mentions, f.generateSeconds, f.linkSeconds,
                         f.linkWallSeconds, f.linkSeconds * 1e6 / Double(f.mentions), f.events, f.clusters, f.precision, f.recall, peak) + exponent)
            previous = (n, f.linkSeconds)
        }
    }

    /// CPU time of this process (user + system), in seconds: fair on a shared machine.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Resets the peak resident size (Linux: `echo 5 > /proc/self/clear_refs`); a no-op elsewhere.
    static func resetPeak() {
        if let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") { h.write(Data("5".utf8)); try? h.close() }
    }

    /// Peak resident memory in MB: VmHWM from /proc/self/status, else getrusage's maxrss.
    static func peakMB() -> Double {
        if let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") { return kb / 1024 }
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    static func memAvailable() -> Int? {
        guard let s = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
              let kb = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return nil }
        return kb * 1024
    }
}
