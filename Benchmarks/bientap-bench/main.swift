// bientap benchmarks: `make bench` (release build). Prints one line per measurement.
import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import PortalServer
import RoyaltyExport
import SpellEvaluation
import TerminalUI
import VietText

/// Sections to run, named on the command line (`bientap-bench spelling portal`); none runs all.
let sections = Set(CommandLine.arguments.dropFirst())
func wants(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// This thread's CPU time: what a figure "per core" divides by. Unlike the
/// wall clock it leaves out the time a shared machine lends to others.
func cpuNow() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Runs `body` `iterations` times after a warm-up; returns nanoseconds per
/// iteration (wall clock, or this thread's CPU time), sorted.
func measure(iterations: Int, cpu: Bool = false, _ body: () throws -> Void) rethrows -> [Double] {
    for _ in 0..<min(10, iterations) { try body() }
    let clock = cpu ? cpuNow : now
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = clock()
        try body()
        samples.append(Double(clock() - start))
    }
    return samples.sorted()
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func report(_ name: String, _ samples: [Double], unit: String = "µs", scale: Double = 1_000) {
    let mean = samples.reduce(0, +) / Double(samples.count)
    print(String(format: "%-48@ p50 %9.2f %@  p99 %9.2f %@  mean %9.2f %@  (n=%d)",
                 name as NSString, percentile(samples, 0.5) / scale, unit as NSString,
                 percentile(samples, 0.99) / scale, unit as NSString, mean / scale, unit as NSString, samples.count))
}

// MARK: - Text width

if wants("width") {
    let prose = String(repeating: "Ủy ban nhân dân tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác chuyển đổi số năm 2025. ", count: 1_000)
    let widthSamples = measure(iterations: 50) { _ = DisplayWidth.of(prose) }
    let megabytes = Double(prose.utf8.count) / 1_000_000
    print(String(format: "%-48@ %.1f MB/s", "DisplayWidth.of, Vietnamese prose" as NSString, megabytes / (percentile(widthSamples, 0.5) / 1e9)))
}

// MARK: - Vietnamese engine: Telex, lexicon, spell checking

if wants("spelling") {
    let telexKeys = Array(String(repeating: "Tooi vieets baif veef coong taacs chuyeenr ddooir soos cuar tinhr Quangr Ngaix. ", count: 125).prefix(10_000))
    let telexSamples = measure(iterations: 20) {
        var composer = WordComposer()
        var shown = 0
        for key in telexKeys {
            if composer.takes(key) { composer.type(key); shown &+= composer.text.utf8.count } else { composer.reset() }
        }
        precondition(shown > 0)
    }
    print(String(format: "%-48@ %.2f µs per key (10,000 keys, text shown after each)", "Telex composer" as NSString,
                 percentile(telexSamples, 0.5) / 1_000 / Double(telexKeys.count)))

    // Everything a check needs: hunspell-vi's syllables, the word model, the newsroom dictionary and its word pairs.
    let lexiconSamples = measure(iterations: 20) { _ = Lexicon.standard() }
    report("load dictionaries (hunspell-vi + word model + newsroom)", lexiconSamples, unit: "ms", scale: 1_000_000)

    let checker = SpellChecker(lexicon: Lexicon.standard())
    // The corpus's documents, each checked on its own as the desk does (nothing learnt from one
    // draft helps the next): as written, and as submitted with the corpus's errors, one in 50 words.
    let corpora = (try? AnnotatedCorpus.load(directory: URL(fileURLWithPath: "Tests/SpellCorpus"))) ?? []
    if corpora.isEmpty { print("spelling corpus: Tests/SpellCorpus not found; run from the repository's root") }
    let cleanDrafts = corpora.compactMap { try? AnnotatedCorpus(name: $0.name, annotated: $0.clean).errorful }
    let drafts = corpora.map(\.errorful)
    let draftBytes = Double(drafts.map(\.utf8.count).reduce(0, +))
    for (name, texts) in [("spell check, corpus drafts as written", cleanDrafts), ("spell check, corpus drafts with errors", drafts)]
    where !texts.isEmpty {
        let bytes = Double(texts.map(\.utf8.count).reduce(0, +))
        let samples = measure(iterations: 30, cpu: true) { for text in texts { _ = checker.check(text) } }
        print(String(format: "%-48@ %.2f MB/s per core (%d drafts, %.0f KB, one at a time)", name as NSString,
                     bytes / 1e6 / (percentile(samples, 0.5) / 1e9), texts.count, bytes / 1e3))
    }

    // One long file of the same prose, to weigh against hunspell run as an editor would: hunspell -d vi_VN -l < file.
    let longText = Array(repeating: cleanDrafts.joined(separator: "\n\n"), count: max(1, Int(1e6 / max(draftBytes, 1))))
        .joined(separator: "\n\n")
    let longSamples = measure(iterations: 15, cpu: true) { _ = checker.check(longText) }
    print(String(format: "%-48@ %.2f MB/s per core (%.1f MB)", "spell check, one long file of prose as written" as NSString,
                 Double(longText.utf8.count) / 1e6 / (percentile(longSamples, 0.5) / 1e9), Double(longText.utf8.count) / 1e6))
    let proseFile = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-bench-prose-\(getpid()).txt")
    try? longText.write(to: proseFile, atomically: true, encoding: .utf8)
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/hunspell") {
        // hunspell's CPU time, as the kernel counts it for children waited for.
        func childrenCPU() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e9
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e3
        }
        var hunspellSamples: [Double] = []
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/hunspell")
            process.arguments = ["-d", "vi_VN", "-l"]
            process.standardInput = try? FileHandle(forReadingFrom: proseFile)
            process.standardOutput = FileHandle.nullDevice
            let before = childrenCPU()
            try? process.run()
            process.waitUntilExit()
            hunspellSamples.append(childrenCPU() - before)
        }
        hunspellSamples.sort()
        let ours = percentile(longSamples, 0.5), theirs = percentile(hunspellSamples, 0.5)
        print(String(format: "%-48@ %.2f MB/s per core; bientap is %.1f× as fast", "hunspell -d vi_VN -l, same file" as NSString,
                     Double(longText.utf8.count) / 1e6 / (theirs / 1e9), theirs / ours))
    }
    try? FileManager.default.removeItem(at: proseFile)

    // MARK: - Spelling quality on Tests/SpellCorpus, beside hunspell

    do {
        var ours = Evaluation(), oursClean = Evaluation(), theirs = Evaluation(), theirsClean = Evaluation()
        var hunspellRan = true
        for corpus in corpora {
            let clean = try AnnotatedCorpus(name: corpus.name, annotated: corpus.clean)
            ours.add(corpus: corpus, flags: checker.check(corpus.errorful).map(Flag.init))
            oursClean.add(corpus: clean, flags: checker.check(clean.errorful).map(Flag.init))
            if let flags = Hunspell.flags(corpus.errorful), let cleanFlags = Hunspell.flags(clean.errorful) {
                theirs.add(corpus: corpus, flags: flags)
                theirsClean.add(corpus: clean, flags: cleanFlags)
            } else {
                hunspellRan = false
            }
        }
        print("spelling corpus: \(corpora.count) files, \(ours.words) words, \(corpora.flatMap(\.injections).count) injected errors")
        print("  kind       injected  bientap recall  precision  right fix: 1st / any of caught   hunspell recall")
        for kind in [Finding.Kind.nonword, .realword, .style, .encoding] {
            let mine = ours.byKind[kind] ?? .init(), other = theirs.byKind[kind] ?? .init()
            let share = { (count: Int) in mine.caught == 0 ? 0 : Double(count) * 100 / Double(mine.caught) }
            print(String(format: "  %-10@ %8d  %6.1f%% (%3d)  %8.1f%%  %8.1f%% / %5.1f%%             %@", kind.rawValue as NSString,
                         mine.injected, mine.recall * 100, mine.caught, mine.precision * 100,
                         share(mine.firstSuggestionRight), share(mine.anySuggestionRight),
                         (hunspellRan ? String(format: "%6.1f%% (%3d)", other.recall * 100, other.caught) : "n/a") as NSString))
        }
        print(String(format: "  false error flags on the clean text: bientap %d (%.2f per 1,000 words)", oursClean.falseErrorFlags.count,
                     oursClean.falseFlagsPerThousandWords))
        if hunspellRan {
            print(String(format: "  hunspell on the clean text: %d flags (%.1f per 1,000 words); precision on the errorful text %.1f%%",
                         theirsClean.allFlags, Double(theirsClean.allFlags) * 1000 / Double(theirsClean.words),
                         theirs.allFlags == 0 ? 100 : Double(theirs.allFlags - theirs.flagsOverlappingNothing) * 100 / Double(theirs.allFlags)))
            let words = Dictionary(grouping: theirsClean.falseErrorFlags.map { $0.flag.word }, by: { $0 }).mapValues(\.count)
                .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(12).map { "\($0.key) ×\($0.value)" }
            print("  hunspell's most frequent flags on the clean text: " + words.joined(separator: ", "))
        }
        let bySubtype = ours.bySubtype.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.caught)/\($0.value.injected)" }
        print("  bientap by sort of error: " + bySubtype.joined(separator: ", "))
    } catch {
        print("spelling corpus: \(error)")
    }

    // MARK: - Spelling on held-out prose nobody in the project wrote (issue 23), beside hunspell
    let heldOut = URL(fileURLWithPath: "Tests/SpellCorpus/External/test")
    if let ours = try? HeldOutReport(directory: heldOut, check: { checker.check($0).map(Flag.init) }) {
        print("held-out test split (Tests/SpellCorpus/External/test), bientap:\n" + ours.summary)
        if Hunspell.flags("thử") != nil, let theirs = try? HeldOutReport(directory: heldOut, check: { Hunspell.flags($0) ?? [] }) {
            print("hunspell -d vi_VN on the same split:\n" + theirs.summary)
        }
        let prose = ((try? AnnotatedCorpus.load(directory: heldOut)) ?? []).map(\.clean).joined(separator: "\n\n")
        let long = Array(repeating: prose, count: max(1, Int(1e6 / Double(max(prose.utf8.count, 1))))).joined(separator: "\n\n")
        let samples = measure(iterations: 9, cpu: true) { _ = checker.check(long) }
        print(String(format: "%-48@ %.2f MB/s per core (%.1f MB)", "spell check, one long file of held-out prose" as NSString,
                     Double(long.utf8.count) / 1e6 / (percentile(samples, 0.5) / 1e9), Double(long.utf8.count) / 1e6))
    }
}

