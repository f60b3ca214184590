import ArgumentParser
import Foundation
import SitrepCore
import SitrepLanguage

/// `sitrep bench language`: language-layer throughput (tokens, sentences, quantities and whatever else
/// `LanguageAnalyzer.annotate` runs) over a generated English corpus, one core.
struct LanguageBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Language-layer throughput (MB/s on one core) over a generated corpus of invented English articles.")

    @Option(help: "Corpus size in megabytes (at least 50 for the reported figure).")
    var megabytes: Int = 64

    @Option(help: "Timed passes over the corpus; the best is reported.")
    var passes: Int = 2

    @Flag(help: "Also print a digest of every annotation (tokens, sentences, quantities, times, attributions, certainty): equal digests mean identical output.")
    var digest = false

    func validate() throws {
        if megabytes <= 0 || passes <= 0 { throw ValidationError("--megabytes and --passes must be positive.") }
    }

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; figures are meaningless. Use `swift build -c release && .build/release/sitrep bench language`.")
        #endif
        let analyzer = try LanguageAnalyzer()
        let articles = LanguageCorpus.articles(totalBytes: megabytes << 20, seed: 7)
        let bytes = articles.reduce(0) { $0 + $1.utf8.count }
        let mb = Double(bytes) / 1_048_576
        let published = CalendarDay(year: 2018, month: 10, day: 1).map { DayInterval(day: $0) }
        print("corpus     \(articles.count) generated articles, \(String(format: "%.1f", mb)) MB")

        // Stage by stage, to see where the time goes.
        var tokens = 0, sentences = 0, quantities = 0
        var tTok = Double.infinity, tSplit = Double.infinity, tQuant = Double.infinity, tAll = Double.infinity
        var cAll = Double.infinity
        for _ in 0..<passes {
            var tokenLists: [[Token]] = []
            tokenLists.reserveCapacity(articles.count)
            var t0 = Date()
            for a in articles { tokenLists.append(Tokenizer.tokenize(a)) }
            tTok = min(tTok, Date().timeIntervalSince(t0))
            var sentenceLists: [[Sentence]] = []
            sentenceLists.reserveCapacity(articles.count)
            t0 = Date()
            for (a, t) in zip(articles, tokenLists) { sentenceLists.append(analyzer.splitter.split(a, tokens: t)) }
            tSplit = min(tSplit, Date().timeIntervalSince(t0))
            t0 = Date()
            var q = 0
            for i in articles.indices { q += analyzer.quantities.find(in: articles[i], tokens: tokenLists[i], sentences: sentenceLists[i]).count }
            tQuant = min(tQuant, Date().timeIntervalSince(t0))

            t0 = Date()
            let c0 = threadCPUSeconds()
            tokens = 0; sentences = 0; quantities = 0
            for a in articles {
                let result = analyzer.annotate(a, published: published)
                tokens += result.tokens.count
                sentences += result.sentences.count
                quantities += result.quantities.count
            }
            tAll = min(tAll, Date().timeIntervalSince(t0))
            cAll = min(cAll, threadCPUSeconds() - c0)
        }
        func line(_ name: String, _ s: Double) -> String {
            "\(name.padding(toLength: 11, withPad: " ", startingAt: 0))\(String(format: "%6.2f", s)) s  \(String(format: "%7.1f", mb / s)) MB/s"
        }
        print(line("tokens", tTok))
        print(line("sentences", tSplit))
        print(line("quantities", tQuant))
        print(line("annotate", tAll) + " wall clock, one thread (all of LanguageAnalyzer.annotate, best of \(passes))")
        print(line("annotate", cAll) + " per core: the same pass in thread CPU time (what the figure is on a shared machine)")
        print("found      \(tokens) tokens, \(sentences) sentences, \(quantities) quantities (one per \(bytes / max(1, quantities)) bytes)")
        if digest {
            // Untimed: FNV-1a over the printed form of every annotation of every article.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for a in articles {
                let r = analyzer.annotate(a, published: published)
                let text = "\(r.tokens)|\(r.sentences)|\(r.quantities)|\(r.times)|\(r.attributions)|\(r.certainties)"
                for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
            print("digest     \(String(h, radix: 16)) (all annotations of all articles)")
        }
    }
}

