#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Offline accuracy and diversity of a recommender's top-k lists on a ``TemporalSplit``.
///
/// Over the evaluated customers U (training purchases and held-out items), with R_u the first
/// k recommendations of u and T_u the held-out items:
/// - precision@k = mean |R_u ∩ T_u| / k;  recall@k = mean |R_u ∩ T_u| / |T_u|
/// - MAP@k = mean Σ_{n ≤ k, R_u[n] ∈ T_u} precision@n / min(|T_u|, k)
/// - NDCG@k = mean Σ_{hits at n} 1/log₂(n+1) / Σ_{n=1…min(|T_u|, k)} 1/log₂(n+1)
/// - hit rate = share of U with at least one hit
/// - coverage = distinct items recommended to U / items in the catalogue
/// - novelty = mean over recommended items of −log₂(share of training customers who bought
///   the item); an item no training customer bought counts as bought by one.
public struct RecommendationMetrics: Sendable, Hashable, Codable {
    /// The list length judged.
    public let k: Int
    /// Number of evaluated customers.
    public let customers: Int
    /// Mean precision@k.
    public let precision: Double
    /// Mean recall@k.
    public let recall: Double
    /// Mean average precision at k.
    public let meanAveragePrecision: Double
    /// Mean normalised discounted cumulative gain at k.
    public let ndcg: Double
    /// Share of customers with at least one hit.
    public let hitRate: Double
    /// Share of the catalogue recommended to someone.
    public let coverage: Double
    /// Mean self-information of the recommended items, in bits.
    public let novelty: Double

    /// Judges `recommendations` (one row per customer of `split.training`) at `k`.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when k < 1, the rows do not match
    ///   the split's customers, or no customer can be evaluated.
    /// - Complexity: O(customers · k · held-out items).
    public init(evaluating recommendations: ItemRecommendations, on split: TemporalSplit, k: Int) throws(RecommendationError) {
        guard k >= 1 else { throw RecommendationError(.invalidParameter, "k must be at least 1, not \(k)") }
        let training = split.training
        guard recommendations.customerCount == training.customerCount else {
            throw RecommendationError(
                .invalidParameter,
                "the recommendations have \(recommendations.customerCount) rows, the split \(training.customerCount) customers")
        }
        let evaluated = split.evaluatedCustomers
        guard !evaluated.isEmpty else {
            throw RecommendationError(.invalidParameter, "no customer has both training purchases and held-out items at \(split.splitDay)")
        }
        var buyers = [Int](repeating: 0, count: training.itemCount)
        var trainingCustomers = 0
        for u in 0..<training.customerCount where training.rowOffsets[u + 1] > training.rowOffsets[u] {
            trainingCustomers += 1
            for item in training.items(ofCustomer: u) { buyers[Int(item)] += 1 }
        }
        var recommended = [Bool](repeating: false, count: training.itemCount)
        var sums = (precision: 0.0, recall: 0.0, ap: 0.0, ndcg: 0.0, hits: 0, novelty: 0.0, listed: 0)
        for u in evaluated {
            let truth = split.heldOut(ofCustomer: u)
            let list = recommendations.items(forCustomer: u).prefix(k)
            var hits = 0
            var precisionSum = 0.0
            var gain = 0.0
            for (n, item) in list.enumerated() {
                recommended[Int(item)] = true
                sums.novelty -= log2(Double(max(buyers[Int(item)], 1)) / Double(trainingCustomers))
                sums.listed += 1
                guard truth.contains(item) else { continue }
                hits += 1
                precisionSum += Double(hits) / Double(n + 1)
                gain += 1 / log2(Double(n + 2))
            }
            var ideal = 0.0
            for n in 0..<min(truth.count, k) { ideal += 1 / log2(Double(n + 2)) }
            sums.precision += Double(hits) / Double(k)
            sums.recall += Double(hits) / Double(truth.count)
            sums.ap += precisionSum / Double(min(truth.count, k))
            sums.ndcg += gain / ideal
            if hits > 0 { sums.hits += 1 }
        }
        let n = Double(evaluated.count)
        self.k = k
        self.customers = evaluated.count
        self.precision = sums.precision / n
        self.recall = sums.recall / n
        self.meanAveragePrecision = sums.ap / n
        self.ndcg = sums.ndcg / n
        self.hitRate = Double(sums.hits) / n
        self.coverage = training.itemCount == 0 ? 0 : Double(recommended.filter { $0 }.count) / Double(training.itemCount)
        self.novelty = sums.listed == 0 ? 0 : sums.novelty / Double(sums.listed)
    }
}
