import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PLC on a real loopback TCP connection, with plain blocking sockets on a thread of its
/// own: the test then holds none of the concurrency pool's few threads while it waits.
enum PLC {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to `port`, sends `bytes` at once and shuts its side; returns the station's
    /// replies, one a line, up to the station's close. With `hangUp`, it closes at once after
    /// sending, without reading, as a PLC that loses power; with `staying`, it keeps its side
    /// open, as a PLC waiting for the next item, until the station closes.
    static func exchange(port: Int, _ bytes: [UInt8], hangUp: Bool = false, staying: Bool = false) async throws -> [String] {
        try await onThread {
            let socket = try connect(port: port)
            defer { close(socket) }
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
                sent += count
            }
            if hangUp { return [] }
            if !staying { shutdown(socket, Int32(SHUT_WR)) }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { break }
                guard count > 0 else { throw Failure(description: "no reply within 120 s, or the connection failed: errno \(errno)") }
                received += chunk[..<count]
            }
            return String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    /// The text, lines ended by LF, as bytes.
    static func exchange(port: Int, lines: [String]) async throws -> [String] {
        try await exchange(port: port, Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    private static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket failed: errno \(errno)") }
        // Generous: only a hung station trips it.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return socket
    }

    private static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
