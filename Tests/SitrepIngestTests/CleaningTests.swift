import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

@Suite struct CleaningTests {
    @Test func repeatedParagraphsAreKeptOnceAndTheRunIsOneRemoval() {
        let text = [bodyOne, bodyTwo, bodyThree, bodyTwo, bodyThree].joined(separator: "\n")
        let doc = cleaned(text)
        #expect(doc.text == [bodyOne, bodyTwo, bodyThree].joined(separator: "\n\n"))
        let dups = removed(doc, .duplicateParagraph)
        #expect(dups.count == 1)
        #expect(dups.first?.reason.contains("paragraphs 2–3") == true)
        #expect(dups.first?.text == bodyTwo + "\n" + bodyThree)
    }

    @Test func duplicateDetectionIgnoresWhitespaceDifferences() {
        let spaced = bodyTwo.replacingOccurrences(of: " the ", with: "  the\u{00A0}")
        let doc = cleaned([bodyOne, bodyTwo, bodyThree, spaced].joined(separator: "\n\n"))
        #expect(removed(doc, .duplicateParagraph).count == 1)
        #expect(doc.text.components(separatedBy: "convoy of 14 buses").count == 2)
    }

    @Test func shortRepeatedLinesOutsideARunAreKept() {
        let doc = cleaned([bodyOne, "He said no.", bodyTwo, "He said no.", bodyThree].joined(separator: "\n\n"))
        #expect(removed(doc, .duplicateParagraph).isEmpty)
    }

    @Test func commentSectionWithPolicyIsRemovedAndNamesTheOutlet() {
        let text = [bodyOne, bodyTwo,
                    "Comments",
                    "Northwind Times moderates all comments posted below. We value debate that stays on the topic of the story.",
                    "Comments must follow our community guidelines before they appear.",
                    "We do not accept slurs, threats, spam or advertising.",
                    "Post a comment"].joined(separator: "\n")
        let doc = cleaned(text)
        #expect(doc.text == bodyOne + "\n\n" + bodyTwo)
        let parts = removed(doc, .commentSection)
        #expect(parts.count == 1)
        #expect(parts.first?.text.hasPrefix("Comments\nNorthwind") == true)
        #expect(parts.first?.text.hasSuffix("Post a comment") == true)
        #expect(doc.outlet == "Northwind Times")
    }

    @Test(arguments: ["Share this article", "Share on Facebook", "Tweet", "Share"])
    func shareLinesAreRemoved(line: String) {
        let doc = cleaned([bodyOne, line, bodyTwo].joined(separator: "\n\n"))
        #expect(!doc.text.contains(line))
        #expect(removed(doc, .share).map(\.text) == [line])
    }

    @Test func relatedBlockTakesItsHeadlinesAndStopsAtTheBody() {
        let text = [bodyOne, "Read more:", "", "Farmers return to burned orchards near the river",
                    "", "Inside the clinic that treats both sides", "", bodyTwo].joined(separator: "\n")
        let doc = cleaned(text)
        #expect(doc.text == bodyOne + "\n\n" + bodyTwo)
        let parts = removed(doc, .relatedLinks)
        #expect(parts.count == 1)
        #expect(parts.first?.text.contains("Inside the clinic") == true)
    }

    @Test(arguments: ["You may also like", "Related:", "More from Harbour Daily", "Read more: Two ministers resign over port blast"])
    func relatedHeadingsAreRemoved(line: String) {
        let doc = cleaned([bodyOne, bodyTwo, line].joined(separator: "\n\n"))
        #expect(doc.text == bodyOne + "\n\n" + bodyTwo)
        #expect(removed(doc, .relatedLinks).count == 1)
    }

    @Test(arguments: ["3 min read", "12 minute read", "Reading time: 4 minutes"])
    func readingTimeIsRemoved(line: String) {
        let doc = cleaned([line, bodyOne, bodyTwo].joined(separator: "\n\n"))
        #expect(removed(doc, .readingTime).map(\.text) == [line])
        #expect(doc.text.hasPrefix("Militia"))
    }

    @Test func navigationLinesAtHeadAndTailAreRemovedButNotMidBodyHeadings() {
        let text = ["Beirut", "", "Gulf Edition", "", "Convoy Leaves Kafr Dalia After Shelling", "", bodyOne, "",
                    "What Comes Next", "", bodyTwo, "", "Regional News"].joined(separator: "\n")
        let doc = cleaned(text)
        #expect(removed(doc, .navigation).map(\.text) == ["Beirut", "Gulf Edition", "Regional News"])
        #expect(doc.title == "Convoy Leaves Kafr Dalia After Shelling")
        #expect(doc.text.contains("What Comes Next"))
    }

