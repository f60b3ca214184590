import SitrepCore

/// Where documents and events are kept, as the user names it with `--store URL`.
///
/// Forms: `sqlite:PATH` (also `sqlite://PATH`), a bare path ending in `.sqlite` or `.sqlite3`,
/// `memory:` (nothing is kept after the process ends), and `postgres://user@host:port/db`
/// (also `postgresql://`).
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// One SQLite file (created if missing; its folder must exist).
    case sqlite(path: String)
    /// An in-memory SQLite database that disappears with the process.
    case memory
    /// A shared PostgreSQL database, given by its URL.
    case postgres(url: String)

    /// `sqlite:./sitrep.sqlite`: a file in the current folder.
    public static let `default`: StoreLocation = .sqlite(path: "./sitrep.sqlite")

    /// The forms `init(parsing:)` accepts, for help texts and error messages.
    public static let acceptedForms = "sqlite:PATH, a path ending in .sqlite, memory:, or postgres://user@host:port/db"

    /// Parses `sqlite:PATH`, `memory:`, `postgres://…` or a bare path ending in `.sqlite`.
    ///
    /// Throws `usage.badStore` with a message that lists the accepted forms.
    public init(parsing text: String) throws(SitrepError) {
        func bad(_ why: String) -> SitrepError {
            SitrepError(code: "usage.badStore", input: text,
                        message: "\(why); --store takes \(StoreLocation.acceptedForms)")
        }
        if text.isEmpty { throw bad("the store is empty") }
        let lower = text.lowercased()
        if lower == "memory:" || lower == "memory://" {
            self = .memory
            return
        }
        for scheme in ["postgres://", "postgresql://"] where lower.hasPrefix(scheme) {
            guard text.utf8.count > scheme.utf8.count else { throw bad("the PostgreSQL URL names no server") }
            self = .postgres(url: text)
            return
        }
        if lower.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            // `sqlite://relative/x.sqlite` and `sqlite:///absolute/x.sqlite`, as URLs write them.
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw bad("sqlite: needs a file path after the colon") }
            self = .sqlite(path: path)
            return
        }
        if let scheme = text.firstRange(of: "://") {
            throw bad("unknown store scheme \"\(text[..<scheme.lowerBound])\"")
        }
        if lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") {
            self = .sqlite(path: text)
            return
        }
        if let colon = text.firstIndex(of: ":") {
            throw bad("unknown store scheme \"\(text[..<colon])\"")
        }
        throw bad("\"\(text)\" is not a store: a file path must end in .sqlite or be written sqlite:PATH")
    }

    /// The location as `--store` would take it; a PostgreSQL password is shown as `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .memory: return "memory:"
        case .postgres(let url): return StoreLocation.redactingPassword(url)
        }
    }

    /// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
    static func redactingPassword(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://"),
              let at = url[schemeEnd.upperBound...].lastIndex(of: "@") else { return url }
        let userInfo = url[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