// MARK: - Queue frame rendering (no terminal: the pure render(state) -> Frame)

if wants("queue") {
    let sites = (0..<20).map { SiteRef(id: Int64($0), code: "site-\($0)", name: "UBND huyện Trà Bồng \($0)") }
    let rows = (0..<100_000).map { i in
        SubmissionSummary(id: Int64(i), site: sites[i % 20],
                          contributor: ContributorRef(id: Int64(i % 40), fullName: "Nguyễn Thị Minh Khai", penName: "Hà Phương"),
                          title: "Lý Sơn khởi công tuyến đường ven biển phía Đông, tổng vốn 26.500 triệu đồng, số \(i)",
                          category: .news, language: "vi", status: .submitted,
                          receivedAt: Date(timeIntervalSince1970: 1_763_800_000 - Double(i)), words: 300 + i % 500, revision: 1)
    }
    for (w, h) in [(120, 40), (200, 60)] {
        var state = AppState(language: .vi, portal: "http://127.0.0.1:1", keymap: KeyBindings.load(userFile: nil).keymap, width: w, height: h)
        _ = state.handle(message: .queueLoaded(tab: 0, .success(rows)))
        let samples = measure(iterations: 2_000) {
            _ = state.handle(input: .key(.down))
            _ = state.render()
        }
        report("queue frame \(w)×\(h), 100,000 rows, move + render", samples)
    }
}

