import Foundation
import SitrepCore

extension DocumentReader {
    /// Extensions read inside folders.
    static let folderExtensions: Set<String> = ["txt", "text", "jsonl"]

    /// Like `expand`, and also counts what was skipped inside folders.
    public func expansion(_ paths: [String]) -> InputExpansion {
        var result = InputExpansion()
        let fm = FileManager.default
        for given in paths {
            if given == "-" {
                result.sources.append(.standardInput)
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: given, isDirectory: &isDir) else {
                if (try? fm.destinationOfSymbolicLink(atPath: given)) != nil {
                    result.errors.append(SitrepError(code: "ingest.unreadable", input: given, message: "is a broken or looping link"))
                } else {
                    result.errors.append(SitrepError(code: "ingest.notFound", input: given, message: "no such file or folder"))
                }
                continue
            }
            if isDir.boolValue {
                var visited = Set<String>()
                walk(folder: given, display: given, into: &result, visited: &visited, depth: 0)
            } else {
                guard fm.isReadableFile(atPath: given) else {
                    result.errors.append(SitrepError(code: "ingest.unreadable", input: given, message: "permission denied"))
                    continue
                }
                result.sources.append(InputSource(path: given, byteCount: Self.size(given), displayName: given))
            }
        }
        return result
    }

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// Recursive, sorted by byte order of the names so the order is the same on every machine.
    private func walk(folder: String, display: String, into result: inout InputExpansion, visited: inout Set<String>, depth: Int) {
        let fm = FileManager.default
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard depth < 64, visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder)
        } catch {
            result.errors.append(SitrepError(code: "ingest.unreadable", input: display, message: "folder cannot be listed: permission denied or not readable"))
            return
        }
        guard access(folder, R_OK | X_OK) == 0 else {
            result.errors.append(SitrepError(code: "ingest.unreadable", input: display, message: "folder cannot be read: permission denied"))
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if name.hasPrefix(".") { result.skippedHidden += 1; continue }
            let path = Self.join(folder, name)
            let shown = Self.join(display, name)
            var isDir: ObjCBool = false
            let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
            if exists, isDir.boolValue {
                walk(folder: path, display: shown, into: &result, visited: &visited, depth: depth + 1)
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard Self.folderExtensions.contains(ext) else { result.skippedOtherExtensions += 1; continue }
            guard exists else {
                result.errors.append(SitrepError(code: "ingest.unreadable", input: shown, message: "cannot be opened: a broken or looping link"))
                continue
            }
            let attributes = try? fm.attributesOfItem(atPath: path)
            if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
                result.errors.append(SitrepError(code: "ingest.unreadable", input: shown, message: "is not a regular file"))
                continue
            }
            guard fm.isReadableFile(atPath: path) else {
                result.errors.append(SitrepError(code: "ingest.unreadable", input: shown, message: "permission denied"))
                continue
            }
            result.sources.append(InputSource(path: shown, byteCount: (attributes?[.size] as? NSNumber)?.intValue, displayName: shown))
        }
    }
}