    @Test(arguments: ["© 2003 - 2021 Harbour Daily (", "Copyright 2019 The Valley Courier. All rights reserved.", "All rights reserved."])
    func copyrightLinesAreRemoved(line: String) {
        let doc = cleaned([bodyOne, bodyTwo, line].joined(separator: "\n\n"))
        #expect(removed(doc, .copyright).map(\.text) == [line])
    }

    @Test func copyrightLineNamesTheOutlet() {
        #expect(cleaned([bodyOne, "© 2003 - 2021 Harbour Daily ("].joined(separator: "\n")).outlet == "Harbour Daily")
        #expect(cleaned([bodyOne, "Copyright 2019 The Valley Courier. All rights reserved."].joined(separator: "\n")).outlet == "The Valley Courier")
    }

    @Test(arguments: ["Beta V.2.3 - Powered by automated translation", "This article was translated from Arabic"])
    func translationBannersAreRemoved(line: String) {
        let doc = cleaned([line, bodyOne, bodyTwo].joined(separator: "\n"))
        #expect(removed(doc, .boilerplate).map(\.text) == [line])
    }

    @Test(arguments: [
        "Displaced families queue for bread in Kafr Dalia (AFP/FILE)",
        "A boy walks past a burned truck on the river road. Photo: Nadia Karam",
        "Smoke rises over the quarry. Image from Telegram via “Dalia Now.”",
        "r0012345 A handout picture released by the provincial office shows rescuers at the market. EPA/PROVINCE HANDOUT EDITORIAL USE ONLY",
        "Fighters sit on a pickup truck near the front (Getty Images)",
        "(Militia video still)",
    ])
    func captionsAreRemovedAndNeverBodyText(line: String) {
        let doc = cleaned([bodyOne, line, bodyTwo].joined(separator: "\n\n"))
        #expect(doc.text == bodyOne + "\n\n" + bodyTwo)
        #expect(doc.removed.count == 1)
        #expect(doc.removed.first.map { $0.kind == .caption || $0.kind == .photoCredit } == true)
    }

    @Test func bareCreditIsAPhotoCredit() {
        let doc = cleaned([bodyOne, "Photo: Reuters", bodyTwo].joined(separator: "\n\n"))
        #expect(removed(doc, .photoCredit).map(\.text) == ["Photo: Reuters"])
    }

    @Test func wireDatelineWithAgencyIsBodyNotCaption() {
        let lead = "KAFR DALIA (AFP) - Militia fighters withdrew from the hill town on Sunday after three days of shelling, leaving about 1,200 residents without water, officials said."
        let doc = cleaned([lead, bodyTwo].joined(separator: "\n\n"))
        #expect(doc.text.hasPrefix("KAFR DALIA (AFP)"))
        #expect(doc.removed.isEmpty)
    }

    @Test func titleIsTakenOutOfTheTextAndSet() {
        let doc = cleaned(["Convoy Leaves Kafr Dalia After Shelling", "", bodyOne, "", bodyTwo].joined(separator: "\n"))
        #expect(doc.title == "Convoy Leaves Kafr Dalia After Shelling")
        #expect(!doc.text.contains("Convoy Leaves"))
        #expect(removed(doc, .title).count == 1)
    }

    @Test func leadParagraphIsNotMistakenForATitle() {
        let doc = cleaned([bodyOne, bodyTwo].joined(separator: "\n"))
        #expect(doc.title == nil)
        #expect(doc.text.hasPrefix("Militia fighters"))
    }

    @Test func givenTitleIsRemovedFromTheText() {
        let doc = cleaned(["Convoy leaves Kafr Dalia", bodyOne].joined(separator: "\n"), metadata: .init(title: "Convoy leaves Kafr Dalia"))
        #expect(doc.title == "Convoy leaves Kafr Dalia")
        #expect(doc.text == bodyOne)
    }

    @Test func bylinesAreRemovedAndNameOutletsOnlyFromBylinePosition() {
        let doc = cleaned(["Convoy Leaves Kafr Dalia After Shelling", "", "Rana Saleh - Orontes Wire Lebanon", "", bodyOne,
                           "", "The mayor told Harbour Daily that the buses left before dawn, and that the town was calm again.", "", bodyTwo].joined(separator: "\n"))
        #expect(removed(doc, .byline).map(\.text) == ["Rana Saleh - Orontes Wire Lebanon"])
        #expect(doc.outlet == "Orontes Wire")
        let byName = cleaned(["Convoy Leaves Kafr Dalia After Shelling", "By Mira Haddad", bodyOne, "The mayor told Harbour Daily that the buses left before dawn."].joined(separator: "\n"))
        #expect(removed(byName, .byline).map(\.text) == ["By Mira Haddad"])
        #expect(byName.outlet == nil, "a 'told X' self-reference is not outlet evidence")
    }

