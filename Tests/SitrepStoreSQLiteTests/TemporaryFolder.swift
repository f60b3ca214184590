import Foundation

/// A fresh folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/sitrep-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the folder (nothing is created).
    func file(_ name: String) -> String { path + "/" + name }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(name))) }

    func write(_ data: Data, to name: String) throws { try data.write(to: URL(fileURLWithPath: file(name))) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
