import CustomerModel
import Foundation
import Scoring
import Testing

@testable import Segmentation

@Suite("RFM features for clustering")
struct FeatureRFMTests {
    @Test("raw and log(1 + x) RFM features, in a chosen order")
    func features() throws {
        let csv = """
            customer_id,order_id,date,item_id,quantity,amount
            b,o3,2024-01-03,i1,2,100.00
            a,o1,2024-01-01,i1,1,10.00
            a,o2,2024-01-05,i2,1,5.50

            """
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        let rfm = try RFMAnalysis().run(on: snapshot)  // as of 2024-01-06
        // Snapshot order is first appearance: b, then a.
        let raw = try RFMFeatures.raw(rfm)
        #expect(raw.values == [3, 1, 100, 1, 2, 15.5])
        let byID = try RFMFeatures.raw(rfm, order: [1, 0])
        #expect(byID.values == [1, 2, 15.5, 3, 1, 100])
        let logs = try RFMFeatures.logarithmic(rfm, order: [1, 0])
        let expected: [Double] = [1, 2, 15.5, 3, 1, 100].map { log1p($0) }
        #expect(logs.values == expected)
        #expect(RFMFeatures.names == ["recency_days", "frequency", "monetary"])
        #expect(throws: ClusteringError.self) { try RFMFeatures.raw(rfm, order: [2]) }
    }
}
