import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on loopback in front of a real portal that holds the first request whose
/// head starts with `heldPrefix` for `hold` seconds before passing it on: a slow list read
/// at the server, without touching the portal. Everything else passes at once, each
/// connection to its own upstream connection.
final class SlowListProxy: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`, to give a client instead of the portal's address.
    let url: String
    private let listener: Int32
    private let upstreamPort: UInt16
    private let heldPrefix: [UInt8]
    private let hold: TimeInterval
    /// Signalled on `close()`, so a held request does not outlive the test.
    private let closing = DispatchSemaphore(value: 0)
    // `lock` guards `sockets`, `heldCount` and `isClosed`.
    private let lock = NSLock()
    private var sockets: [Int32] = []
    private var heldCount = 0
    private var isClosed = false

    /// How many requests are being held now or have been.
    var held: Int { lock.withLock { heldCount } }

    init(upstream: String, heldPrefix: String, hold: TimeInterval) throws {
        guard let port = URL(string: upstream)?.port.flatMap(UInt16.init(exactly:)) else { throw ProxyError("no port in \(upstream)") }
        upstreamPort = port
        self.heldPrefix = Array(heldPrefix.utf8)
        self.hold = hold
        let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listening >= 0 else { throw ProxyError("socket: \(errno)") }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listening, 16) == 0 else {
            Glibc.close(listening)
            throw ProxyError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
        }
        listener = listening
        url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    /// Stops listening, lets a held request go and closes every connection.
    func close() {
        let open: [Int32] = lock.withLock {
            guard !isClosed else { return [] }
            isClosed = true
            return sockets + [listener]
        }
        closing.signal()
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    deinit {
        close()
        for socket in sockets + [listener] { Glibc.close(socket) }
    }

    private func acceptConnections() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: upstreamPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let accepted: Bool = lock.withLock {
                sockets += [client, upstream]
                return !isClosed
            }
            guard accepted, connected == 0 else {
                shutdown(client, Int32(SHUT_RDWR))
                continue
            }
            Thread.detachNewThread { [self] in pump(from: client, to: upstream, holding: true) }
            Thread.detachNewThread { [self] in pump(from: upstream, to: client, holding: false) }
        }
    }

    /// Copies bytes until either side closes; a request head starting with `heldPrefix`
    /// (the first one only) waits `hold` seconds first.
    private func pump(from source: Int32, to destination: Int32, holding: Bool) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(source, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            if holding, count >= heldPrefix.count, buffer.prefix(heldPrefix.count).elementsEqual(heldPrefix), takeHold() {
                _ = closing.wait(timeout: .now() + hold)
            }
            var sent = 0
            while sent < count {
                let n = buffer.withUnsafeBytes { bytes in
                    bytes.baseAddress.map { send(destination, $0 + sent, count - sent, Int32(MSG_NOSIGNAL)) } ?? -1
                }
                guard n > 0 else { break }
                sent += n
            }
            guard sent == count else { break }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
    }

    private func takeHold() -> Bool {
        lock.withLock {
            heldCount += 1
            return heldCount == 1
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    struct ProxyError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