/// Invented English news text for the language benchmark: datelines, headlines, quotations, abbreviations,
/// Arabic-style names, Unicode punctuation and every kind of quantity. Deterministic for a seed.
enum LanguageCorpus {
    static func articles(totalBytes: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        var out: [String] = []
        var total = 0
        while total < totalBytes {
            let a = article(&rng)
            total += a.utf8.count
            out.append(a)
        }
        return out
    }

    static let places = ["al-Qasr", "Tell Abyad", "Deir al-Nour", "ez-Zahra", "Marj as-Sultan", "Kafr Nabudah", "Ain al-Hilweh",
                         "Qaryat ash-Shams", "Jisr ad-Dahab", "Umm el-Jimal", "Baʿth Valley", "Wadi Seraj"]
    static let cities = ["AMMAN", "BEIRUT", "ERBIL", "DAMASCUS", "BAGHDAD", "CAIRO", "ANKARA", "DEIR EZ-ZOR"]
    static let groups = ["the Northern Shield Brigade", "government forces", "the Crescent Front", "Russian-backed militias",
                         "the Valley Guard", "tribal fighters", "the Free Highland Army", "Iranian-linked units"]
    static let people = ["Samir Haddad", "Leila Nasser", "Omar al-Khalil", "Rania Youssef", "Karim Abd al-Aziz", "Dana Mourad"]
    static let titles = ["Mr.", "Dr.", "Gen.", "Col.", "Mr", "Sheikh"]
    static let sources = ["the Levant Observatory for Human Rights", "local sources", "activists", "a spokesman for the Valley Guard",
                          "the U.S.-led coalition", "state media"]
    static let nouns = ["fighters", "civilians", "hostages", "families", "prisoners", "soldiers", "buses", "women and children",
                        "militants", "commanders", "detainees", "people"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let words = ["four hundred", "thirty-six", "a hundred", "three million", "a dozen", "twenty", "seventy-five", "two thousand"]
    static let vague = ["several", "a few", "dozens of", "scores of", "hundreds of", "thousands of", "a number of", "a handful of"]
    static let hedges = ["some", "about", "around", "roughly", "nearly", "more than", "over", "at least", "as many as", "up to"]

    static func article(_ r: inout SplitMix64) -> String {
        var lines: [String] = []
        let place = r.pick(places), group = r.pick(groups)
        lines.append("\(group.prefix(1).uppercased())\(group.dropFirst()) push into \(place) as talks stall")
        lines.append("")
        lines.append("Published \(r.pick(months)) \(r.int(1, 28))th, \(r.int(2012, 2020)) - \(r.int(10, 23)):\(r.int(10, 59)) GMT")
        lines.append("")
        for k in 0..<r.int(6, 12) {
            var sentences: [String] = []
            if k == 0 { sentences.append("\(r.pick(cities)), \(r.pick(["Syria", "Kurdistan Region", "Jordan"])) –") }
            for _ in 0..<r.int(3, 6) { sentences.append(sentence(&r)) }
            lines.append(sentences.joined(separator: " "))
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Prose without numbers, as most news sentences are: attribution, hedges, negation, quotations.
    static func prose(_ r: inout SplitMix64) -> String {
        switch r.int(0, 5) {
        case 0: return "\(r.pick(sources).prefix(1).uppercased())\(r.pick(sources).dropFirst()) said the deal might also be an attempt by \(r.pick(groups)) to put an end to an imminent attack on \(r.pick(places))."
        case 1: return "“The situation is very bad for them,” said \(r.pick(titles)) \(r.pick(people)), a journalist in \(r.pick(places)), who asked not to be named."
        case 2: return "None of the prisoners had been relocated to \(r.pick(places)), \(r.pick(people)) told the Jordanian Al-Ghad newspaper, and the regime will use them to negotiate an exchange."
        case 3: return "Negotiations between tribal leaders and \(r.pick(groups)) stalled this week, and the group warned it would harm the detainees if its conditions were ignored."
        case 4: return "According to \(r.pick(sources)), the convoy reportedly crossed the desert at night and arrived in \(r.pick(places)) before dawn, where the group still operates."
        default: return "It is unclear whether \(r.pick(groups)) will withdraw their heavy weapons from \(r.pick(places)), which has been under siege since the beginning of the war."
        }
    }

    static func sentence(_ r: inout SplitMix64) -> String {
        if r.int(0, 2) > 0 { return prose(&r) }
        let n = r.int(2, 950)
        switch r.int(0, 11) {
        case 0: return "\(r.pick(hedges).capitalized) \(n) \(r.pick(["ISIS", "Islamic State", "Druze", "foreign"])) \(r.pick(nouns)) were moved from \(r.pick(places)) to \(r.pick(places)) on \(r.pick(weekdays)), according to \(r.pick(sources))."
        case 1: return "“We counted \(r.pick(words)) \(r.pick(nouns)) on the road,” \(r.pick(titles)) \(r.pick(people)) told AFP, adding that the convoy left at \(r.int(1, 12)) a.m."
        case 2: return "The group controlled a roughly \(n) sq. km pocket until \(r.pick(months)) \(r.int(1, 30))st, when it withdrew \(r.int(2, 40)) km to the east."
        case 3: return "\(r.pick(vague).capitalized) \(r.pick(nouns)) were killed in \(r.int(2011, 2019)), and \(r.int(10, 90))% of the \(r.int(100, 900)),000-strong population fled the \(r.int(5, 30)) kilometer buffer zone."
        case 4: return "Resolution \(r.int(2000, 2500)) calls for a ceasefire of \(r.pick(["ten", "thirty", "two"])) days; the U.S. and U.K. backed it in Oct. \(r.int(2013, 2019))."
        case 5: return "Between \(n) and \(n + r.int(5, 50)) \(r.pick(nouns)) have been held by \(r.pick(groups)) since \(r.pick(["last week", "early February", "late 2017", "the night of September 23"]))."
        case 6: return "\(r.pick(people)), aged \(r.int(18, 70)), said the ransom had reached $\(r.int(1, 9)).\(r.int(1, 9)) million and that a \(r.int(8, 17))-year-old boy was among the \(r.pick(nouns))."
        case 7: return "It is home to some \(r.pick(["three", "two", "four"])) million people, \(r.pick(sources)) said in a statement on Channel \(r.int(1, 12))."
        case 8: return "Over a hundred \(r.pick(nouns)) and \(r.pick(["thirty", "forty-two", "sixty"])) \(r.pick(nouns)) surrendered at \(r.int(1, 12)) o’clock near \(r.pick(places)) — the \(r.pick(["first", "second", "third"])) such deal this year."
        case 9: return "The talks, set for \(r.int(1, 28)) \(r.pick(months)) \(r.int(2018, 2020)), were postponed; \(r.pick(sources)) described them as ‘hopeless’."
        case 10: return "Why did \(r.pick(groups)) agree? Nobody knows… The \(r.int(1, 5))th Division reportedly moved \(n) tanks, \(r.int(3, 40)) trucks and \(r.int(1, 1_000)),\(r.int(100, 999)) rounds."
        default: return "Fighting between \(r.pick(groups)) and \(r.pick(groups)) has displaced \(r.int(1, 99)),\(r.int(100, 999)) people from \(r.pick(places)) and \(r.pick(places)) in the past \(r.pick(["two weeks", "ten days", "three months"]))."
        }
    }
}

/// CPU time consumed by the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

