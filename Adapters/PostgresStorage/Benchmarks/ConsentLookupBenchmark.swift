#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PostgresStorage
import PrecisionMarketingTesting
import Privacy

/// Stores consent records of 1,000,000 customers (two each: an email grant and a profiling
/// objection), then times 20,000 look-ups of one random customer's history, one at a time.
enum ConsentLookupBenchmark {
    static let customers = 1_000_000
    static let lookups = 20_000

    static func run(_ client: PostgresStorageClient) async throws {
        let schema = try await freshSchema(client, "bench_consent")
        let store = PostgresConsentStore(client: client, schema: schema)
        let epoch = Date(timeIntervalSince1970: 1_700_000_000)
        let (_, load) = try await measure {
            for start in stride(from: 0, to: customers, by: 25_000) {
                var batch: [ConsentRecord] = []
                for n in start..<(start + 25_000) {
                    let at = epoch.addingTimeInterval(Double(n))
                    batch.append(ConsentRecord(id: ConsentRecordID("g-\(n)"), customerID: CustomerID("c-\(n)"), purpose: .marketing,
                                               channel: .email, decision: .granted, recordedAt: at, method: .doubleOptIn, noticeVersion: "v3"))
                    batch.append(ConsentRecord(id: ConsentRecordID("p-\(n)"), customerID: CustomerID("c-\(n)"), purpose: .profiling,
                                               decision: .objected, recordedAt: at.addingTimeInterval(60), method: .preferenceCentre))
                }
                try await store.append(batch)
            }
        }
        report("consent: stored \(try await store.count()) records of \(customers) customers in \(seconds(load))")
        var random = SeededGenerator(seed: 42)
        // Warm the pool's connections and the index pages first.
        for _ in 0..<2_000 { _ = try await store.history(for: CustomerID("c-\(Int.random(in: 0..<customers, using: &random))")) }
        var latencies: [Double] = []
        latencies.reserveCapacity(lookups)
        for _ in 0..<lookups {
            let customer = CustomerID("c-\(Int.random(in: 0..<customers, using: &random))")
            let (history, elapsed) = try await measure { try await store.history(for: customer) }
            guard history.count == 2, history[0].decision == .granted else {
                throw StoreError(.unavailable, "customer \(customer) has \(history.count) consent records, expected 2")
            }
            latencies.append(elapsed)
        }
        latencies.sort()
        func percentile(_ p: Double) -> String { String(format: "%.3f ms", latencies[min(latencies.count - 1, Int(p * Double(latencies.count)))] * 1e3) }
        report("consent: \(lookups) look-ups of one customer's history: p50 \(percentile(0.5)), p99 \(percentile(0.99)), "
              + "max \(String(format: "%.3f ms", latencies[latencies.count - 1] * 1e3)) (target p99 < 1 ms)")
        try await client.dropSchema(schema)
    }
}
