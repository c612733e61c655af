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
}
