import SitrepCore
/// Invented news articles for benchmarks and tests: headlines, navigation lines, date lines,
/// bylines, paragraphs (some repeated), captions with photo credits, share and related-content
/// furniture, copyright lines. Deterministic for a seed; every name and event is made up.
public enum SyntheticCorpus {
    /// Articles whose UTF-8 sizes add up to at least `totalBytes`.
    public static func articles(totalBytes: Int, seed: UInt64) -> [String] {
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

    static let towns = ["Qaryat al-Nour", "Tell Baruda", "Marj Hamra", "Kafr Sulaiman", "Ain Zarqa", "Wadi Seraj", "Jisr Adnan", "Birket Hassan", "Umm Tawil", "Sahl Rima"]
    static let regions = ["the Eastern Plains", "Harun province", "the northern steppe", "the Zarqa valley", "the border district of Mahal"]
    static let groups = ["the Northern Shield Brigade", "the Crescent Front", "government forces", "the Valley Guard", "tribal fighters", "the Free Highland Army"]
    static let sources = ["a local monitoring group", "the regional health office", "two residents", "a spokesman for the Valley Guard", "the Levant Observer network"]
    static let verbs = ["shelled", "took control of", "withdrew from", "besieged", "evacuated", "raided"]
    static let people = ["Samir Haddad", "Leila Nasser", "Omar Khalil", "Rania Youssef", "Karim Aziz", "Dana Mourad"]
    static let outlets = ["The Levant Ledger", "Harun Daily", "Steppe News Agency", "Valley Courier"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func article(_ r: inout SplitMix64) -> String {
        let town = r.pick(towns), region = r.pick(regions), group = r.pick(groups), other = r.pick(groups)
        let month = r.int(1, 12), day = r.int(1, 28), year = r.int(2015, 2020)
        var lines: [String] = []
        if r.chance(0.5) { lines.append(r.pick(["World", "Middle East", "Home", "Politics"])) ; lines.append("") }
        if r.chance(0.3) { lines.append("\(r.int(2, 9)) min read"); lines.append("") }
        lines.append("\(group.prefix(1).uppercased())\(group.dropFirst()) \(r.pick(verbs)) \(town) as fighting spreads across \(region)")
        lines.append("")
        if r.chance(0.7) {
            lines.append("Published \(months[month - 1]) \(day), \(year) - \(r.int(10, 23)):\(r.int(10, 59)) GMT")
        } else {
            lines.append("\(day) \(months[month - 1]) \(year)")
        }
        lines.append("")
        lines.append("By \(r.pick(people))")
        lines.append("")
        var paragraphs: [String] = []
        for _ in 0..<r.int(6, 14) {
            var sentences: [String] = []
            for _ in 0..<r.int(2, 5) {
                let n = r.int(3, 900)
                switch r.int(0, 5) {
                case 0: sentences.append("At least \(n) people were displaced from \(r.pick(towns)) on \(r.pick(weekdays)), according to \(r.pick(sources)).")
                case 1: sentences.append("\(r.pick(people)) said \(r.pick(groups)) had \(r.pick(verbs)) positions near \(r.pick(towns)) since \(day) \(months[month - 1]).")
                case 2: sentences.append("“We heard the convoys before dawn,” a resident of \(r.pick(towns)) told reporters, asking not to be named.")
                case 3: sentences.append("Fighting between \(group) and \(other) has killed some \(n) people in \(region) this year, \(r.pick(sources)) said.")
                case 4: sentences.append("Talks over the release of \(r.int(5, 60)) detainees were expected to resume in \(r.pick(towns)) next week.")
                default: sentences.append("The road between \(r.pick(towns)) and \(r.pick(towns)) remained closed to aid trucks — the third closure since \(months[r.int(0, 11)]).")
                }
            }
            paragraphs.append(sentences.joined(separator: " "))
        }
        for (k, p) in paragraphs.enumerated() {
            lines.append(p)
            lines.append("")
            if k == 2, r.chance(0.5) {
                lines.append("Residents leave \(town) on foot in \(months[month - 1]) \(year) (\(r.pick(["AFP/FILE", "Reuters/Staff", "Getty Images"])))")
                lines.append("")
            }
            if k == 4, r.chance(0.4) {
                lines.append("Read more:")
                lines.append("")
                lines.append("Aid agencies warn of winter shortages in \(r.pick(regions))")
                lines.append("")
                lines.append("\(r.pick(people)) on the long road home to \(r.pick(towns))")
                lines.append("")
            }
        }
        if r.chance(0.3) { lines.append(contentsOf: paragraphs.prefix(r.int(1, 4)).flatMap { [$0, ""] }) }
        if r.chance(0.5) { lines.append("Share this article"); lines.append("") }
        if r.chance(0.5) { lines.append("© \(year - 5) - \(year + 1) \(r.pick(outlets)) (") }
        if r.chance(0.4) { lines.append("You may also like") }
        return lines.joined(separator: "\n")
    }
}