// MARK: - List requests through libcurl against a real portal

if wants("portal") {
    if let executable = LocalPortal.locateExecutable() {
        do {
            let portal = try LocalPortal(executable: executable, editorDisplayName: "Bench")
            defer { portal.stop() }
            let url = try portal.startServer()
            let client = try AdminClient(baseURL: url, token: portal.token)
            let first = try client.submissions(statuses: SubmissionStatus.pending, limit: 1).items[0]
            let list = try measure(iterations: 2_000) {
                _ = try client.submissions(statuses: SubmissionStatus.pending, limit: 20)
            }
            report("GET pending list (20), sample data, 1 client", list)
            print(String(format: "%-48@ %.0f requests/s", "  throughput at concurrency 1" as NSString,
                         1e9 / (list.reduce(0, +) / Double(list.count))))
            let one = try measure(iterations: 2_000) { _ = try client.submission(id: first.id) }
            report("GET one submission, 1 client", one)
            let start = now()
            _ = try client.allSubmissions(statuses: SubmissionStatus.pending)
            print(String(format: "%-48@ %.2f ms", "load whole pending queue" as NSString, Double(now() - start) / 1e6))
        } catch {
            print("portal benchmarks failed: \(error)")
            exit(1)
        }
    } else {
        print("bientap-portal not found beside bientap-bench: build it in release first (make bench does)")
        exit(1)
    }
}

