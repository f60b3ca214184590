import Testing
import Foundation
@testable import SitrepLanguage

@Test func probe() throws {
    let dir = "/work/shared/seeds"
    for f in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
        let text = try String(contentsOfFile: dir + "/" + f, encoding: .utf8)
        print("==== \(f)")
        print(Analysed(text).dump)
    }
}
