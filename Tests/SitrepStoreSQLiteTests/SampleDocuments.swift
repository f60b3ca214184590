import SitrepCore

/// Invented dispatches (places real, events made up) for store tests.
enum SampleDocuments {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    /// Every field set: removed parts, a non-identity offset map, a publication window, non-ASCII text.
    static var full: Document {
        let title = "Shelling hits bakery queue in Ḥarasta"
        let text = """
            Residents of Ḥarasta said at least 14 people were wounded on Tuesday when shells \
            landed near a bakery queue, according to a local rescue team.

            The rescue team’s spokesman, Munīr al-Ḥaddād, told reporters that two ambulances \
            were damaged. «We could not reach the north quarter», he said. Damage: 💥 reported.
            """
        var map = OffsetMap()
        map.append(clean: 0, raw: 120, length: 160)
        map.append(clean: 162, raw: 410, length: text.utf8.count - 162)
        return Document(
            path: "dispatches/harasta-bakery.txt",
            title: title,
            outlet: "Levant Wire",
            url: "https://example.org/levant-wire/harasta-bakery",
            published: PublicationDate(start: day("2019-03-05"), end: day("2019-03-09"), method: .inferred,
                                       text: "since last Tuesday", reason: "caption dated 9 March; body says Tuesday",
                                       time: "08:15 GMT"),
            text: text,
            removed: [
                RemovedPart(kind: .share, text: "Share this story", raw: TextRange(0, 16), reason: "share button"),
                RemovedPart(kind: .caption, text: "Smoke over Ḥarasta, 9 March 2019. (Photo: archive)",
                            raw: TextRange(300, 355), reason: "image caption"),
                RemovedPart(kind: .duplicateParagraph, text: "Residents of Ḥarasta said …", raw: TextRange(600, 640),
                            reason: "repeats paragraph 1"),
            ],
            offsetMap: map,
            rawLength: 2_048,
            encoding: "windows-1252")
    }

    /// A short dispatch with only text, and optionally a title.
    static func plain(_ text: String, title: String? = nil, published: PublicationDate? = nil) -> Document {
        Document(title: title, published: published, text: text)
    }

    static let convoy = plain("""
        A convoy of forty buses left Kafr Batna at dawn carrying fighters and their families \
        towards the north, monitors said.
        """, title: "Buses leave Kafr Batna")

    static let ceasefire = plain("""
        Negotiators announced a three-day ceasefire around Douma after talks mediated by elders; \
        both sides accused each other of violations within hours.
        """, title: "Ceasefire announced around Douma")

    static let protest = plain("""
        Hundreds protested in Séverac square against the closure of the crossing, \
        and police dispersed the crowd with tear gas.
        """)

    static let arabic = plain("أفاد ناشطون بأن قصفاً مدفعياً استهدف أطراف حلب الجنوبية صباح الخميس.",
                              title: "قصف على أطراف حلب")
}