    @Test func teaserThatRepeatsTheLeadIsRemoved() {
        let teaser = "KAFR DALIA: Militia fighters withdrew from the hill town […]"
        let lead = "KAFR DALIA: Militia fighters withdrew from the hill town on Sunday after three days of shelling, a council member said."
        let doc = cleaned(["Convoy Leaves Kafr Dalia", "", teaser, "", lead, "", bodyTwo].joined(separator: "\n"))
        #expect(removed(doc, .teaser).map(\.text) == [teaser])
        #expect(doc.text.hasPrefix(lead))
    }

    @Test func captionDateIsAClueNotBodyText() {
        let caption = "Mourners gather in Kafr Dalia on 12 May 2017 for the victims of the market bombing. Photo: Staff"
        let doc = cleaned([bodyOne, caption, bodyTwo].joined(separator: "\n\n"))
        #expect(!doc.text.contains("12 May 2017"))
        #expect(removed(doc, .caption).count == 1)
    }

    @Test func removedPartsAreInInputOrderWithExactRawText() {
        let text = ["3 min read", "Convoy Leaves Kafr Dalia", "13 March 2021", "By Mira Haddad", bodyOne, "(Militia video still)",
                    bodyTwo, bodyOne, "Share this article", "You may also like"].joined(separator: "\n")
        let doc = cleaned(text)
        let raw = text
        var last: Int32 = -1
        for part in doc.removed {
            #expect(part.raw.start > last)
            last = part.raw.start
            #expect(raw.slice(part.raw) == part.text)
            #expect(!part.reason.isEmpty)
        }
        #expect(Set(doc.removed.map(\.kind)) == [.readingTime, .title, .dateline, .byline, .caption, .duplicateParagraph, .share, .relatedLinks])
    }

    @Test func textOfOnlyFurnitureIsRejectedAsEmpty() throws {
        let folder = try temporaryFolder()
        try write("Share this article\n\nYou may also like\n", to: folder + "/furniture.txt")
        let outcomes = readAll(DocumentReader(), InputSource(path: folder + "/furniture.txt", byteCount: nil))
        #expect(outcomes.first?.error?.code == "ingest.empty")
    }

    @Test func sameTextTwiceIsOneIdentity() {
        let a = DocumentReader().document(text: bodyOne + "\n" + bodyTwo, path: "a.txt")
        let b = DocumentReader().document(text: bodyOne + "\n" + bodyTwo, path: "b/copy.txt")
        #expect(a.id == b.id)
        let withFurniture = DocumentReader().document(text: bodyOne + "\n" + bodyTwo + "\nShare this article\n", path: nil)
        #expect(withFurniture.id == a.id, "identity is the cleaned text")
        #expect(DocumentReader().document(text: bodyOne, path: nil).id != a.id)
    }

    @Test func syntheticCorpusIsDeterministicAndFullOfFurniture() {
        let a = SyntheticCorpus.articles(totalBytes: 40_000, seed: 7)
        let b = SyntheticCorpus.articles(totalBytes: 40_000, seed: 7)
        #expect(a == b)
        #expect(a != SyntheticCorpus.articles(totalBytes: 40_000, seed: 8))
        #expect(a.reduce(0) { $0 + $1.utf8.count } >= 40_000)
        let docs = a.map { cleaned($0) }
        #expect(docs.allSatisfy { $0.published != nil && $0.title != nil })
        #expect(docs.contains { !removed($0, .duplicateParagraph).isEmpty })
        #expect(docs.contains { !removed($0, .relatedLinks).isEmpty })
    }
}

@Suite struct FalsePositiveTests {
    @Test(arguments: [
        "An image from the scene showed burned cars along the main road, witnesses said.",
        "The aid arrived courtesy of the Red Crescent, officials said, after a week of delays at the crossing.",
        "Protesters shouted profanity at the police for an hour before the crowd broke up near the square.",
        "The spokesman declined to comment on the prisoner exchange when reached by telephone on Monday.",
    ])
    func newsProseWithFurnitureWordsIsKept(line: String) {
        let doc = cleaned([bodyOne, bodyTwo, line, bodyThree].joined(separator: "\n\n"))
        #expect(doc.text.contains(line))
        #expect(doc.removed.isEmpty)
    }

    @Test func bylineWithSeparatorAfterByNamesTheOutlet() {
        let doc = cleaned(["Convoy Leaves Kafr Dalia After Shelling", "By Mira Haddad - Harbour Daily", bodyOne].joined(separator: "\n"))
        #expect(doc.outlet == "Harbour Daily")
        #expect(removed(doc, .byline).count == 1)
    }

    @Test func bylineWithADateGivesABylineDate() {
        let doc = cleaned(["Convoy Leaves Kafr Dalia After Shelling", "By Mira Haddad, 14 March 2021", bodyOne, bodyTwo].joined(separator: "\n"))
        #expect(doc.published?.day?.iso == "2021-03-14")
        #expect(doc.published?.method == .byline)
    }
}
