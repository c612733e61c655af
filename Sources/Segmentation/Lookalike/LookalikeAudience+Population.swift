import Scoring

extension LookalikeAudience {
    /// Ranks the rest of a population by similarity to the seed members among it: "which
    /// other customers look like our best ones".
    ///
    /// The seed is the rows `seedRows` of `population`; the candidates are every other row.
    /// The returned ``LookalikeRanking/candidates`` are **population row indices**, and
    /// ``LookalikeRanking/allScores`` has one entry per population row, with NaN for the seed
    /// rows (they are not candidates).
    ///
    /// ```swift
    /// let features = try RFMFeatures.raw(rfm)        // one row per RFM entry
    /// let champions = rfm.segments.indices.filter { rfm.segments[$0] == .champions }
    /// let ranking = try LookalikeAudience().rank(
    ///     population: features, seedRows: champions, count: 500, featureNames: names)
    /// ```
    /// - Throws: ``ClusteringError`` as ``rank(seed:candidates:count:featureNames:)``, and
    ///   `.invalidParameter` for a seed row outside the population or given twice.
    /// - Complexity: as ``rank(seed:candidates:count:featureNames:)``, plus O(n · d) to split.
    public func rank(population: FeatureMatrix, seedRows: [Int], count: Int, featureNames: [String])
        throws(ClusteringError) -> LookalikeRanking
    {
        let n = population.rowCount, d = population.columnCount
        var isSeed = [Bool](repeating: false, count: n)
        for row in seedRows {
            guard row >= 0 && row < n else {
                throw ClusteringError(.invalidParameter, "seed row \(row) is outside 0..<\(n)")
            }
            guard !isSeed[row] else { throw ClusteringError(.invalidParameter, "seed row \(row) is given twice") }
            isSeed[row] = true
        }
        var seedValues: [Double] = [], candidateValues: [Double] = [], candidateRows: [Int] = []
        seedValues.reserveCapacity(seedRows.count * d)
        candidateValues.reserveCapacity((n - seedRows.count) * d)
        candidateRows.reserveCapacity(n - seedRows.count)
        for row in seedRows { seedValues.append(contentsOf: population.row(row)) }
        for row in 0..<n where !isSeed[row] {
            candidateValues.append(contentsOf: population.row(row))
            candidateRows.append(row)
        }
        let ranking = try rank(
            seed: FeatureMatrix.checked(rowCount: seedRows.count, columnCount: d, values: seedValues),
            candidates: FeatureMatrix.checked(rowCount: candidateRows.count, columnCount: d, values: candidateValues),
            count: count, featureNames: featureNames)
        var scores = [Double](repeating: .nan, count: n)
        for (position, row) in candidateRows.enumerated() { scores[row] = ranking.allScores[position] }
        return LookalikeRanking(
            candidates: ranking.candidates.map { candidateRows[$0] }, scores: ranking.scores, allScores: scores,
            profile: ranking.profile, model: ranking.model)
    }
}
