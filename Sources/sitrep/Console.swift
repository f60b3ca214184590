import Foundation

/// Exit statuses of the contract.
enum ExitStatus {
    static let ok: Int32 = 0
    static let rejected: Int32 = 1
    static let usage: Int32 = 2
}

/// Writing to the terminal: results to standard output, messages and progress to standard error.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress lines only go there).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Pretty-printed, key-sorted JSON for one value.
    static func json<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A one-line progress display for long runs; silent when standard error is not a terminal.
final class ProgressLine {
    private let enabled: Bool
    private let totalBytes: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private(set) var bytes = 0
    private(set) var items = 0

    init(totalBytes: Int, enabled: Bool = Console.stderrIsTerminal) {
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    func advance(bytes: Int, items: Int = 1) {
        self.bytes += bytes
        self.items += items
        guard enabled else { return }
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.2 { draw(now) }
    }

    private func draw(_ now: Date) {
        lastDraw = now
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / 1_048_576 / seconds
        var line = "  \(items) documents · \(Format.megabytes(bytes))"
        if totalBytes > 0 { line += " of \(Format.megabytes(totalBytes)) (\(bytes * 100 / max(totalBytes, 1))%)" }
        line += " · \(String(format: "%.1f", rate)) MB/s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func finish() {
        guard enabled, lastDraw != .distantPast else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Number formatting for humans.
enum Format {
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? word : (plural ?? word + "s"))
    }

    /// One line, at most `width` characters, for listings.
    static func oneLine(_ text: String, width: Int) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}
