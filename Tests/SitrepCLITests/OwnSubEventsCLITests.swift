import Foundation
import Testing

/// `sitrep eval case2021` on our own sub-event sentences (`Fixtures/own-subevents.tsv`, written for Sitrep and
/// labelled by ACLED's codebook definitions): the rules must keep what they learned from them, class by class.
@Suite(.serialized) struct OwnSubEventsCLITests {
    static let fixture = SitrepBinary.packageRoot.appendingPathComponent("Tests/SitrepCLITests/Fixtures/own-subevents.tsv")
    static let blindFixture = SitrepBinary.packageRoot.appendingPathComponent("Tests/SitrepCLITests/Fixtures/own-subevents-blind.tsv")

    /// The JSON object `eval case2021` prints as its last line.
    static func figures(_ file: URL = fixture) throws -> [String: Any] {
        let r = try SitrepBinary.run(["eval", "case2021", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let last = try #require(r.stdout.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    }

    @Test func rulesKeepTheirScoreOnOurOwnSentences() throws {
        let json = try Self.figures()
        let acled = try #require(json["acled"] as? [String: Any], "\(json.keys.sorted())")
        let weighted = try #require((acled["weighted"] as? [String: Any])?["f1"] as? Double)
        #expect(weighted >= Self.floor, "weighted F1 \(weighted) on our own sentences fell below \(Self.floor)")
    }

    /// Measured when the set was committed (weighted F1 0.922), less a margin for deliberate trade-offs.
    static let floor = 0.89  // 0.922 at commit (237 sentences)

    /// The second set (`Fixtures/own-subevents-blind.tsv`, 108 sentences, 25 ACLED and 5 non-ACLED types) was written
    /// and committed before Sitrep was run on it, and measured once blind: weighted F1 0.843 over the ACLED types
    /// (0.813 over all). The rules were then fixed with its misses (0.925 ACLED, 0.903 all), so it is now a regression
    /// set too, no longer an estimate for unseen text.
    @Test func rulesKeepTheirScoreOnTheOnceBlindSentences() throws {
        let json = try Self.figures(Self.blindFixture)
        #expect(json["snippets"] as? Int == 108)
        let acled = try #require(json["acled"] as? [String: Any], "\(json.keys.sorted())")
        let weighted = try #require((acled["weighted"] as? [String: Any])?["f1"] as? Double)
        #expect(weighted >= Self.blindFloor, "weighted F1 \(weighted) on the once-blind sentences fell below \(Self.blindFloor)")
        let all = try #require(json["all"] as? [String: Any])
        let weightedAll = try #require((all["weighted"] as? [String: Any])?["f1"] as? Double)
        #expect(weightedAll >= Self.blindFloorAll, "weighted F1 over all \(weightedAll) fell below \(Self.blindFloorAll)")
    }

    static let blindFloor = 0.90  // 0.843 blind, 0.925 after the fixes
    static let blindFloorAll = 0.88  // 0.813 blind, 0.903 after the fixes

    static let blind2Fixture = SitrepBinary.packageRoot.appendingPathComponent("Tests/SitrepCLITests/Fixtures/own-subevents-blind2.tsv")

    /// The third set (`Fixtures/own-subevents-blind2.tsv`, 122 sentences, settings outside Syria) was committed before
    /// Sitrep was run on it and measured once blind: weighted F1 0.910 over the ACLED types (0.892 over all). Its
    /// misses then led to vocabulary fixes (0.954 / 0.940), so it too is now a regression set.
    @Test func rulesKeepTheirScoreOnTheSecondOnceBlindSet() throws {
        let json = try Self.figures(Self.blind2Fixture)
        #expect(json["snippets"] as? Int == 122)
        let acled = try #require(json["acled"] as? [String: Any], "\(json.keys.sorted())")
        let weighted = try #require((acled["weighted"] as? [String: Any])?["f1"] as? Double)
        #expect(weighted >= Self.blind2Floor, "weighted F1 \(weighted) on the second once-blind set fell below \(Self.blind2Floor)")
        let all = try #require(json["all"] as? [String: Any])
        let weightedAll = try #require((all["weighted"] as? [String: Any])?["f1"] as? Double)
        #expect(weightedAll >= Self.blind2FloorAll, "weighted F1 over all \(weightedAll) fell below \(Self.blind2FloorAll)")
    }

    static let blind2Floor = 0.93  // 0.910 blind, 0.954 after the fixes
    static let blind2FloorAll = 0.91  // 0.892 blind, 0.940 after the fixes
}
