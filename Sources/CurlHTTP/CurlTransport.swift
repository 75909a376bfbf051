import CCurl
import Foundation

/// HTTP over libcurl. One easy handle is reused so that connections to the
/// portal stay open between requests; calls are serialised by a lock and
/// block the calling thread, so callers run them off the UI thread. One transport
/// carries one request at a time: work that must not wait behind another (a save
/// behind a slow list read) needs a transport of its own.
///
/// `@unchecked Sendable`: `lock` guards `handle` (the easy handle and everything libcurl
/// keeps in it, its connection cache included), which is touched only inside `perform`
/// with the lock held, and in `deinit`; every other stored property is an immutable `let`.
public final class CurlTransport: @unchecked Sendable {
    public let connectTimeoutSeconds: Int
    public let totalTimeoutSeconds: Int

    /// Nil when libcurl could not make one (out of memory): every request then fails with
    /// FAILED_INIT rather than the process stopping.
    private let handle: UnsafeMutableRawPointer?
    private let lock = NSLock()

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    public init(connectTimeoutSeconds: Int = 5, totalTimeoutSeconds: Int = 30) {
        _ = CurlTransport.globalInit
        handle = curl_easy_init()
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
    }

    /// Performs `request`; throws `TransportError` when no HTTP answer came back.
    public func perform(_ request: HTTPRequest) throws -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        guard let handle else {
            throw TransportError(curlCode: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed", url: request.url)
        }
        curl_easy_reset(handle)

        let sink = ResponseSink(maximumBodyBytes: request.maximumResponseBytes ?? Int.max)
        let sinkPointer = Unmanaged.passRetained(sink)
        defer { sinkPointer.release() }

        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        // libcurl sends "Expect: 100-continue" for larger bodies; the portal answers directly.
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }

        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let body = request.body ?? Data()
        // A null POSTFIELDS makes libcurl read the body from stdin, and an empty Data has no
        // bytes to point at: an empty body is sent from a one-byte buffer with size 0.
        let buffer = body.isEmpty ? Data([0]) : body

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            buffer.withUnsafeBytes { bodyBytes in
                ccurl_setopt_string(handle, CURLOPT_URL, request.url)
                ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
                ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds)
                ccurl_setopt_long(handle, CURLOPT_TIMEOUT, totalTimeoutSeconds)
                ccurl_setopt_string(handle, CURLOPT_USERAGENT, "bientap/0.1")
                ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
                ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
                ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
                ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
                ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer.toOpaque())
                ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader)
                ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer.toOpaque())
                if request.atMostOnce {
                    ccurl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1)
                    ccurl_setopt_long(handle, CURLOPT_FORBID_REUSE, 1)
                }
                switch request.method {
                case "GET":
                    ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
                case "HEAD":
                    ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
                default:
                    ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
                }
                if request.body != nil {
                    ccurl_setopt_long(handle, CURLOPT_POST, 1)
                    ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
                    ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                    ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bodyBytes.baseAddress))
                }
                return curl_easy_perform(handle)
            }
        }

        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let summary = String(cString: curl_easy_strerror(code))
            // libcurl counts the request's bytes as they are written to the socket.
            var requestBytes = 0
            ccurl_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &requestBytes)
            throw TransportError(curlCode: Int(code.rawValue), message: detail.isEmpty ? summary : detail, url: request.url,
                                 requestSent: requestBytes > 0)
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }
}

/// Accumulates what libcurl hands to the write and header callbacks.
private final class ResponseSink {
    var body = Data()
    var headers: [String: String] = [:]
    let maximumBodyBytes: Int

    init(maximumBodyBytes: Int) {
        self.maximumBodyBytes = maximumBodyBytes
    }
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let data, let userdata else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    // Returning less than was handed over makes libcurl stop with WRITE_ERROR.
    guard length <= sink.maximumBodyBytes - sink.body.count else { return 0 }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append($0, count: length) }
    return length
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let data, let userdata else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        // A new status line (after a redirect or 100 Continue) starts a new header set.
        sink.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        sink.headers[name] = value
    }
    return length
}

/// No HTTP answer: the portal could not be reached, or the connection broke.
public struct TransportError: Error, Sendable, Hashable {
    /// libcurl's CURLcode.
    public var curlCode: Int
    public var message: String
    public var url: String
    /// Whether any of the request had been written to the connection when it failed: the
    /// server may have read and acted on it (a POST may have been posted).
    public var requestSent: Bool

    public init(curlCode: Int, message: String, url: String, requestSent: Bool = false) {
        self.curlCode = curlCode
        self.message = message
        self.url = url
        self.requestSent = requestSent
    }

    /// What went wrong, in kinds a person can be told of (libcurl's own message is English).
    public enum Kind: Sendable, Hashable {
        /// The host name did not resolve (or the proxy's).
        case hostNotFound
        /// Nothing listens there, or the connection was refused.
        case connectionRefused
        case timedOut
        /// TLS: the handshake or the certificate failed.
        case secureConnectionFailed
        /// The connection broke off, or the answer was cut or not HTTP.
        case connectionBroken
        /// libcurl cannot use the URL.
        case unusableURL
        /// Nothing was sent: this machine failed (out of memory, a libcurl built without what is asked).
        case localFailure
        /// Any other CURLcode.
        case other(Int)
    }

    public var kind: Kind {
        switch curlCode {
        case 5, 6: return .hostNotFound                    // COULDNT_RESOLVE_PROXY, COULDNT_RESOLVE_HOST
        case 7: return .connectionRefused                 // COULDNT_CONNECT
        case 28: return .timedOut                         // OPERATION_TIMEDOUT
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98:
            return .secureConnectionFailed                // SSL_CONNECT_ERROR, PEER_FAILED_VERIFICATION, SSL_CACERT…
        case 8, 16, 18, 52, 55, 56, 92, 95:
            return .connectionBroken                      // WEIRD_SERVER_REPLY, HTTP2, PARTIAL_FILE, GOT_NOTHING, SEND/RECV_ERROR…
        case 1, 3: return .unusableURL                    // UNSUPPORTED_PROTOCOL, URL_MALFORMAT
        case 2, 4, 27, 41, 43, 48: return .localFailure   // FAILED_INIT, NOT_BUILT_IN, OUT_OF_MEMORY, FUNCTION_NOT_FOUND…
        default: return .other(curlCode)
        }
    }

    /// True when the portal did not answer at all (refused, unresolvable, timed out).
    public var isUnreachable: Bool {
        [.hostNotFound, .connectionRefused, .timedOut].contains(kind)
    }
}
