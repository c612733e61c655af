// Privacy benchmarks (`precision-benchmarks --privacy`), release build only:
//   hmac       HMAC-SHA-256 throughput over one 64 MiB message, one core (target >= 200 MB/s)
//   sha256     SHA-256 throughput over the same message
//   pseudonyms keyed pseudonyms of 1,000,000 customer ids, one core
// Best of 3 runs each; the machine is shared, so numbers are noisy.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PrecisionMarketing

/// CPU seconds used by the calling thread: on a shared machine, throughput per core is
/// bytes over this, not over wall time.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func runPrivacyBenchmarks() {
    let clock = ContinuousClock()
    let size = 64 << 20
    var message = [UInt8](repeating: 0, count: size)
    for index in 0..<size { message[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 13) }
    let mac = HMACSHA256(key: Array("benchmark-key-0123456789abcdef".utf8))
    var bestMAC = Double.infinity, bestHash = Double.infinity, bestMACCPU = Double.infinity
    var check = ""
    for _ in 0..<3 {
        let t0 = clock.now
        let c0 = threadCPUSeconds()
        let digest = message.withUnsafeBytes { mac.authenticationCode(for: $0) }
        let c1 = threadCPUSeconds()
        let t1 = clock.now
        let plain = message.withUnsafeBytes { SHA256.hash($0) }
        let t2 = clock.now
        bestMAC = min(bestMAC, seconds(t1 - t0))
        bestMACCPU = min(bestMACCPU, c1 - c0)
        bestHash = min(bestHash, seconds(t2 - t1))
        check = String(digest.hex.prefix(16)) + " " + String(plain.hex.prefix(16))
    }
    let megabytes = Double(size) / 1e6
    print("privacy: hmac-sha256=\(Int(megabytes / bestMAC)) MB/s wall, \(Int(megabytes / bestMACCPU)) MB/s per CPU-second; "
          + "sha256=\(Int(megabytes / bestHash)) MB/s wall (64 MiB, one thread) digests=\(check)")

    let ids = (0..<1_000_000).map { CustomerID("customer-\($0)") }
    var bestPseudonyms = Double.infinity
    var sample = ""
    for _ in 0..<3 {
        guard let pseudonymizer = try? Pseudonymizer(key: Array("benchmark-key-0123456789abcdef".utf8)) else { return }
        let t0 = clock.now
        var last = CustomerID("")
        for id in ids { last = pseudonymizer.pseudonym(for: id) }
        bestPseudonyms = min(bestPseudonyms, seconds(clock.now - t0))
        sample = String(last.rawValue.prefix(16))
    }
    print("privacy: pseudonyms for 1,000,000 ids=\(format3(bestPseudonyms))s (one core) last=\(sample)")
    runAudienceScreenBenchmark()
}

/// Consent and contact policy for an audience of 1,000,000 customers: building the
/// columns from the stores' records, then screening (target: screening < 0.5 s).
func runAudienceScreenBenchmark() {
    let clock = ContinuousClock()
    let count = 1_000_000
    let now = Date(timeIntervalSince1970: 1_709_737_200)
    var rng = SplitMix(state: 42)
    let customers = (0..<count).map { CustomerID("c\($0)") }
    var contacts: [ContactRecord] = []
    contacts.reserveCapacity(count * 3)
    var consents: [ConsentRecord] = []
    consents.reserveCapacity(count)
    let channels: [Channel] = [.email, .sms, .appPush]
    for (index, id) in customers.enumerated() {
        for m in 0..<Int(rng.next() % 6) {
            contacts.append(ContactRecord(id: ContactRecordID("\(index)-\(m)"), customerID: id, channel: channels[Int(rng.next() % 3)],
                                          sentAt: now.addingTimeInterval(-Double(rng.next() % (30 * 86_400))),
                                          respondedAt: rng.next() % 2 == 0 ? now.addingTimeInterval(-60) : nil))
        }
        if index % 4 != 0 {
            consents.append(ConsentRecord(id: ConsentRecordID("k\(index)"), customerID: id, purpose: .marketing, channel: .email,
                                          decision: index % 9 == 0 ? .withdrawn : .granted,
                                          recordedAt: now.addingTimeInterval(-86_400 * 40), method: .doubleOptIn))
        }
    }
    let zones: [TimeZone?] = customers.indices.map { [TimeZone(identifier: "Asia/Shanghai"), TimeZone(identifier: "Europe/Berlin"), nil][$0 % 3] }
    guard let policy = try? ContactPolicy(caps: [.perDays(7, limit: 3), .perDays(2, limit: 1, channel: .email)], minimumGapSeconds: 86_400,
                                          quietHours: QuietHours(fromHour: 21, toHour: 8), fatigue: FatigueRule(unansweredLimit: 3, windowSeconds: 21 * 86_400))
    else { return }
    let audience = (0..<Int32(count)).map { $0 }
    var bestMatrix = Double.infinity, bestColumns = Double.infinity, bestScreen = Double.infinity
    var line = ""
    for _ in 0..<3 {
        do {
            let t0 = clock.now
            let matrix = try ConsentMatrix(customerIDs: customers, history: consents, registry: .standard, keys: [(.marketing, .email)], asOf: now)
            let t1 = clock.now
            let columns = try ContactColumns(customerIDs: customers, contacts: contacts, timeZones: zones)
            let t2 = clock.now
            let result = try AudienceScreen.screen(audience, channel: .email, at: now, policy: policy, contacts: columns, consent: matrix)
            let t3 = clock.now
            bestMatrix = min(bestMatrix, seconds(t1 - t0))
            bestColumns = min(bestColumns, seconds(t2 - t1))
            bestScreen = min(bestScreen, seconds(t3 - t2))
            line = "allowed=\(result.allowed.count) suppressed=\(result.suppressed.count) reasons=\(result.reasonCounts.sorted { $0.key < $1.key })"
        } catch {
            print("privacy: audience screen failed: \(error)")
            return
        }
    }
    print("privacy: audience of 1,000,000 (\(contacts.count) contacts, \(consents.count) consent records): "
          + "screen=\(format3(bestScreen))s consent-matrix build=\(format3(bestMatrix))s contact-columns build=\(format3(bestColumns))s")
    print("privacy: \(line)")
}

/// A tiny seeded generator for benchmark data (SplitMix64).
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
