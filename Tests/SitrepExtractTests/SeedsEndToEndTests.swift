import Foundation
import Testing
import SitrepCore
@testable import SitrepExtract

/// The five real articles in ../shared/seeds, end to end, asserting what general rules produce.
/// Skipped when the folder is not there (the seeds are not part of the repository).
struct SeedsEndToEndTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/seeds").standardizedFileURL

    static func mentions(_ prefix: String) -> (Document, [EventMention])? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              let name = names.sorted().first(where: { $0.hasPrefix(prefix) }),
              let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
        let doc = FullPipeline.document(text, path: name)
        return (doc, FullPipeline.mentions(doc))
    }

    @Test func transferOfAbout400FromDeirEzZorToIdlibInExchangeForARelease() throws {
        guard let (_, found) = Self.mentions("000") else { return }
        let move = found.first { $0.type == .transfer && $0.count?.min == 400 && $0.origin != nil }
        #expect(move != nil)
        #expect(move?.destination?.name.contains("Idlib") == true)
        #expect(move?.actors.contains { $0.role == .patient && $0.id == "isis" } == true)
        #expect(move?.certainty == .reported)
        #expect(move?.relations.contains { $0.relation == .exchange } == true)
        // The 2017 transfer under a withdrawal agreement keeps its own date and is part of that agreement.
        let old = found.first { $0.type == .transfer && $0.date?.start.year == 2017 }
        #expect(old?.relations.contains { $0.relation == .partOf } == true)
    }

    @Test func safePassageOutOfDeraaTheSweidaAttackAndTheAbduction() throws {
        guard let (_, found) = Self.mentions("002") else { return }
        let passage = found.first { $0.type == .transfer && $0.mode == .safePassage }
        #expect(passage?.origin != nil)
        #expect(passage?.relations.contains { $0.relation == .partOf } == true)
        let attack = found.first { $0.type == .attack && ($0.fatalities?.min ?? 0) > 250 }
        #expect(attack != nil)
        #expect(found.contains { $0.type == .abduction && $0.count?.min == 30 })
        let badiya = found.first { $0.type == .transfer && $0.count?.min == 400 }
        #expect(badiya?.destination != nil)
        #expect(badiya?.attributedTo?.contains("Radwan") == true)
    }

    @Test func theHostagesAreCountedOnTheirAbductionWithItsPlace() throws {
        guard let (_, found) = Self.mentions("003") else { return }
        let abduction = found.first { $0.type == .abduction && $0.count?.min == 36 }
        #expect(abduction?.location != nil)
        #expect(abduction?.actors.contains { $0.role == .agent && $0.id == "isis" } == true)
        // An official's remark that fighters moved closer to a border is no transfer.
        #expect(!found.contains { $0.type == .transfer && $0.date?.start.iso == "2018-07-31" })
        // No move is placed in a neighbouring country.
        #expect(!found.contains { $0.type == .transfer && $0.location?.country != nil && $0.location?.country != "SY" })
        guard let (_, other) = Self.mentions("002") else { return }
        let thirty = other.first { $0.type == .abduction && $0.count?.min == 30 }
        #expect(thirty?.date?.start.iso == "2018-07-25")
        #expect(thirty?.location != nil)
    }

    @Test func captureOfOverAHundredAndTheDenial() throws {
        guard let (_, found) = Self.mentions("003") else { return }
        #expect(found.contains { $0.type == .capture && $0.count.map { $0.min > 100 } == true })
        #expect(found.contains { $0.type == .takeover && $0.mode == .government })
        #expect(found.contains { $0.type == .transfer && $0.certainty == .denied })
        #expect(found.contains { $0.type == .protest })
    }

    @Test func surrenderOfUpTo400InEasternIdlib() throws {
        guard let (_, found) = Self.mentions("004") else { return }
        let surrender = found.first { $0.type == .surrender && $0.count?.max == 400 }
        #expect(surrender != nil)
        #expect(surrender?.date?.start.iso == "2018-02-13")
        // "a roughly 400 sq. km pocket" is an area, never a count.
        #expect(!found.contains { $0.count?.text?.contains("sq") == true })
    }

    @Test func noEventIsSilentlyDatedToThePublicationDay() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            guard let (_, found) = Self.mentions(prefix) else { continue }
            for m in found where m.date != nil && m.date?.text == nil {
                #expect(m.datePrecision == .beforePublication)
                #expect(m.date?.start != m.date?.end)
            }
            // Nothing from captions, comment policies or "Read more" lines.
            #expect(!found.contains { $0.evidence.text.contains("moderates all comments") })
            #expect(!found.contains { $0.evidence.text.hasPrefix("Turkish forces near the Turkey-Syria border") })
        }
    }
}
