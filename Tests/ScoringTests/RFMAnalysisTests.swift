import CustomerModel
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("RFM analysis")
struct RFMAnalysisTests {
    /// Six customers, as of 2024-07-01 (the day after the last order):
    ///
    /// | customer | recency | frequency | monetary | r | f | m |
    /// |---|---|---|---|---|---|---|
    /// | A | 1 | 2 | 15.00 | 4 | 3 | 1 |
    /// | B | 1 | 1 | 20.00 | 4 | 1 | 3 |
    /// | C | 10 | 2 | 15.00 | 2 | 3 | 1 |
    /// | D | 10 | 1 | 100.00 | 2 | 1 | 5 |
    /// | E | 122 | 3 | 3.00 | 1 | 5 | 1 |
    /// | F | 366 | 1 | 50.00 | 1 | 1 | 4 |
    ///
    /// With n = 6, `score = 1 + floor(5·(k − 1)/6)`: recency k = 5, 5, 3, 3, 2, 1; frequency
    /// k = 4, 1, 4, 1, 6, 1; monetary k = 2, 4, 2, 6, 1, 5. Nobody scores r = 5.
    static let csv = Array("""
        customer_id,order_id,date,item_id,quantity,amount
        A,O1,2024-06-30,I1,1,10.00
        B,O3,2024-06-30,I1,1,12.00
        A,O2,2024-06-01,I2,1,5.00
        C,O4,2024-06-21,I1,1,7.50
        B,O3,2024-06-30,I2,2,8.00
        D,O6,2024-06-21,I3,1,100.00
        E,O7,2024-01-01,I1,1,1.00
        C,O5,2024-03-01,I2,1,7.50
        E,O8,2024-02-01,I1,1,1.00
        F,O10,2023-07-01,I3,5,50.00
        E,O9,2024-03-01,I1,1,1
        """.utf8)

    static func snapshot() throws -> CustomerSnapshot {
        let (snapshot, report) = try SnapshotBuilder.build(csv: csv)
        try #require(report.rowsRejected == 0)
        return snapshot
    }

    static func rows(_ result: RFMResult) -> [String] {
        (0..<result.count).map { i in
            let e = result[i]
            return "\(e.customerIndex) \(e.recencyDays) \(e.frequency) \(e.monetary.minorUnits) \(e.r)\(e.f)\(e.m)"
        }
    }

