/// How well predicted uplift ranks customers: the Qini and uplift curves, their normalised
/// areas, and the observed uplift by decile.
///
/// Customers are sorted by predicted uplift, highest first; curve points are taken where the
/// prediction changes (ties move together), as scikit-uplift 0.5 does. With n_t, n_c the
/// treated and control customers among the first k, and y_t, y_c their responders:
///
///     Qini(k)   = y_t − y_c · n_t / n_c                     (0 when n_c = 0)
///     uplift(k) = (y_t / n_t − y_c / n_c) · (n_t + n_c)     (a missing rate counts as 0)
///
/// The Qini coefficient and the AUUC are the areas (trapezoids) between each curve and the
/// straight line from the origin to its end, divided by the same area of the perfect
/// ranking (scikit-uplift's `qini_auc_score` with negative effects allowed, and
/// `uplift_auc_score`): 1 is perfect, 0 is random, negative is worse than random.
public struct UpliftEvaluation: Sendable, Hashable, Codable {
    /// A point of a curve: customers targeted and the curve's value.
    public struct Point: Sendable, Hashable, Codable {
        /// Customers targeted (the first k by predicted uplift).
        public var targeted: Int
        /// The curve's value there.
        public var value: Double
    }

    /// A bin of customers by predicted uplift.
    public struct Decile: Sendable, Hashable, Codable {
        /// Treated customers in the bin.
        public var treated: Int
        /// Control customers in the bin.
        public var control: Int
        /// Response rate of the treated (nil without treated).
        public var treatedRate: Double?
        /// Response rate of the control (nil without control).
        public var controlRate: Double?
        /// treatedRate − controlRate, when both exist.
        public var observedUplift: Double? {
            guard let t = treatedRate, let c = controlRate else { return nil }
            return t - c
        }
    }

    /// The Qini curve.
    public let qiniCurve: [Point]
    /// The uplift curve.
    public let upliftCurve: [Point]
    /// The normalised area under the Qini curve (the Qini coefficient).
    public let qiniCoefficient: Double
    /// The normalised area under the uplift curve (AUUC).
    public let areaUnderUpliftCurve: Double
    /// Ten bins by predicted uplift, highest first (sizes differ by at most one).
    public let deciles: [Decile]

    /// Evaluates `predictedUplift` against what happened.
    /// - Parameters:
    ///   - predictedUplift: the model's uplift per customer.
    ///   - responded: whether each customer responded.
    ///   - treated: whether each customer was treated (contacted) or in the control group.
    /// - Throws: ``CampaignError`` `.invalidParameter` for different lengths or a non-finite
    ///   prediction; `.degenerateInput` without both treated and control customers.
    /// - Complexity: O(n log n).
    public init(predictedUplift: [Double], responded: [Bool], treated: [Bool]) throws(CampaignError) {
        let n = predictedUplift.count
        guard responded.count == n, treated.count == n else {
            throw CampaignError(.invalidParameter, "\(n) predictions, \(responded.count) outcomes and \(treated.count) treatment flags")
        }
        guard predictedUplift.allSatisfy(\.isFinite) else {
            throw CampaignError(.invalidParameter, "predicted uplift must be finite")
        }
        guard treated.contains(true), treated.contains(false) else {
            throw CampaignError(.degenerateInput, "uplift needs both treated and control customers")
        }
        qiniCurve = Self.curve(predictedUplift, responded, treated, kind: .qini)
        upliftCurve = Self.curve(predictedUplift, responded, treated, kind: .uplift)
        // Perfect rankings: for Qini, treated responders first and control responders last;
        // for uplift, scikit-uplift's 2·[y = t] + (y or t).
        let qiniPerfect = Self.curve(
            responded.indices.map { i in responded[i] ? (treated[i] ? 1 : -1) : 0 }, responded, treated, kind: .qini)
        let controlResponders = responded.indices.filter { responded[$0] && !treated[$0] }.count
        let treatedNonResponders = responded.indices.filter { !responded[$0] && treated[$0] }.count
        let upliftPerfect = Self.curve(
            responded.indices.map { i in
                2 * (responded[i] == treated[i] ? 1 : 0)
                    + ((controlResponders > treatedNonResponders ? responded[i] : treated[i]) ? 1 : 0)
            }.map(Double.init), responded, treated, kind: .uplift)
        qiniCoefficient = Self.normalisedArea(qiniCurve, perfect: qiniPerfect)
        areaUnderUpliftCurve = Self.normalisedArea(upliftCurve, perfect: upliftPerfect)

        let order = Self.descending(predictedUplift)
        var bins: [Decile] = []
        for b in 0..<10 {
            // numpy.array_split: the first n mod 10 bins get one more.
            let size = n / 10 + (b < n % 10 ? 1 : 0)
            let start = b * (n / 10) + min(b, n % 10)
            var t = 0, c = 0, yt = 0, yc = 0
            for i in order[start..<(start + size)] {
                if treated[i] {
                    t += 1
                    if responded[i] { yt += 1 }
                } else {
                    c += 1
                    if responded[i] { yc += 1 }
                }
            }
            bins.append(Decile(
                treated: t, control: c, treatedRate: t > 0 ? Double(yt) / Double(t) : nil,
                controlRate: c > 0 ? Double(yc) / Double(c) : nil))
        }
        deciles = bins
    }

    private enum Kind { case qini, uplift }

    /// Indices by score, highest first; equal scores keep the reverse of input order, as
    /// numpy's stable argsort reversed does (only the points between ties matter).
    private static func descending(_ scores: [Double]) -> [Int] {
        let ascending = scores.indices.sorted { (scores[$0], $0) < (scores[$1], $1) }
        return ascending.reversed()
    }

    private static func curve(_ scores: [Double], _ responded: [Bool], _ treated: [Bool], kind: Kind) -> [Point] {
        let order = descending(scores)
        var points: [Point] = []
        var nt = 0.0, nc = 0.0, yt = 0.0, yc = 0.0
        for (k, i) in order.enumerated() {
            if treated[i] {
                nt += 1
                if responded[i] { yt += 1 }
            } else {
                nc += 1
                if responded[i] { yc += 1 }
            }
            let last = k == order.count - 1
            guard last || scores[order[k + 1]] != scores[i] else { continue }
            let value: Double
            switch kind {
            case .qini: value = yt - (nc > 0 ? yc * nt / nc : 0)
            case .uplift: value = ((nt > 0 ? yt / nt : 0) - (nc > 0 ? yc / nc : 0)) * (nt + nc)
            }
            points.append(Point(targeted: k + 1, value: value))
        }
        if points.first.map({ $0.targeted != 0 || $0.value != 0 }) ?? true {
            points.insert(Point(targeted: 0, value: 0), at: 0)
        }
        return points
    }

    private static func area(_ points: [Point]) -> Double {
        var total = 0.0
        for k in 1..<max(points.count, 1) {
            total += Double(points[k].targeted - points[k - 1].targeted) * (points[k].value + points[k - 1].value) / 2
        }
        return total
    }

    private static func normalisedArea(_ actual: [Point], perfect: [Point]) -> Double {
        guard let end = perfect.last else { return 0 }
        let baseline = Double(end.targeted) * end.value / 2
        let best = area(perfect) - baseline
        return best != 0 ? (area(actual) - baseline) / best : 0
    }
}
