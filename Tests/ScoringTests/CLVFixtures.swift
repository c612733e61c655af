import Foundation
import Scoring
import Testing

/// The lifetimes data sets copied from `/work/shared/data/`.
enum CLVFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    /// The 2,357-customer CDNOW sample (weeks), with monetary values.
    static func sample() throws -> CustomerSummary {
        let (summary, report) = try CustomerSummary.parse(
            csv: bytes("cdnow_customers_summary_with_transactions"), unit: .week)
        #expect(report.rowsRejected == 0)
        return summary
    }
}
