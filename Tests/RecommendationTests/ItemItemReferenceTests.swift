import CustomerModel
import PrecisionMarketingTesting
import Recommendation
import Testing

/// Item-item CF against implicit 0.7.3 `CosineRecommender(K=50)` and its numpy check with
/// the same K=50 truncation (ties by lower item index) on tx_10k.csv, for the first 1,000
/// customers in id order (../shared/peers/itemitem_implicit.py; Fixtures/make_references.py).
@Suite("Item-item CF against the reference tools")
struct ItemItemReferenceTests {
    struct Expected {
        var items: [String]
        var scores: [Double]
    }

    @Test func matchesImplicitAndTheNumpyCheck() throws {
        let snapshot = try #require(Fixture.tx10k)
        let model = try ItemItemRecommender(snapshot: snapshot, neighborCount: 50)
        #expect(model.matrix.customerCount == 10_000)
        #expect(model.neighbors.entryCount == 81_452)  // implicit's similarity.nnz
        let all = try model.recommendAll(count: 10)

        var implicit: [String: Expected] = [:]
        var numpy: [String: Expected] = [:]
        for row in try Fixture.rows("itemitem_tx_10k") {
            let expected = Expected(
                items: row[2].split(separator: ";").map(String.init),
                scores: row[3].split(separator: ";").compactMap { Double($0) })
            if row[1] == "implicit" { implicit[String(row[0])] = expected } else { numpy[String(row[0])] = expected }
        }
        #expect(implicit.count == 1_000 && numpy.count == 1_000)
        let customerIndex = snapshot.makeCustomerIndex()
        var sameAsNumpy = 0
        var sameItemsAsImplicit = 0
        var sameScoresAsImplicit = 0
        for (id, reference) in numpy {
            let u = try #require(customerIndex[CustomerID(id)])
            let found = all.recommendations(forCustomer: u)
            let items = found.map { snapshot.itemIDs[Int($0.item)] }
            // The numpy check's scores, position by position.
            #expect(isApproximatelyEqual(found.map(\.score), reference.scores, absoluteTolerance: 1e-12), "\(id)")
            let other = try #require(implicit[id])
            if isApproximatelyEqual(found.map(\.score), other.scores, absoluteTolerance: 1e-12) { sameScoresAsImplicit += 1 }
            if items == reference.items { sameAsNumpy += 1 }
            if items == other.items { sameItemsAsImplicit += 1 }
            // Where the lists differ, only items of equal score (to 1e-12: numpy's sums carry
            // rounding noise that this library's exact integer dot products do not) swap places,
            // or an item tied with the last one takes its place.
            for (k, item) in items.enumerated() where item != reference.items[k] {
                let score = found[k].score
                let tiedInReference = reference.items.indices.contains {
                    reference.items[$0] == item && abs(reference.scores[$0] - score) < 1e-12
                }
                let tiedAtTheCut = abs((reference.scores.last ?? -1) - score) < 1e-12
                #expect(tiedInReference || tiedAtTheCut, "\(id): \(item) at \(k)")
            }
        }
        // The numpy check breaks ties by lower item index, as this library does; the rest
        // differ only among near-equal scores (checked above).
        #expect(sameAsNumpy >= 987)
        // implicit breaks ties its own way, also at the K-th neighbour, which changes some
        // scores (the peers' README: 967 of 1,000 agree with numpy).
        #expect(sameScoresAsImplicit == 967)
        #expect(sameItemsAsImplicit >= 857)
    }
}