// MARK: - The desk's loop on WordPress and on bientap-portal, side by side

if wants("wordpress") { WordPressLoopBench.run() }

// MARK: - Editor: typing with Telex

if wants("editor") {
    // Telex keys of ordinary news prose, 10,000 of them, a new line now and then.
    let sentence = "Chieeuf nay, UBND huyeenj Lys Sown toor chuwcs hooij nghij trieenr khai kees hoachj phats trieenr kinh tees bieenr. "
    var keys: [Character] = []
    while keys.count < 10_000 {
        keys += sentence
        if keys.count % 600 < sentence.count { keys.append("\n") }
    }
    keys = Array(keys.prefix(10_000))
    var typed = TextEditor()
    typed.inputMethod = .telex
    typed.setView(width: 120, height: 38)
    var samples: [Double] = []
    samples.reserveCapacity(keys.count)
    for key in keys {
        let start = cpuNow()
        if key == "\n" { typed.perform(.newline) } else { typed.type(key) }
        samples.append(Double(cpuNow() - start))
    }
    report("editor: one keystroke, Telex on (10,000 keys)", samples)
    var frame = Frame(width: 120, height: 38)
    let render = measure(iterations: 1_000, cpu: true) {
        typed.render(into: &frame, in: Rect(row: 0, col: 0, width: 120, height: 38), theme: .default)
    }
    report("editor: render 120×38 of that text", render)
    print("  text typed: \(typed.text.count) characters, first words: \(typed.text.prefix(40))")
}

// MARK: - Bytes written to a real pseudo-terminal when the cursor moves one row

