import CustomerModel
import Foundation
import Scoring
import Testing

/// What pandas, polars and DuckDB compute on a fixture (`/work/shared/peers/rfm_*.py`; the
/// three agree). The checksums weight each customer by its 1-based position in customer-id
/// order: Σ position × value, computed with polars.
struct RFMReference: Sendable, CustomStringConvertible {
    let file: String
    let rows: Int
    let asOf: String
    let customers: Int
    let sumRecency: Int
    let sumFrequency: Int
    let sumMonetaryMinorUnits: Int64
    let score555: Int
    let score111: Int
    let rHistogram: [Int]
    let fHistogram: [Int]
    let mHistogram: [Int]
    let codeChecksum: Int64
    let monetaryChecksum: Int64
    let recencyChecksum: Int64
    let frequencyChecksum: Int64
    var description: String { file }
}

@Suite("RFM against the reference tools")
struct RFMReferenceTests {
    static let references = [
        RFMReference(
            file: "tx_10k", rows: 52_303, asOf: "2025-01-01", customers: 10_000, sumRecency: 2_430_026,
            sumFrequency: 26_851, sumMonetaryMinorUnits: 208_542_845, score555: 513, score111: 584,
            rHistogram: [2_003, 2_003, 2_001, 2_001, 1_992], fHistogram: [4_705, 0, 2_046, 1_745, 1_504],
            mHistogram: [2_018, 1_982, 2_000, 2_000, 2_000],
            codeChecksum: 16_407_100_871, monetaryChecksum: 1_028_425_059_130, recencyChecksum: 12_143_756_086,
            frequencyChecksum: 132_763_096),
        RFMReference(
            file: "cdnow", rows: 67_591, asOf: "1998-07-01", customers: 23_570, sumRecency: 8_678_984,
            sumFrequency: 67_591, sumMonetaryMinorUnits: 250_031_563, score555: 2_340, score111: 1_740,
            rHistogram: [4_735, 4_712, 4_702, 4_720, 4_701], fHistogram: [12_054, 0, 4_040, 3_641, 3_835],
            mHistogram: [4_817, 4_615, 4_710, 4_715, 4_713],
            codeChecksum: 97_705_971_356, monetaryChecksum: 2_854_929_993_670, recencyChecksum: 99_971_567_005,
            frequencyChecksum: 775_942_580),
    ]

    static func snapshot(of file: String) throws -> (CustomerSnapshot, ImportReport) {
        let url = try #require(Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "Fixtures"))
        let bytes = [UInt8](try Data(contentsOf: url))
        return try SnapshotBuilder.build(csv: bytes)
    }

    @Test(arguments: references) func matchesTheReferenceTools(_ reference: RFMReference) throws {
        let (snapshot, report) = try Self.snapshot(of: reference.file)
        #expect(report == ImportReport(rowsRead: reference.rows, rowsKept: reference.rows))
        #expect(snapshot.customerCount == reference.customers)
        #expect(snapshot.orderCount == reference.sumFrequency)

        let result = try RFMAnalysis().run(on: snapshot)
        #expect(result.asOf == (try CalendarDay(iso: reference.asOf)))
        #expect(result.count == reference.customers)
        #expect(result.recencyDays.reduce(0) { $0 + Int($1) } == reference.sumRecency)
        #expect(result.recencyDays.allSatisfy { $0 >= 1 })
        #expect(result.frequency.reduce(0) { $0 + Int($1) } == reference.sumFrequency)
        #expect(try result.totalMonetary() == Money(minorUnits: reference.sumMonetaryMinorUnits, currency: .usd))
        #expect(result.count(r: 5, f: 5, m: 5) == reference.score555)
        #expect(result.count(r: 1, f: 1, m: 1) == reference.score111)
        #expect(result.histogram(\.r) == reference.rHistogram)
        #expect(result.histogram(\.f) == reference.fHistogram)
        #expect(result.histogram(\.m) == reference.mHistogram)

        // Per customer: weight each entry by its position in customer-id order.
        let ids = result.customers.map { snapshot.customerIDs[Int($0)] }
        var position = [Int](repeating: 0, count: ids.count)
        for (rank, entry) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { position[entry] = rank + 1 }
        func checksum(_ value: (Int) -> Int64) -> Int64 { ids.indices.reduce(0) { $0 + Int64(position[$1]) * value($1) } }
        #expect(checksum { Int64(result[$0].code) } == reference.codeChecksum)
        #expect(checksum { result.monetaryMinorUnits[$0] } == reference.monetaryChecksum)
        #expect(checksum { Int64(result.recencyDays[$0]) } == reference.recencyChecksum)
        #expect(checksum { Int64(result.frequency[$0]) } == reference.frequencyChecksum)
    }

    @Test(arguments: references) func anExplicitDefaultAsOfGivesTheSameScores(_ reference: RFMReference) throws {
        let (snapshot, _) = try Self.snapshot(of: reference.file)
        let implicit = try RFMAnalysis().run(on: snapshot)
        let explicit = try RFMAnalysis().run(on: snapshot, asOf: try CalendarDay(iso: reference.asOf))
        #expect(explicit.customers == implicit.customers)
        #expect(explicit.recencyDays == implicit.recencyDays)
        #expect(explicit.r == implicit.r && explicit.f == implicit.f && explicit.m == implicit.m)
        #expect(explicit.segments == implicit.segments)
        #expect(implicit.segmentCounts().reduce(0) { $0 + $1.customers } == reference.customers)
    }
}
