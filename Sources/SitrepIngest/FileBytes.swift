#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SitrepCore

/// Reads a file with POSIX calls: the size is checked before anything is read, and never
/// more than the limit (plus one byte) is read, even from a file that grows or lies about its size.
enum FileBytes {
    static func tooLarge(_ input: String, size: Int, limit: Int) -> SitrepError {
        SitrepError(code: "ingest.tooLarge", input: input,
                    message: "\(describe(size)) is above the \(describe(limit)) limit; nothing was read (raise it with --max-file-size, e.g. --max-file-size \((max(limit * 2, size) + (1 << 20) - 1) >> 20)M)")
    }

    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    static func errnoMessage(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func read(path: String, display: String, limit: Int) -> Result<[UInt8], SitrepError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT { return .failure(SitrepError(code: "ingest.notFound", input: display, message: "no such file")) }
            return .failure(SitrepError(code: "ingest.unreadable", input: display, message: "cannot be opened: \(errnoMessage(e))"))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            return .failure(SitrepError(code: "ingest.unreadable", input: display, message: "cannot be examined: \(errnoMessage(errno))"))
        }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR {
            return .failure(SitrepError(code: "ingest.unreadable", input: display, message: "is a folder, not a file"))
        }
        // Back to blocking reads for pipes and devices.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        let size = Int(st.st_size)
        if type == S_IFREG, size > limit { return .failure(tooLarge(display, size: size, limit: limit)) }
        var out = [UInt8](repeating: 0, count: type == S_IFREG ? min(size, limit) + 1 : 64 << 10)
        var count = 0
        while true {
            if count == out.count {
                if count > limit { break }
                out.append(contentsOf: repeatElement(0, count: min(out.count, limit + 1 - count)))
            }
            let n = out.withUnsafeMutableBytes { buf in posixRead(fd, buf.baseAddress! + count, buf.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(SitrepError(code: "ingest.unreadable", input: display, message: "read failed: \(errnoMessage(errno))"))
            }
            if n == 0 { break }
            count += n
            if count > limit { break }
        }
        if count > limit { return .failure(tooLarge(display, size: count, limit: limit)) }
        out.removeSubrange(count...)
        return .success(out)
    }
}

/// `read(2)`, named apart from `FileBytes.read(path:display:limit:)`.
@inline(__always) private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
