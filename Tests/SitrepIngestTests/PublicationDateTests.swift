import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

@Suite struct PublicationDateTests {
    static let title = "Convoy Leaves Kafr Dalia After Shelling"

    @Test(arguments: [
        ("Published October 1st, 2018 - 11:32 GMT", "2018-10-01", "11:32 GMT"),
        ("Fri, 03 Aug 2018 21:55 GMT", "2018-08-03", "21:55 GMT"),
        ("13 February 2018", "2018-02-13", nil),
        ("2018-07-31", "2018-07-31", nil),
        ("July 31, 2018", "2018-07-31", nil),
        ("31/07/2018", "2018-07-31", nil),
        ("07/31/2018", "2018-07-31", nil),
        ("Updated: 9 March 2020 10:05", "2020-03-09", "10:05"),
        ("Tuesday 4 June 2019", "2019-06-04", nil),
        ("Posted on Sept. 5, 2017 at 8:40 am", "2017-09-05", "08:40 am"),
    ] as [(String, String, String?)])
    func dateLineFormsAreRead(form: String, iso: String, time: String?) {
        let doc = cleaned([Self.title, form, bodyOne, bodyTwo].joined(separator: "\n\n"))
        #expect(doc.published?.day?.iso == iso)
        #expect(doc.published?.method == .dateline)
        #expect(doc.published?.time == time)
        #expect(doc.published?.reason.isEmpty == false)
        #expect(removed(doc, .dateline).map(\.text) == [form])
        #expect(!doc.text.contains(form))
    }

    @Test func ambiguousNumericDateIsNotGuessed() {
        let doc = cleaned([Self.title, "05/07/2018", bodyOne, bodyTwo].joined(separator: "\n\n"))
        #expect(doc.published == nil)
    }

    @Test func dateInsideASentenceIsNotADateLine() {
        let doc = cleaned([Self.title, "The talks ended on 13 February 2018 without a deal.", bodyOne].joined(separator: "\n\n"))
        #expect(removed(doc, .dateline).isEmpty)
        #expect(doc.text.contains("13 February 2018"))
    }

    @Test func bylineDateBeatsALaterRetrievalStampAboveTheTitle() {
        let text = ["Beirut", "", "Gulf Edition", "", "Mon, 14 Mar 2022 08:10 GMT", "", Self.title, "",
                    "Rana Saleh - Orontes Wire Lebanon", "", "Sat, 06 Jun 2020 14:20 GMT", "",
                    "Government forces and a local militia exchanged 60 detainees near Qasr Bani on 4th June, mediators said.",
                    "", "A second exchange was planned after the families of the detainees protested on June 5th outside the governor's office.",
                    "", "Regional News"].joined(separator: "\n")
        let doc = cleaned(text)
        #expect(doc.published?.day?.iso == "2020-06-06")
        #expect(doc.published?.method == .byline)
        #expect(doc.published?.time == "14:20 GMT")
        #expect(doc.published?.reason.contains("retrieval") == true)
        #expect(doc.published?.reason.contains("Mon, 14 Mar 2022") == true)
        #expect(removed(doc, .dateline).count == 2)
        #expect(doc.outlet == "Orontes Wire")
        #expect(doc.title == Self.title)
    }

    @Test func publishedLineBeatsUpdatedLine() {
        let doc = cleaned([Self.title, "Updated: 2 May 2019", "Published: 30 April 2019", bodyOne, bodyTwo].joined(separator: "\n\n"))
        #expect(doc.published?.day?.iso == "2019-04-30")
    }

    @Test func metadataDateWins() {
        let given = PublicationDate(start: CalendarDay(year: 2016, month: 1, day: 9)!, method: .metadata, reason: "given")
        let doc = cleaned([Self.title, "13 February 2018", bodyOne].joined(separator: "\n\n"), metadata: .init(published: given))
        #expect(doc.published == given)
    }

    @Test func captionDateAndLastWeekdayGiveAnHonestWindow() {
        // 12 May 2017 was a Friday; "since last Friday" refers to it.
        let caption = "Mourners gather in Kafr Dalia on 12 May 2017 for the victims of the market bombing. Photo: Staff"
        let text = [Self.title, caption,
                    "Nine shopkeepers have been missing since last Friday, when gunmen stormed the market at dawn, relatives said.",
                    bodyTwo].joined(separator: "\n\n")
        let doc = cleaned(text)
        let p = doc.published
        #expect(p?.start.iso == "2017-05-12")
        #expect(p?.end.iso == "2017-05-19")
        #expect(p?.method == .caption)
        #expect(p?.reason.contains("last Friday") == true)
    }

    @Test func pastBodyDateWithRelativeWeekdayGivesAnInferredWindow() {
        let text = ["Police said the blast on 3 March 2021 killed four people, and that the suspect has been held since last Wednesday.", bodyTwo].joined(separator: "\n\n")
        let doc = cleaned(text)
        #expect(doc.published?.method == .inferred)
        #expect(doc.published?.start.iso == "2021-03-03")
        #expect(doc.published?.end.iso == "2021-03-10")
    }

    @Test func noStatedDateLeavesPublishedNil() {
        let doc = cleaned([bodyOne, "The talks will resume in August, the envoy said, a year after the truce of 2017.", bodyTwo].joined(separator: "\n"))
        #expect(doc.published == nil)
    }

    @Test func futureDatesAreNotLowerBounds() {
        let doc = cleaned(["The envoy said talks will resume on 5 September 2022 and that fighting stopped last Monday.", bodyTwo].joined(separator: "\n"))
        #expect(doc.published == nil)
    }

    @Test(arguments: [
        ("2018-07-31", "2018-07-31", nil),
        ("2018-07-31T09:30:00Z", "2018-07-31", "09:30 UTC"),
        ("2018-07-31T23:30:00+03:00", "2018-07-31", "23:30 +03:00"),
        ("2018-07-31 09:30", "2018-07-31", "09:30"),
    ] as [(String, String, String?)])
    func jsonLinesPublishedForms(value: String, iso: String, time: String?) {
        let p = DocumentReader.parsePublished(value)
        #expect(p?.day?.iso == iso)
        #expect(p?.method == .metadata)
        #expect(p?.time == time)
    }

    @Test(arguments: ["31/07/2018", "2018-13-01", "yesterday", "2018-07-31T25:00Z"])
    func jsonLinesPublishedRejectsOtherForms(value: String) {
        #expect(DocumentReader.parsePublished(value) == nil)
    }
}
