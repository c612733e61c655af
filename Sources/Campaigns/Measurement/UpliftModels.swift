import Scoring

/// Uplift by two models (the "T-learner"): one propensity model fitted on the treated, one
/// on the control group; the uplift of a customer is P(respond | treated, x) −
/// P(respond | control, x). Works with any ``PropensityModel`` of the Scoring module.
///
/// ```swift
/// let fitted = try TwoModelUplift(model: LogisticRegression()).fit(features: x, responded: y, treated: t)
/// let uplift = fitted.uplift(for: candidates)
/// ```
public struct TwoModelUplift<Model: PropensityModel>: Sendable {
    /// The propensity model fitted to each group.
    public var model: Model

    /// Creates the approach.
    public init(model: Model) { self.model = model }

    /// Fits the treated and the control model.
    /// - Throws: ``CampaignError`` `.invalidParameter` for mismatched lengths,
    ///   `.degenerateInput` when a group is empty or has one outcome only (the message
    ///   carries the model's reason).
    public func fit(features: FeatureMatrix, responded: [Bool], treated: [Bool]) throws(CampaignError)
        -> FittedTwoModelUplift<Model.Fitted>
    {
        guard responded.count == features.rowCount, treated.count == features.rowCount else {
            throw CampaignError(.invalidParameter, "\(features.rowCount) rows, \(responded.count) outcomes, \(treated.count) treatment flags")
        }
        func subset(_ group: Bool) throws(CampaignError) -> Model.Fitted {
            let rows = treated.indices.filter { treated[$0] == group }
            let name = group ? "treated" : "control"
            do throws(ScoringError) {
                let matrix = try FeatureMatrix(
                    rowCount: rows.count, columnCount: features.columnCount,
                    values: rows.flatMap { Array(features.row($0)) })
                return try model.fit(features: matrix, labels: rows.map { responded[$0] }, weights: nil)
            } catch {
                throw CampaignError(.degenerateInput, "the \(name) model cannot be fitted: \(error.message)")
            }
        }
        return FittedTwoModelUplift(treated: try subset(true), control: try subset(false))
    }
}

/// The two fitted models of ``TwoModelUplift``.
public struct FittedTwoModelUplift<Fitted: FittedPropensityModel>: Sendable {
    /// P(respond | treated, x).
    public let treated: Fitted
    /// P(respond | control, x).
    public let control: Fitted

    /// The predicted uplift of every row.
    /// - Complexity: two model evaluations per row, on all cores.
    public func uplift(for features: FeatureMatrix) -> [Double] {
        let t = treated.probabilities(for: features), c = control.probabilities(for: features)
        return zip(t, c).map { $0 - $1 }
    }
}

/// Uplift by class transformation (Jaśkowski & Jaroszewicz 2012): one model learns
/// Z = 1 when (treated and responded) or (control and did not respond). With treated rows
/// weighted 1/(2p) and control rows 1/(2(1 − p)), p the treated share, the groups weigh the
/// same and uplift(x) = 2 P(Z = 1 | x) − 1.
public struct ClassTransformationUplift<Model: PropensityModel>: Sendable {
    /// The propensity model fitted to Z.
    public var model: Model

    /// Creates the approach.
    public init(model: Model) { self.model = model }

    /// Fits the model of Z.
    /// - Throws: ``CampaignError`` `.invalidParameter` for mismatched lengths;
    ///   `.degenerateInput` without both groups, or when the model cannot be fitted.
    public func fit(features: FeatureMatrix, responded: [Bool], treated: [Bool]) throws(CampaignError)
        -> FittedClassTransformationUplift<Model.Fitted>
    {
        guard responded.count == features.rowCount, treated.count == features.rowCount else {
            throw CampaignError(.invalidParameter, "\(features.rowCount) rows, \(responded.count) outcomes, \(treated.count) treatment flags")
        }
        let share = Double(treated.filter { $0 }.count) / Double(max(treated.count, 1))
        guard share > 0, share < 1 else {
            throw CampaignError(.degenerateInput, "class transformation needs both treated and control customers")
        }
        let z = treated.indices.map { treated[$0] == responded[$0] }
        let weights = treated.map { $0 ? 1 / (2 * share) : 1 / (2 * (1 - share)) }
        do throws(ScoringError) {
            return FittedClassTransformationUplift(model: try model.fit(features: features, labels: z, weights: weights))
        } catch {
            throw CampaignError(.degenerateInput, "the transformed-class model cannot be fitted: \(error.message)")
        }
    }
}

/// The fitted model of ``ClassTransformationUplift``.
public struct FittedClassTransformationUplift<Fitted: FittedPropensityModel>: Sendable {
    /// P(Z = 1 | x).
    public let model: Fitted

    /// The predicted uplift of every row, 2 P(Z = 1 | x) − 1.
    /// - Complexity: one model evaluation per row, on all cores.
    public func uplift(for features: FeatureMatrix) -> [Double] {
        model.probabilities(for: features).map { 2 * $0 - 1 }
    }
}