if wants("pty") {
    guard let portalExecutable = LocalPortal.locateExecutable() else {
        print("bientap-portal not found beside bientap-bench: build it in release first (make bench does)")
        exit(1)
    }
    let client = portalExecutable.deletingLastPathComponent().appendingPathComponent("bientap").path

    /// Runs the client on a fresh pseudo-terminal with `cursor = style` in its
    /// config; returns the bytes of its first screen and of each cursor move.
    func ptyBytes(url: String, token: String, cursor style: String) throws -> (first: Int, perMove: [Double]) {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-bench-\(getpid())-\(style)")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("bientap"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try "cursor = \"\(style)\"\n".write(to: config.appendingPathComponent("bientap/config.toml"), atomically: true, encoding: .utf8)
        // posix_openpt, unlockpt and ptsname are not visible to Swift; on Linux they are
        // /dev/ptmx, TIOCSPTLCK and TIOCGPTN (devpts needs no grantpt).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var number: UInt32 = 0
        var unlock: Int32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "cannot open a pseudo-terminal"])
        }
        defer { close(master) }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        let argv = [client, "--portal", url, "--token", token]
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=/nonexistent", "XDG_CONFIG_HOME=\(config.path)"]
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        guard posix_spawn(&pid, client, &actions, &attributes, cArgs, cEnv) == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(client)"])
        }
        /// Reads what the program writes until it has been quiet for `quietMs`.
        func drain(quietMs: Int32) -> Int {
            var total = 0
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
                guard poll(&fds, 1, quietMs) > 0 else { return total }
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return total }
                total += n
            }
        }
        let first = drain(quietMs: 1_500)
        var perMove: [Double] = []
        for i in 0..<30 {
            var key: UInt8 = i < 15 ? UInt8(ascii: "j") : UInt8(ascii: "k")
            _ = write(master, &key, 1)
            perMove.append(Double(drain(quietMs: 300)))
        }
        var quit: UInt8 = UInt8(ascii: "Q")
        _ = write(master, &quit, 1)
        _ = drain(quietMs: 500)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (first, perMove.sorted())
    }

    do {
        let portal = try LocalPortal(executable: portalExecutable, editorDisplayName: "Bench")
        defer { portal.stop() }
        let url = try portal.startServer()
        for style in ["arrow", "row"] {
            let (first, perMove) = try ptyBytes(url: url, token: portal.token, cursor: style)
            print(String(format: "%-48@ %d bytes", "pty 120×40: first screen (cursor = \(style))" as NSString, first))
            print(String(format: "%-48@ p50 %5.0f bytes  max %5.0f bytes  (n=%d)",
                         "pty 120×40: cursor moves one row (\(style))" as NSString,
                         percentile(perMove, 0.5), perMove.last ?? 0, perMove.count))
        }
    } catch {
        print("pty benchmark failed: \(error)")
        exit(1)
    }
}

// MARK: - Royalties: closing and exporting a month of 100,000 entitlements

/// Closes a month of `count` entitlements on one site in a fresh store at `location` and
/// exports its payment list; prints each step's time.
func benchRoyalties(_ label: String, location: DatabaseLocation, count: Int) async throws {
    let store = try await Store.open(location)
    // A month the sample (seeded as on 2026-12-05) has no lines in: it starts in 2025-11.
    let month = "2025-06", site = "cong-tinh"
    try await Seeder.seedSample(into: store, now: Date(timeIntervalSince1970: 1_796_439_600))  // 2026-12-05
    var start = now()
    try await Seeder.seedRoyaltyBulk(into: store, count: count, month: month, site: site)
    print(String(format: "%-48@ %.2f s", "\(label): write \(count) entitlements (bulk)" as NSString, Double(now() - start) / 1e9))
    start = now()
    guard case .closed(let batch) = try await store.closeMonth(month, site: site, by: "bench") else {
        print("\(label): \(month) was closed already"); exit(1)
    }
    print(String(format: "%-48@ %.2f ms  (%d lines)", "\(label): closeMonth" as NSString, Double(now() - start) / 1e6, batch.lines))
    guard let paidOn = VietnamDay("2025-07-20") else { exit(1) }
    var list: PaymentList?
    let listing = try await measureAsync(iterations: 3) {
        list = try await store.paymentList(month: month, sites: [site], site: site, paidOn: paidOn)
    }
    report("\(label): paymentList (\(list?.lines.count ?? 0) people)", listing, unit: "ms", scale: 1e6)
    guard let list else { exit(1) }
    let file = PaymentListFile(list, siteName: "Cổng TTĐT tỉnh Quảng Ngãi")
    for format in ExportFormat.allCases {
        var bytes = 0
        let samples = try measure(iterations: 3) { bytes = try file.data(format).count }
        report("\(label): payment list \(format.rawValue) (\(bytes / 1024) KiB)", samples, unit: "ms", scale: 1e6)
    }
    try await store.close()
}

/// `measure` for async work: after one warm-up, nanoseconds per iteration, sorted.
func measureAsync(iterations: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
    try await body()
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = now()
        try await body()
        samples.append(Double(now() - start))
    }
    return samples.sorted()
}

