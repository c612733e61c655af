/// How the credit for a referred customer's first order is shared among the referrers up
/// the chain.
///
/// For a converted customer whose referrers are p₁ (direct), p₂ (p₁'s referrer), … :
/// - ``directReferrer``: p₁ gets all of it.
/// - ``geometric(ratio:maxDepth:)``: with L = min(maxDepth, chain length) levels, level k
///   gets wₖ = r^(k-1) / Σⱼ₌₁…L r^(j-1), so the shares sum to 1 (r = 0.5, L = 3 gives 4/7,
///   2/7, 1/7).
///
/// Codable as `{"directReferrer": {}}` or `{"geometric": {"ratio": 0.5, "maxDepth": 3}}`.
public enum ChainCreditRule: Hashable, Sendable, Codable {
    /// 100 % to the direct referrer.
    case directReferrer
    /// A geometric split up the chain with ratio `ratio` in (0, 1] over at most `maxDepth` levels.
    case geometric(ratio: Double, maxDepth: Int)

    /// Checks the parameters.
    /// - Throws: ``SocialError`` `.invalidParameter` for a ratio outside (0, 1] or a depth below 1.
    public func validate() throws(SocialError) {
        guard case .geometric(let ratio, let maxDepth) = self else { return }
        guard ratio.isFinite, ratio > 0, ratio <= 1 else {
            throw SocialError(.invalidParameter, "geometric credit ratio \(ratio) must be in (0, 1]")
        }
        guard maxDepth >= 1 else {
            throw SocialError(.invalidParameter, "geometric credit maxDepth \(maxDepth) must be at least 1")
        }
    }

    /// The shares of levels 1…L for a chain of `levels` referrers (after the depth limit).
    func shares(levels available: Int) -> [Double] {
        switch self {
        case .directReferrer:
            return available > 0 ? [1] : []
        case .geometric(let ratio, let maxDepth):
            let levels = min(available, maxDepth)
            guard levels > 0 else { return [] }
            var weights = [Double](repeating: 1, count: levels)
            for k in 1..<levels { weights[k] = weights[k - 1] * ratio }
            let total = weights.reduce(0, +)
            return weights.map { $0 / total }
        }
    }

    /// The deepest level that receives credit.
    var depthLimit: Int {
        switch self {
        case .directReferrer: return 1
        case .geometric(_, let maxDepth): return maxDepth
        }
    }
}