    @Test func quintilesByRankWithTies() throws {
        let result = try RFMAnalysis().run(on: Self.snapshot())
        #expect(result.asOf == (try CalendarDay(iso: "2024-07-01")))
        #expect(result.currency == .usd)
        #expect(result.customers == [0, 1, 2, 3, 4, 5])
        #expect(Self.rows(result) == [
            "0 1 2 1500 431", "1 1 1 2000 413", "2 10 2 1500 231", "3 10 1 10000 215", "4 122 3 300 151", "5 366 1 5000 114",
        ])
        #expect(result.histogram(\.r) == [2, 2, 0, 2, 0])
        #expect(result.histogram(\.f) == [3, 0, 2, 0, 1])
        #expect(result.histogram(\.m) == [3, 0, 1, 1, 1])
        #expect(result.count(r: 4, f: 3, m: 1) == 1 && result.count(r: 5, f: 5, m: 5) == 0)
        #expect(try result.totalMonetary() == Money(minorUnits: 20_300, currency: .usd))
        #expect(result[0].code == 431)
        #expect(result.segments == [.potentialLoyalist, .potentialLoyalist, .aboutToSleep, .atRisk, .atRisk, .atRisk])
        #expect(result[3].segment == .atRisk)
        #expect(result.count(of: .atRisk) == 3)
        let counts = result.segmentCounts()
        #expect(counts.map(\.segment) == RFMSegment.allCases)
        #expect(counts.first { $0.segment == .potentialLoyalist }?.customers == 2)
        #expect(counts.reduce(0) { $0 + $1.customers } == 6)
    }

    @Test func anExplicitAsOfExcludesLaterOrders() throws {
        // Orders on or after 2024-06-21 do not count; B and D have none before it.
        let result = try RFMAnalysis().run(on: Self.snapshot(), asOf: try CalendarDay(iso: "2024-06-21"))
        #expect(result.asOf.description == "2024-06-21")
        #expect(Self.rows(result) == ["0 20 1 500 412", "2 112 1 750 213", "4 112 3 300 241", "5 356 1 5000 114"])
    }

    @Test func otherTileCounts() throws {
        // score = 1 + floor(3·(k − 1)/6) with the same k as above.
        let result = try RFMAnalysis(method: .quantiles(tiles: 3)).run(on: Self.snapshot())
        #expect(result.r == [3, 3, 2, 2, 1, 1])
        #expect(result.f == [2, 1, 2, 1, 3, 1])
        #expect(result.m == [1, 2, 1, 3, 1, 3])
        #expect(result.segments.isEmpty)
        #expect(result[0].segment == nil)
        #expect(result.histogram(\.r, maximum: 3) == [2, 2, 2])
    }

    @Test func thresholds() throws {
        let cuts = RFMThresholds(recencyDays: [1, 10, 122, 365], frequency: [1, 2, 3, 4], monetaryMinorUnits: [300, 1_500, 2_000, 10_000])
        let result = try RFMAnalysis(method: .thresholds(cuts)).run(on: Self.snapshot())
        // Recency: at most 1 day → 5, at most 10 → 4, at most 122 → 3, at most 365 → 2, else 1.
        #expect(result.r == [5, 5, 4, 4, 3, 1])
        // Frequency and monetary: 1 + the number of cut-points reached.
        #expect(result.f == [3, 2, 3, 2, 4, 2])
        #expect(result.m == [3, 4, 3, 5, 2, 4])
        #expect(result.segments == [.potentialLoyalist, .potentialLoyalist, .potentialLoyalist, .loyal, .needAttention, .atRisk])
        #expect(RFMScoringMethod.thresholds(cuts).maximumScore == 5)
    }

    @Test(arguments: [
        RFMThresholds(recencyDays: [30, 7, 90, 180], frequency: [2, 3, 4, 5], monetaryMinorUnits: [1, 2, 3, 4]),
        RFMThresholds(recencyDays: [7, 30, 90, 180], frequency: [2, 2, 4, 5], monetaryMinorUnits: [1, 2, 3, 4]),
        RFMThresholds(recencyDays: [7, 30, 90, 180], frequency: [2, 3, 4, 5], monetaryMinorUnits: [4, 3, 2, 1]),
        RFMThresholds(recencyDays: [7, 30, 90], frequency: [2, 3, 4, 5], monetaryMinorUnits: [1, 2, 3, 4]),
        RFMThresholds(recencyDays: [7, 30, 90, 180], frequency: [2, 3, 4, 5], monetaryMinorUnits: [1, 2, 3]),
        RFMThresholds(recencyDays: [], frequency: [], monetaryMinorUnits: []),
    ])
    func invalidThresholdsAreTypedErrors(_ cuts: RFMThresholds) throws {
        let snapshot = try Self.snapshot()
        let error = #expect(throws: ScoringError.self) { try RFMAnalysis(method: .thresholds(cuts)).run(on: snapshot) }
        #expect(error?.code == .invalidParameter)
    }

    @Test(arguments: [-1, 0, 1, 101])
    func invalidTilesAreTypedErrors(_ tiles: Int) throws {
        let snapshot = try Self.snapshot()
        let error = #expect(throws: ScoringError.self) { try RFMAnalysis(method: .quantiles(tiles: tiles)).run(on: snapshot) }
        #expect(error?.code == .invalidParameter)
    }

    @Test func degenerateInputsAreTypedErrors() throws {
        let (empty, _) = try SnapshotBuilder.build(csv: Array("customer_id,order_id,date,item_id,quantity,amount\n".utf8))
        let noOrders = #expect(throws: ScoringError.self) { try RFMAnalysis().run(on: empty) }
        #expect(noOrders?.code == .degenerateInput)
        let snapshot = try Self.snapshot()
        let tooEarly = #expect(throws: ScoringError.self) { try RFMAnalysis().run(on: snapshot, asOf: try CalendarDay(iso: "2023-07-01")) }
        #expect(tooEarly?.code == .degenerateInput)
    }

    // MARK: Segments

    /// The map documented in RFMSegment.swift, rows r = 5 down to 1, columns FM = 1 to 5.
    static let documentedGrid: [[RFMSegment]] = [
        [.new, .promising, .potentialLoyalist, .champions, .champions],
        [.promising, .potentialLoyalist, .potentialLoyalist, .loyal, .champions],
        [.aboutToSleep, .needAttention, .needAttention, .loyal, .loyal],
        [.hibernating, .aboutToSleep, .atRisk, .atRisk, .cannotLoseThem],
        [.lost, .hibernating, .atRisk, .cannotLoseThem, .cannotLoseThem],
    ]

    @Test(arguments: 1...5, 1...5)
    func standardSegmentGrid(_ r: Int, _ fm: Int) {
        let expected = Self.documentedGrid[5 - r][fm - 1]
        #expect(RFMSegmentMap.standard.segment(r: r, f: fm, m: fm) == expected)
        #expect(RFMSegmentMap.standard.grid[r - 1][fm - 1] == expected)
    }

    @Test func fmIsTheMeanRoundedHalfUp() {
        let map = RFMSegmentMap.standard
        #expect(map.segment(r: 5, f: 1, m: 2) == .promising)  // fm 2
        #expect(map.segment(r: 5, f: 2, m: 3) == .potentialLoyalist)  // fm 3
        #expect(map.segment(r: 5, f: 3, m: 4) == .champions)  // fm 4
        #expect(map.segment(r: 1, f: 1, m: 5) == .atRisk)  // fm 3
        #expect(RFMSegment.cannotLoseThem.description == "Cannot lose them")
        #expect(RFMSegment.allCases.count == 11)
    }

    @Test func customSegmentMap() throws {
        var grid = [[RFMSegment]](repeating: [RFMSegment](repeating: .lost, count: 5), count: 5)
        grid[3][1] = .champions  // r = 4, fm = 2
        let map = try RFMSegmentMap(grid: grid)
        let result = try RFMAnalysis(segmentMap: map).run(on: Self.snapshot())
        #expect(result.segments == [.champions, .champions, .lost, .lost, .lost, .lost])
        let badGrid = #expect(throws: ScoringError.self) { try RFMSegmentMap(grid: Array(grid.prefix(4))) }
        #expect(badGrid?.code == .invalidParameter)
        let ragged = #expect(throws: ScoringError.self) { try RFMSegmentMap(grid: grid.map { Array($0.prefix(4)) }) }
        #expect(ragged?.code == .invalidParameter)
        let snapshot = try Self.snapshot()
        let tiles = #expect(throws: ScoringError.self) { try RFMAnalysis(method: .quantiles(tiles: 4), segmentMap: map).run(on: snapshot) }
        #expect(tiles?.code == .invalidParameter)
    }

    /// Scores on generated data agree with the formula computed the slow way.
    @Test(arguments: [5, 7]) func scoresFollowTheFormula(_ tiles: Int) throws {
        let dataset = try SyntheticDataGenerator(configuration: .init(
            customers: 400, seed: 3, includesProfiles: false, includesInteractions: false)).generate()
        let (snapshot, _) = try SnapshotBuilder.build(csv: dataset.transactionsCSV())
        let result = try RFMAnalysis(method: .quantiles(tiles: tiles)).run(on: snapshot)
        let n = result.count
        #expect(n == 400)
        func expected(_ better: [Int64]) -> [UInt8] {
            better.map { v in UInt8(1 + tiles * better.filter { $0 < v }.count / n) }
        }
        #expect(result.r == expected(result.recencyDays.map { -Int64($0) }))
        #expect(result.f == expected(result.frequency.map(Int64.init)))
        #expect(result.m == expected(result.monetaryMinorUnits))
    }
}