if wants("royalties") {
    let count = 100_000
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-bench-\(getpid())")
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await benchRoyalties("sqlite", location: .sqlite(path: directory.appendingPathComponent("royalties.sqlite").path), count: count)
        // PostgreSQL when a server is at hand (make bench runs this under Scripts/with-postgres).
        if let server = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"], var url = URLComponents(string: server) {
            let name = "bench_royalties_\(getpid())"
            func psql(_ command: String) throws {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["psql", server, "-X", "-q", "-c", command]
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
            }
            try psql("CREATE DATABASE \(name) ENCODING 'UTF8'")
            defer { try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            url.path = "/" + name
            guard let location = url.string else { exit(1) }
            try await benchRoyalties("postgres", location: .postgres(url: location), count: count)
        } else {
            print("royalties on PostgreSQL: skipped (run under Scripts/with-postgres, as make bench does)")
        }
    } catch {
        print("royalty benchmark failed: \(error)")
        exit(1)
    }
}

// MARK: - The accountant's screen: opening a month of 100,000 entitlements

/// From the keys that ask for a month on the royalty screen to a frame with its payment list
/// drawn: the portal's answers (batches, payment list, budget) over loopback HTTP from a
/// `bientap-portal` whose SQLite file holds 100,000 entitlements in that month.
if wants("ledger-screen") {
    guard let portalExecutable = LocalPortal.locateExecutable() else {
        print("bientap-portal not found beside bientap-bench: build it in release first (make bench does)")
        exit(1)
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-bench-ledger-\(getpid())")
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        let month = "2025-06", site = "cong-tinh"
        let store = try await Store.open(.sqlite(path: path))
        try await Seeder.seedSample(into: store, now: Date(timeIntervalSince1970: 1_796_439_600))  // 2026-12-05
        try await Seeder.seedRoyaltyBulk(into: store, count: 100_000, month: month, site: site)
        let token = try await store.addUser(name: "ke-toan-bench", displayName: "Kế toán", grants: [Grant(role: .accountant, site: nil)])
        try await store.close()
        let server = try LocalPortal.serve(portalExecutable, database: "sqlite:" + path, files: directory)
        defer { server.process.terminate(); server.process.waitUntilExit() }
        let client = try AdminClient(baseURL: server.url, token: token)
        var state = AppState(language: .vi, portal: server.url, keymap: KeyBindings.load(userFile: nil).keymap, width: 120, height: 40)
        /// Runs the screen's loads as NewsroomApp does, on this thread; the last frame.
        func run(_ effects: [Effect]) -> Frame {
            var pending = effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                guard case .loadLedgerMonth(let site, let month) = effect else { continue }
                pending += state.handle(message: LedgerWork.month(client, site: site, month: month))
            }
            return state.render()
        }
        _ = run(state.handle(message: .meLoaded(try client.me())))
        var people = 0
        var samples: [Double] = []
        for iteration in 0..<23 {
            let start = now()
            var effects = state.handle(input: .key(.char("m")))
            for _ in 0..<10 { effects += state.handle(input: .key(.backspace)) }
            for c in "06/2025" { effects += state.handle(input: .key(.char(c))) }
            effects += state.handle(input: .key(.enter))
            let frame = run(effects)
            // The first three warm the server's and the database's caches up.
            if iteration >= 3 { samples.append(Double(now() - start)) }
            people = (0..<frame.height).contains { frame.rowText($0).contains("Tổng cộng 2000 người") } ? 2000 : 0
            // Away and back: each opening is read afresh.
            _ = run(state.handle(input: .key(.char("]"))))
        }
        samples.sort()
        guard people == 2000 else {
            print("ledger screen: the month's payment list was not drawn"); exit(1)
        }
        report("ledger screen: open a month of 100,000 lines (2,000 people), to a frame", samples, unit: "ms", scale: 1e6)
    } catch {
        print("ledger screen benchmark failed: \(error)")
        exit(1)
    }
}

// MARK: - Social posts dispatched per second, 1 and 4 server processes on PostgreSQL

if wants("social") {
    await runSocialDispatchBench()
}
