import Testing
@testable import SitrepLanguage

@Test func probe() {
    let texts = [
        "The convoy was attacked near Palmyra, Russian news agencies reported, citing the defence ministry.",
        "The convoy was attacked near Palmyra, Russian news agencies reported.",
        "The convoy was attacked, news agencies reported, citing officials.",
    ]
    for t in texts {
        print("----", t)
        print(Analysed(t).dump)
        print(t.sentenceTexts())
    }
}
