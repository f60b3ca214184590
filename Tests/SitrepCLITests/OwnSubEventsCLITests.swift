import Foundation
import Testing

/// `sitrep eval case2021` on our own sub-event sentences (`Fixtures/own-subevents.tsv`, written for Sitrep and
/// labelled by ACLED's codebook definitions): the rules must keep what they learned from them, class by class.
@Suite(.serialized) struct OwnSubEventsCLITests {
    static let fixture = SitrepBinary.packageRoot.appendingPathComponent("Tests/SitrepCLITests/Fixtures/own-subevents.tsv")

    /// The JSON object `eval case2021` prints as its last line.
    static func figures() throws -> [String: Any] {
        let r = try SitrepBinary.run(["eval", "case2021", fixture.path])
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
}
