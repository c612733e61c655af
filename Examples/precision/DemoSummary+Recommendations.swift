import PrecisionMarketing

extension DemoSummary {
    /// A customer's recommendations with where each came from.
    struct RecommendationSummary: Encodable {
        struct Item: Encodable {
            var item: String
            var score: Double
            var because: [String]
        }

        var customerID: String
        var bought: Int
        var items: [Item]

        /// Item-item CF (50 neighbours) for the first `customers` customers with at least three
        /// distinct items, top 5 each, with the two bought items that contribute most.
        static func evaluate(_ snapshot: CustomerSnapshot, customers: Int = 3) throws -> [RecommendationSummary] {
            let recommender = try ItemItemRecommender(snapshot: snapshot, neighborCount: 50)
            var out: [RecommendationSummary] = []
            for c in 0..<snapshot.customerCount where out.count < customers {
                var items = Set<Int32>()
                for o in snapshot.orders(ofCustomer: c) {
                    for l in snapshot.lines(ofOrder: o) { items.insert(snapshot.lineItems[l]) }
                }
                guard items.count >= 3 else { continue }
                let explained = try recommender.explainedRecommendations(forCustomer: c, count: 5)
                out.append(RecommendationSummary(
                    customerID: snapshot.customerID(at: c).rawValue, bought: items.count,
                    items: explained.map { entry in
                        var because: [String] = []
                        if case .collaborativeFiltering(let contributors) = entry.source {
                            because = contributors.prefix(2).map { snapshot.itemID(at: Int($0.item)).rawValue }
                        }
                        return Item(
                            item: snapshot.itemID(at: Int(entry.item)).rawValue,
                            score: DemoNumber.rounded(entry.score, decimals: 4), because: because)
                    }))
            }
            return out
        }
    }

    /// The recommendation lists, as text.
    func appendRecommendations(to out: inout ByteOutput) {
        out.append("\nRecommendations (item-item CF, 50 neighbours; bought items excluded):\n")
        for customer in recommendations {
            out.append("  \(customer.customerID) (\(customer.bought) items bought):\n")
            for item in customer.items {
                out.append("    \(item.item)  score \(DemoNumber.fixed(item.score, decimals: 3))")
                if !item.because.isEmpty { out.append("  because of " + item.because.joined(separator: ", ")) }
                out.append("\n")
            }
        }
    }
}
