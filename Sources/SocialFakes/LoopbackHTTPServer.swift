#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 over plain sockets, a thread per connection, so a
/// fake can do what real networks do on a bad day: answer, never answer, or reset the
/// connection right after reading a request.
final class LoopbackHTTPServer: @unchecked Sendable {
    /// The port it listens on (the one picked when asked for port 0).
    let port: Int

    private let listener: Int32
    private let handle: @Sendable (FakeRequest) -> FakeReaction
    // `state` guards every stored property below it.
    private let state = NSCondition()
    private var stopped = false
    private var connections: Set<Int32> = []
    /// Hanging requests wait until this changes.
    private var releases = 0

    static let maximumHeaderBytes = 64 * 1024
    static let maximumBodyBytes = 8 * 1024 * 1024

    struct CannotListen: Error, CustomStringConvertible {
        var description: String
    }

    init(port: Int = 0, handle: @escaping @Sendable (FakeRequest) -> FakeReaction) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CannotListen(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 512) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CannotListen(description: "127.0.0.1:\(port): \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = descriptor
        self.handle = handle
        let thread = Thread { [self] in acceptConnections() }
        thread.name = "fake-http-accept-\(self.port)"
        thread.start()
    }

    /// Stops listening, resets every open connection and lets hanging requests go.
    func stop() {
        state.lock()
        guard !stopped else {
            state.unlock()
            return
        }
        stopped = true
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
        state.broadcast()
        state.unlock()
        // Wakes the thread blocked in accept (Linux answers it with EINVAL).
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// Resets every connection whose request hangs.
    func releaseHanging() {
        state.lock()
        releases += 1
        state.broadcast()
        state.unlock()
    }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            state.lock()
            if stopped {
                state.unlock()
                close(connection)
                break
            }
            connections.insert(connection)
            state.unlock()
            var yes: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(connection) }
            thread.name = "fake-http-\(port)"
            thread.start()
        }
        close(listener)
    }

    private func serve(_ connection: Int32) {
        var buffer = [UInt8]()
        var abortive = false
        defer { finish(connection, abortive: abortive) }
        while let (request, keepAlive) = readRequest(connection, &buffer) {
            switch handle(request) {
            case .respond(let response):
                guard write(connection, bytes(of: response, keepAlive: keepAlive)), keepAlive else { return }
            case .drop:
                abortive = true
                return
            case .hang:
                state.lock()
                let generation = releases
                while !stopped, releases == generation { state.wait() }
                state.unlock()
                abortive = true
                return
            }
        }
    }

    private func finish(_ connection: Int32, abortive: Bool) {
        if abortive {
            // SO_LINGER with a zero timeout makes close() send a reset instead of a FIN.
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        }
        state.lock()
        connections.remove(connection)
        state.unlock()
        close(connection)
    }

    /// The next request on the connection, and whether the connection stays open after it;
    /// nil when the peer closed it or sent something that is not HTTP/1.x.
    private func readRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> (FakeRequest, Bool)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        var searched = 0
        while headerEnd == nil {
            if let found = firstRange(of: separator, in: buffer, from: max(0, searched - 3)) {
                headerEnd = found
                break
            }
            searched = buffer.count
            guard buffer.count < Self.maximumHeaderBytes, receive(connection, into: &buffer) else { return nil }
        }
        guard let headerEnd else { return nil }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? -1
        guard (0...Self.maximumBodyBytes).contains(length), headers["transfer-encoding"] == nil else { return nil }
        let bodyStart = headerEnd + 4
        if buffer.count < bodyStart + length, headers["expect"]?.lowercased() == "100-continue" {
            // curl's command line asks before sending a larger body.
            guard write(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        while buffer.count < bodyStart + length {
            guard receive(connection, into: &buffer) else { return nil }
        }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)

        let target = String(requestLine[1])
        let pathEnd = target.firstIndex(of: "?") ?? target.endIndex
        let query = pathEnd < target.endIndex ? FormFields.decode(String(target[target.index(after: pathEnd)...])) : [:]
        let path = String(target[..<pathEnd]).removingPercentEncoding ?? String(target[..<pathEnd])
        let keepAlive = requestLine[2] == "HTTP/1.1" && headers["connection"]?.lowercased() != "close"
        return (FakeRequest(method: String(requestLine[0]), path: path, query: query, headers: headers, body: body), keepAlive)
    }

    private func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(connection, &chunk, chunk.count, 0)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private func bytes(of response: FakeResponse, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + Array(response.body)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}
