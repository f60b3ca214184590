import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

/// A short line is a date line only when every word outside its date is one a date line may hold (the shared
/// word set `CleaningPass.dateLineWords`, built once).
@Suite struct DateLineWordsTests {
    static let title = "Aid Convoy Reaches The Eastern Villages"

    @Test(arguments: [
        ("Last modified on 13 February 2018", true),
        ("Date: 2 May 2019", true),
        ("First posted 2 May 2019 at 09:15 GMT", true),
        ("Clashes on 13 February 2018", false),
        ("Reported on 2 May 2019", false),
        ("Talks set for 2 May 2019", false),
    ] as [(String, Bool)])
    func lineIsADateLineOnlyWithDateWords(_ line: String, _ isDateLine: Bool) {
        let doc = cleaned([Self.title, line, bodyOne, bodyTwo].joined(separator: "\n\n"))
        #expect(removed(doc, .dateline).map(\.text) == (isDateLine ? [line] : []))
        #expect(doc.text.contains(line) == !isDateLine)
    }

    @Test func wordSetIsLowercaseAndHoldsTheZones() {
        #expect(CleaningPass.dateLineWords.allSatisfy { $0 == $0.lowercased() })
        #expect(CleaningPass.dateLineWords.isSuperset(of: ["gmt", "utc", "published", "updated", "on", "at"]))
    }
}
