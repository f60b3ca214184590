import Testing
@testable import SitrepKnowledge

@Suite struct NameKeyTests {
    @Test(arguments: [
        ["Deir ez-Zor", "Deir Ezzor", "Deir e-Zor", "Dayr az-Zawr", "Deir Ezzour"],
        ["Alboukamal", "al-Boukamal", "Abu Kamal", "Albu Kamal"],
        ["Deraa", "Daraa", "Dar'a", "Dar‘a"],
        ["Sweida", "al-Sweida", "As-Suwayda"],
        ["Uqayrbat", "Oqeirbat"],
        ["Raqqa", "Raqqah", "ar-Raqqa"],
        ["Idlib", "Idleb"],
    ])
    func transliterationVariantsShareOneSkeleton(_ family: [String]) {
        let keys = Set(family.map(NameKey.skeleton))
        #expect(keys.count == 1, "\(family) → \(keys)")
    }

    @Test func foldingRemovesCaseDiacriticsAndQuoteLetters() {
        #expect(NameKey.folded("Ţafas") == "tafas")
        #expect(NameKey.folded("Dar‘ā") == "dara")
        #expect(NameKey.folded("ʿAyn al-ʿArab") == "ayn al arab")
        #expect(NameKey.folded("DEIR EZ-ZOR") == "deir ez zor")
    }

    @Test func arabicLetterVariantsFoldTogether() {
        #expect(NameKey.folded("إدلب") == NameKey.folded("ادلب"))
        #expect(NameKey.folded("الرقة") == NameKey.folded("الرقه"))
        #expect(NameKey.skeleton("دير الزور") == NameKey.skeleton("دير زور"))
    }

    @Test(arguments: [("Homs", "Hama"), ("Trump", "Tromba"), ("Damascus", "Dumayr"), ("Hajin", "Hama"), ("Kobani", "Kabul")])
    func differentNamesKeepDifferentSkeletons(_ a: String, _ b: String) {
        #expect(NameKey.skeleton(a) != NameKey.skeleton(b))
    }
}
