import Scoring

/// What sets one cluster apart, in the original units of the features, so a marketer can
/// name it ("recent, frequent, high spenders").
public struct ClusterProfile: Sendable, Hashable {
    /// How one feature of the cluster compares with the whole population.
    public struct FeatureContrast: Sendable, Hashable {
        /// The feature's column.
        public let feature: Int
        /// The feature's name.
        public let name: String
        /// The feature's mean over the cluster's members.
        public let clusterMean: Double
        /// The feature's mean over every row.
        public let overallMean: Double
        /// (clusterMean − overallMean) / overall population standard deviation: how many
        /// standard deviations the cluster sits above (positive) or below the population.
        public let standardizedDifference: Double
    }

    /// The cluster's label.
    public let cluster: Int
    /// Its number of members.
    public let size: Int
    /// Its share of all rows.
    public let share: Double
    /// The mean of each feature over the members, in original units (the centroid); NaN
    /// for a cluster without members (k-means never leaves one empty).
    public let centroid: [Double]
    /// The median of each feature over the members, in original units; NaN without members.
    public let median: [Double]
    /// Every feature, the most distinguishing first (largest |standardizedDifference|; the
    /// lower column wins ties).
    public let contrasts: [FeatureContrast]

    /// The `count` most distinguishing features.
    public func distinguishingFeatures(_ count: Int = 3) -> ArraySlice<FeatureContrast> { contrasts.prefix(count) }

    /// Profiles every cluster of a labelling on features in original units (for example the
    /// raw recency, frequency and spend that were log-transformed and standardised before
    /// clustering).
    ///
    /// ```swift
    /// let profiles = try ClusterProfile.profiles(
    ///     of: fit.labels, clusterCount: 4, features: raw, names: ["recency_days", "orders", "spend"])
    /// profiles[0].distinguishingFeatures(2)  // e.g. orders +2.1 sd, recency −0.9 sd
    /// ```
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` when labels, rows and names do not
    ///   match, `.invalidParameter` for a label outside 0..<clusterCount, `.emptyInput` for no rows.
    /// - Complexity: O(n · d + n log n) (the medians sort each cluster's column).
    public static func profiles(of labels: [Int32], clusterCount: Int, features: FeatureMatrix, names: [String])
        throws(ClusteringError) -> [ClusterProfile]
    {
        let n = features.rowCount, d = features.columnCount
        guard labels.count == n, names.count == d else {
            throw ClusteringError(
                .dimensionMismatch, "\(labels.count) labels and \(names.count) names for \(n) rows of \(d) features")
        }
        guard n > 0 else { throw ClusteringError(.emptyInput, "no rows to profile") }
        if let bad = labels.firstIndex(where: { $0 < 0 || Int($0) >= clusterCount }) {
            throw ClusteringError(.invalidParameter, "label \(labels[bad]) of row \(bad) is outside 0..<\(clusterCount)")
        }
        var overall = [Double](repeating: 0, count: d)
        var sums = [Double](repeating: 0, count: clusterCount * d)
        var sizes = [Int](repeating: 0, count: clusterCount)
        var members = [[Int]](repeating: [], count: clusterCount)
        for i in 0..<n {
            let a = Int(labels[i])
            sizes[a] += 1
            members[a].append(i)
            for c in 0..<d {
                overall[c] += features.values[i * d + c]
                sums[a * d + c] += features.values[i * d + c]
            }
        }
        for c in 0..<d { overall[c] /= Double(n) }
        var deviation = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for c in 0..<d {
                let delta = features.values[i * d + c] - overall[c]
                deviation[c] += delta * delta
            }
        }
        for c in 0..<d { deviation[c] = (deviation[c] / Double(n)).squareRoot() }
        return (0..<clusterCount).map { a in
            let size = sizes[a]
            let centroid = (0..<d).map { size > 0 ? sums[a * d + $0] / Double(size) : .nan }
            let median = (0..<d).map { c -> Double in
                let column = members[a].map { features.values[$0 * d + c] }.sorted()
                guard !column.isEmpty else { return .nan }
                let middle = column.count / 2
                return column.count % 2 == 1 ? column[middle] : (column[middle - 1] + column[middle]) / 2
            }
            let contrasts = (0..<d).map { c in
                FeatureContrast(
                    feature: c, name: names[c], clusterMean: centroid[c], overallMean: overall[c],
                    standardizedDifference: deviation[c] > 0 && size > 0 ? (centroid[c] - overall[c]) / deviation[c] : 0)
            }.sorted {
                abs($0.standardizedDifference) != abs($1.standardizedDifference)
                    ? abs($0.standardizedDifference) > abs($1.standardizedDifference) : $0.feature < $1.feature
            }
            return ClusterProfile(
                cluster: a, size: size, share: Double(size) / Double(n), centroid: centroid, median: median,
                contrasts: contrasts)
        }
    }
}
