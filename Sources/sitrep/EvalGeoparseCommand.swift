import ArgumentParser
import Foundation
import SitrepCore
import SitrepKnowledge

/// `sitrep eval geoparse FILE.xml`: toponym resolution on gold spans and end-to-end detection + resolution.
struct EvalGeoparseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geoparse",
        abstract: "Toponym resolution (gold spans) and end-to-end geoparsing on GeoWebNews or LGL-style XML.",
        discussion: """
        Resolution: every gold toponym with coordinates is resolved in its article's context; a span the
        gazetteer does not know falls back to a place the matcher found inside it when that agrees with the article's
        focus, else to the focus, and first to a place named right after it ("the Palais des Nations in Geneva"), a town or division
        owning it ("London's Heathrow …"), a division it is named "of" ("Bank of England") or the country or division its
        initials spell ("SA") (PlaceMatcher.fallback(for:in:found:focus:); PlaceMatcher.focus(of:) over the places found and
        the given spans resolved; reported separately).
        GWN has no dev split: --articles even is the development half, odd the held-out half. End to end: detected places against gold
        toponyms with coordinates (a detection counts when it overlaps one): the toponyms of PlaceMatcher.findToponyms(in:), GWN's
        sense, which counts places named as modifiers ("Russian hackers", "a London-based firm"; its Literal_Modifier,
        Non_Literal_Modifier and Embedded types carry coordinates, its Demonym, Language and Homonym types do not), and the
        names find(in:tokens:) alone reports ("names only"). Prints one JSON object last.
        """)

    @Argument(help: "GWN.xml or an XML file in the <article><text>…<toponyms> format.")
    var file: String

    @Option(help: "Which articles to score, by 0-based index: even (development half), odd (held out) or all.")
    var articles: ArticleSubset = .all

    enum ArticleSubset: String, ExpressibleByArgument { case even, odd, all }

    @Flag(name: [.customLong("errors"), .customLong("misses")],
          help: "Print every resolution miss (> 161 km) to stderr: article, gold name and coordinates, our choice, distance, why. Only with --articles even (the development half): held-out misses are not shown.")
    var errors = false

    @Flag(name: .customLong("detection-errors"),
          help: "Print every end-to-end miss (a gold toponym with coordinates no detection overlaps: 'e2e-miss', article, span, type of the words around) and every false detection ('e2e-fp', article, span, our place) to stderr. Only with --articles even (the development half).")
    var detectionErrors = false

    func validate() throws {
        if errors && articles != .even {
            throw ValidationError("--misses lists the development half only: add --articles even")
        }
        if detectionErrors && articles != .even {
            throw ValidationError("--detection-errors lists the development half only: add --articles even")
        }
    }

    func run() throws {
        let t0 = Date()
        var articles: [GeoparseArticle]
        do { articles = try GeoparseCorpus.read(path: file) } catch {
            throw ValidationError("\(file): \(error)")
        }
        if self.articles != .all {
            let keep = self.articles == .even ? 0 : 1
            articles = articles.enumerated().filter { $0.offset % 2 == keep }.map(\.element)
        }
        let tl = Date()
        let lc = Self.cpuSeconds()
        let kb = try KnowledgeBase.loadDefault()
        // The gazetteer's second tier loads on first use: loaded here, its cost is the load's, not the first match's.
        _ = SmallPlaces.loadDefault()
        let loadSeconds = Date().timeIntervalSince(tl)
        let loadCPUSeconds = Self.cpuSeconds() - lc
        let matcher = kb.placeMatcher
        if self.errors, let textFile = ProcessInfo.processInfo.environment["SITREP_EVAL_TEXT"],
           let d = FileManager.default.contents(atPath: textFile) {
            // Debugging aid: the places found in one text file, and its focus.
            let text = String(decoding: d, as: UTF8.self)
            let found = matcher.find(in: text, tokens: nil)
            for m in found {
                let b = Array(text.utf8)[Int(m.range.start)..<Int(m.range.end)]
                Console.error("place\t\(String(decoding: b, as: UTF8.self))\t\(m.place.name)\t\(m.place.id ?? "-")\t\(m.place.country ?? "-")\t\(String(format: "%.2f", m.score))")
            }
            Console.error("focus\t\(matcher.focus(of: found).map { "\($0.name) \($0.id ?? "-")" } ?? "-")")
        }
        var errors: [Double] = []
        var idTotal = 0, idHits = 0, byGazetteer = 0, byInside = 0, byFocus = 0, unresolved = 0
        var detected = 0, detectedCorrect = 0, goldTotal = 0, goldFound = 0, e2eWithin = 0
        var namesOnlyDetected = 0, namesOnlyCorrect = 0, namesOnlyFound = 0, namesOnlyWithin = 0
        var skipped = 0
        // (Analysis aids print misses: the development half only.)
        let verbose = ProcessInfo.processInfo.environment["SITREP_EVAL_VERBOSE"] != nil && self.articles == .even
        var bytes = 0
        var matchSeconds = 0.0
        for (ai, a) in articles.enumerated() {
            skipped += a.skipped
            let articleIndex = ai * (self.articles == .all ? 1 : 2) + (self.articles == .odd ? 1 : 0)
            bytes += a.text.utf8.count
            let gold = a.toponyms.filter { $0.lat != nil }
            let ms = Date()
            let found = matcher.find(in: a.text, tokens: nil)
            matchSeconds += Date().timeIntervalSince(ms)
            let spans = gold.map { TextRange(start: Int32($0.start), end: Int32($0.end)) }
            let resolved = matcher.resolve(spans: spans, in: a.text)
            // The focus from the places found and the given spans resolved (they are the document's places too).
            var evidence = found
            for m in resolved.compactMap({ $0 }) where !found.contains(where: { $0.range.start < m.range.end && $0.range.end > m.range.start }) {
                evidence.append(m)
            }
            let focus = matcher.focus(of: evidence)
            if self.errors && ProcessInfo.processInfo.environment["SITREP_EVAL_FOUND"] != nil {
                let idx = ai * (self.articles == .all ? 1 : 2) + (self.articles == .odd ? 1 : 0)
                let list = found.map { m in "\(m.place.name)/\(m.place.country ?? "-")/\(m.place.precision?.rawValue ?? "-")" }.joined(separator: "; ")
                Console.error("found\t\(idx)\tfocus \(focus?.name ?? "-")/\(focus?.country ?? "-")\t\(list)")
            }
            if self.articles == .even, let dumpPath = ProcessInfo.processInfo.environment["SITREP_EVAL_JSONL"] {
                // Analysis aid: the article's gold spans, their resolutions, the places found and the recogniser's names, one JSON line.
                Self.dump(to: dumpPath, index: ai * (self.articles == .all ? 1 : 2) + (self.articles == .odd ? 1 : 0), article: a,
                          gold: gold, resolved: resolved, found: found, focus: focus, kb: kb)
            }
            for (g, r) in zip(gold, resolved) {
                var place: PlaceRef? = r?.place
                if place != nil { byGazetteer += 1 }
                else if let p = matcher.fallback(for: TextRange(start: Int32(g.start), end: Int32(g.end)), in: a.text, found: evidence, focus: focus) {
                    place = p
                    if p == focus { byFocus += 1 } else { byInside += 1 }
                } else { unresolved += 1 }
                let err = place.flatMap { p -> Double? in
                    guard let la = p.lat, let lo = p.lon else { return nil }
                    return Self.km(g.lat!, g.lon!, la, lo)
                } ?? 20_038
                errors.append(err)
                if self.errors && ProcessInfo.processInfo.environment["SITREP_EVAL_DUMP"] != nil, let p = r?.place, let f = focus,
                   let pl = p.lat, let po = p.lon, let fl = f.lat, let fo = f.lon {
                    // Analysis aid: every gazetteer resolution with its distance to the focus.
                    let pop = p.id.flatMap { matcher.gazetteer.index(ofID: $0) }.map { matcher.gazetteer.places[Int($0)].population } ?? 0
                    Console.error("dump\t\(Int(err))\t\(Int(Self.km(g.lat!, g.lon!, fl, fo)))\t\(Int(Self.km(pl, po, fl, fo)))\t\(p.precision?.rawValue ?? "-")\t\(pop)\t\(String(format: "%.2f", r!.score))\t\(p.country == f.country ? 1 : 0)\t\(g.name)\t\(p.name)")
                }
                if (verbose || self.errors) && err > 161 {
                    let how = r != nil ? "gazetteer" : (place == nil ? "none" : (place == focus ? "focus" : "inside"))
                    let ours = place.map { p in "\(p.name) [\(p.id ?? "-"), \(p.precision?.rawValue ?? "-"), \(p.country ?? "-")] \(p.lat.map { String(format: "%.3f", $0) } ?? "?"),\(p.lon.map { String(format: "%.3f", $0) } ?? "?")" } ?? "-"
                    let score = r.map { String(format: " score %.2f", $0.score) } ?? ""
                    Console.error("miss\t\(ai * (self.articles == .all ? 1 : 2) + (self.articles == .odd ? 1 : 0))\t\(g.name)\t\(String(format: "%.3f,%.3f", g.lat!, g.lon!))\t\(g.geonameID ?? "-")\t\(ours)\t\(Int(err)) km\t\(how)\(score)")
                }
                if let gid = g.geonameID {
                    idTotal += 1
                    if place?.id == "geonames:\(gid)" { idHits += 1 }
                }
            }
            // End to end: the toponyms in GeoWebNews' sense (the places found and the places named as modifiers,
            // `findToponyms`); the places `find` alone reports are scored too ("names only").
            let toponyms = matcher.findToponyms(in: a.text)
            do {
                namesOnlyDetected += found.count
                var hit = [Bool](repeating: false, count: gold.count)
                for m in found {
                    var ok = false
                    for (k, g) in gold.enumerated() where Int(m.range.start) < g.end && Int(m.range.end) > g.start {
                        ok = true
                        if !hit[k] {
                            hit[k] = true
                            if let la = m.place.lat, let lo = m.place.lon, Self.km(g.lat!, g.lon!, la, lo) <= 161 { namesOnlyWithin += 1 }
                        }
                    }
                    if ok { namesOnlyCorrect += 1 }
                }
                namesOnlyFound += hit.filter { $0 }.count
            }
            goldTotal += gold.count
            detected += toponyms.count
            var goldHit = [Bool](repeating: false, count: gold.count)
            for m in toponyms {
                var ok = false
                for (k, g) in gold.enumerated() where Int(m.range.start) < g.end && Int(m.range.end) > g.start {
                    ok = true
                    if !goldHit[k] {
                        goldHit[k] = true
                        if let la = m.place.lat, let lo = m.place.lon, Self.km(g.lat!, g.lon!, la, lo) <= 161 { e2eWithin += 1 }
                    }
                }
                if ok { detectedCorrect += 1 } else if detectionErrors {
                    Console.error("e2e-fp\t\(articleIndex)\t\(Self.context(a.text, Int(m.range.start), Int(m.range.end)))\t\(m.place.name)\t\(m.place.id ?? "-")\t\(m.place.precision?.rawValue ?? "-")")
                } else if verbose {
                    let b = Array(a.text.utf8)[Int(m.range.start)..<Int(m.range.end)]
                    Console.error("fp\t\(String(decoding: b, as: UTF8.self))\t\(m.place.name)\t\(m.place.id ?? "")\t\(m.place.precision?.rawValue ?? "")")
                }
            }
            goldFound += goldHit.filter { $0 }.count
            if detectionErrors {
                for (k, g) in gold.enumerated() where !goldHit[k] {
                    Console.error("e2e-miss\t\(articleIndex)\t\(Self.context(a.text, g.start, g.end))\t\(g.name)")
                }
            }
        }
        // Matching throughput alone, on all article texts, repeated to at least 0.5 s (one core): place matching,
        // actor matching (dictionary names and affiliations) on words split beforehand, and both together. CPU time
        // is this thread's.
        var mbps = 0.0, cpuMbps = 0.0, actorCPUMbps = 0.0, knowledgeCPUMbps = 0.0
        do {
            let texts = articles.map(\.text)
            let total = texts.reduce(0) { $0 + $1.utf8.count }
            var rounds = 0, found = 0
            let start = Date()
            let cpu0 = threadCPUSeconds()
            repeat {
                for t in texts { found &+= matcher.find(in: t, tokens: nil).count }
                rounds += 1
            } while Date().timeIntervalSince(start) < 0.5
            let secs = Date().timeIntervalSince(start)
            mbps = Double(total * rounds) / 1_048_576 / secs
            cpuMbps = Double(total * rounds) / 1_048_576 / max(1e-9, threadCPUSeconds() - cpu0)
            let tokens = texts.map { EntityWordSplitter.split($0) }
            let actors = kb.actorMatcher
            rounds = 0
            let start2 = Date()
            let cpu1 = threadCPUSeconds()
            repeat {
                for (t, tk) in zip(texts, tokens) { found &+= actors.find(in: t, tokens: tk).count }
                rounds += 1
            } while Date().timeIntervalSince(start2) < 0.5
            actorCPUMbps = Double(total * rounds) / 1_048_576 / max(1e-9, threadCPUSeconds() - cpu1)
            // Both over the same text, one article after the other: the knowledge layer's matching speed (issue 6's
            // "places and actors together").
            rounds = 0
            let start3 = Date()
            let cpu2 = threadCPUSeconds()
            repeat {
                for (t, tk) in zip(texts, tokens) {
                    found &+= matcher.find(in: t, tokens: nil).count
                    found &+= actors.find(in: t, tokens: tk).count
                }
                rounds += 1
            } while Date().timeIntervalSince(start3) < 0.5
            knowledgeCPUMbps = Double(total * rounds) / 1_048_576 / max(1e-9, threadCPUSeconds() - cpu2)
            _ = found
        }
        let n = errors.count
        let sorted = errors.sorted()
        let acc = n == 0 ? 0 : Double(errors.filter { $0 <= 161 }.count) / Double(n)
        let mean = n == 0 ? 0 : errors.reduce(0, +) / Double(n)
        let median = n == 0 ? 0 : (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2)
        let p = detected == 0 ? 0 : Double(detectedCorrect) / Double(detected)
        let rc = goldTotal == 0 ? 0 : Double(goldFound) / Double(goldTotal)
        let f1 = p + rc == 0 ? 0 : 2 * p * rc / (p + rc)
        func r4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
        print("articles \(articles.count), gold toponyms with coordinates \(n) (\(skipped) outside the text skipped)")
        print("resolution: acc@161 \(r4(acc)), mean \(r4(mean)) km, median \(r4(median)) km; by gazetteer \(byGazetteer), inside span \(byInside), article focus \(byFocus), none \(unresolved)")
        let np = namesOnlyDetected == 0 ? 0 : Double(namesOnlyCorrect) / Double(namesOnlyDetected)
        let nr = goldTotal == 0 ? 0 : Double(namesOnlyFound) / Double(goldTotal)
        let nf = np + nr == 0 ? 0 : 2 * np * nr / (np + nr)
        let na = namesOnlyFound == 0 ? 0 : r4(Double(namesOnlyWithin) / Double(namesOnlyFound))
        print("end to end: precision \(r4(p)), recall \(r4(rc)), F1 \(r4(f1)), acc@161 of found gold \(goldFound == 0 ? 0 : r4(Double(e2eWithin) / Double(goldFound)))")
        print("end to end, names only (find, no modifiers): precision \(r4(np)), recall \(r4(nr)), F1 \(r4(nf)), acc@161 of found gold \(na)")
        _ = matchSeconds; _ = bytes
        let json = """
        {"corpus":"\(file)","subset":"\(self.articles.rawValue)","articles":\(articles.count),"resolution":{"toponyms":\(n),"acc_161km":\(r4(acc)),"mean_km":\(r4(mean)),"median_km":\(r4(median)),"geonames_id_match":\(idTotal == 0 ? 0 : r4(Double(idHits) / Double(idTotal))),"with_ids":\(idTotal),"by_gazetteer":\(byGazetteer),"by_inner_match":\(byInside),"by_article_focus":\(byFocus),"unresolved":\(unresolved)},"end_to_end":{"detected":\(detected),"gold":\(goldTotal),"precision":\(r4(p)),"recall":\(r4(rc)),"f1":\(r4(f1)),"acc_161km":\(goldFound == 0 ? 0 : r4(Double(e2eWithin) / Double(goldFound)))},"end_to_end_names_only":{"detected":\(namesOnlyDetected),"precision":\(r4(np)),"recall":\(r4(nr)),"f1":\(r4(nf)),"acc_161km":\(na)},"load_seconds":\(r4(loadSeconds)),"load_cpu_seconds":\(r4(loadCPUSeconds)),"match_mb_per_s":\(r4(mbps)),"match_mb_per_cpu_s":\(r4(cpuMbps)),"actor_match_mb_per_cpu_s":\(r4(actorCPUMbps)),"knowledge_match_mb_per_cpu_s":\(r4(knowledgeCPUMbps)),"seconds":\(r4(Date().timeIntervalSince(t0)))}
        """
        print(json)
    }

    static func dump(to path: String, index: Int, article a: GeoparseArticle, gold: [GeoparseToponym], resolved: [PlaceMention?],
                     found: [PlaceMention], focus: PlaceRef?, kb: KnowledgeBase) {
        let g = kb.gazetteer
        func ref(_ p: PlaceRef) -> [String: Any] {
            let pop = p.id.flatMap { g.index(ofID: $0) }.map { Int(g.places[Int($0)].population) } ?? 0
            return ["name": p.name, "id": p.id ?? "", "lat": p.lat ?? 0, "lon": p.lon ?? 0, "hasll": p.lat != nil,
                    "admin1": p.admin1 ?? "", "country": p.country ?? "", "precision": p.precision?.rawValue ?? "", "pop": pop,
                    "main": p.id.flatMap { g.index(ofID: $0) } != nil]
        }
        func mention(_ m: PlaceMention) -> [String: Any] {
            ["s": Int(m.range.start), "e": Int(m.range.end), "score": m.score, "place": ref(m.place)]
        }
        let entities = kb.recognizer.find(in: a.text, tokens: nil).map { e -> [String: Any] in
            ["s": Int(e.range.start), "e": Int(e.range.end), "label": "\(e.label)"]
        }
        let obj: [String: Any] = [
            "index": index, "text": a.text,
            "gold": gold.map { ["s": $0.start, "e": $0.end, "name": $0.name, "lat": $0.lat!, "lon": $0.lon!] as [String: Any] },
            "resolved": resolved.map { $0.map { mention($0) as Any } ?? (NSNull() as Any) },
            "found": found.map(mention), "entities": entities, "focus": focus.map { ref($0) as Any } ?? (NSNull() as Any),
            "countries": Dictionary(Set((found + resolved.compactMap { $0 }).compactMap(\.place.country)).compactMap { c -> (String, [String: Any])? in
                guard let e = g.country(code: c), let i = g.index(ofID: e.id) else { return nil }
                return (c, ref(g.placeRef(i)))
            }, uniquingKeysWith: { a, _ in a }),
        ]
        guard let d = try? JSONSerialization.data(withJSONObject: obj) else { return }
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: path) else { return }
        h.seekToEndOfFile(); h.write(d); h.write(Data([0x0A])); h.closeFile()
    }

    /// The span in brackets with up to 30 bytes of text either side, on one line: "…the [Afrin] region of…".
    static func context(_ text: String, _ s: Int, _ e: Int) -> String {
        let b = Array(text.utf8)
        let lo = max(0, s - 30), hi = min(b.count, e + 30)
        func clean(_ r: Range<Int>) -> String {
            String(decoding: b[r], as: UTF8.self).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        }
        return clean(lo..<s) + "[" + clean(s..<e) + "]" + clean(e..<hi)
    }

    /// CPU time used by this process (user + system): per-core figures on a shared machine.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func km(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0088, d = Double.pi / 180
        let dlat = (lat2 - lat1) * d, dlon = (lon2 - lon1) * d
        let a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * d) * cos(lat2 * d) * sin(dlon / 2) * sin(dlon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}
