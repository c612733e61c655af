import PrecisionMarketing

/// `precision clv (--input FILE --calibration-end D [--holdout-end D] | --summary FILE)
/// [--model bgnbd|mbgnbd|paretonbd] [--unit day|week] [--spend gammagamma] [--horizon T]
/// [--discount-rate R] [--months M] [--currency CODE] [--format json|table]`
///
/// - Horizon of `expected_purchases`: `--horizon` (in the unit); by default the holdout
///   length when there is a holdout, else 52 weeks or 364 days.
/// - CLV (only with `--spend gammagamma`): with `--months M` lifetimes' monthly rule,
///   Σₖ₌₁..ₘ spend · (E[X(kμ)] − E[X((k − 1)μ)]) / (1 + R)ᵏ with μ = 4.345 weeks or 30 days
///   and R the monthly rate (`--discount-rate` is then required); otherwise continuous
///   discounting over the horizon, spend · ∫₀ᴴ e^(−Rt) dE[X(t)], with R per unit (default 0,
///   no discounting).
enum CLVCommand {
    /// What a run computed, for either output format.
    struct Report {
        var model: String
        var unit: CustomerSummary.TimeUnit
        var calibrationEnd: CalendarDay?
        var holdoutEnd: CalendarDay?
        var horizon: Double
        var summary: CustomerSummary
        var purchaseFit: ParameterEstimates?
        var spendFit: ParameterEstimates?
        var discounting: String?
        var pAlive: [Double]
        var expectedPurchases: [Double]
        var expectedSpend: [Double]?
        var lifetimeValue: [Double]?
        /// Repeat buyers with zero spend, left out of the Gamma-Gamma fit.
        var spendExcluded = 0
        /// Holdout duration, actual and expected purchase totals.
        var holdout: HoldoutValidation?
    }

    static func run(_ arguments: inout CommandLineArguments) throws {
        let input = arguments.string("input")
        let summaryPath = arguments.string("summary")
        let calibrationEnd = try arguments.day("calibration-end")
        let holdoutEnd = try arguments.day("holdout-end")
        let modelName = arguments.string("model") ?? "bgnbd"
        let unitText = arguments.string("unit") ?? "week"
        let spend = arguments.string("spend")
        let horizonOption = try optionalDouble(&arguments, "horizon", in: 0...1e6)
        let rate = try optionalDouble(&arguments, "discount-rate", in: 0...100)
        let monthsGiven = arguments.string("months") != nil
        let months: Int? = monthsGiven ? try arguments.int("months", default: 12, in: 1...1200) : nil
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        guard ["bgnbd", "mbgnbd", "paretonbd"].contains(modelName) else {
            throw UsageError("--model must be bgnbd, mbgnbd or paretonbd, not '\(modelName)'")
        }
        guard let unit = CustomerSummary.TimeUnit(rawValue: unitText) else {
            throw UsageError("--unit must be day or week, not '\(unitText)'")
        }
        if let spend, spend != "gammagamma" { throw UsageError("--spend must be gammagamma, not '\(spend)'") }
        if spend == nil, rate != nil || months != nil {
            throw UsageError("--discount-rate and --months apply to CLV, which needs --spend gammagamma")
        }
        if months != nil, rate == nil {
            throw UsageError("--months needs --discount-rate (the monthly rate, for example 0.01)")
        }

        let summary: CustomerSummary
        switch (input, summaryPath) {
        case let (path?, nil):
            guard let calibrationEnd else { throw UsageError("--input needs --calibration-end YYYY-MM-DD") }
            let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
            SnapshotLoading.warn(about: report)
            do {
                summary = try CustomerSummary(
                    snapshot: snapshot, calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd, unit: unit)
            } catch {
                throw UsageError(error.message)
            }
        case let (nil, path?):
            guard calibrationEnd == nil, holdoutEnd == nil else {
                throw UsageError("--calibration-end and --holdout-end apply to --input, not --summary")
            }
            let bytes = try FileInput.readAll(path: path)
            do {
                let (parsed, report) = try CustomerSummary.parse(csv: bytes, unit: unit)
                SnapshotLoading.warn(about: report)
                summary = parsed
            } catch {
                throw UsageError("\(path): \(error.message)")
            }
        default:
            throw UsageError("give either --input FILE --calibration-end D or --summary FILE")
        }
        let horizon = horizonOption ?? summary.holdoutDuration ?? (unit == .week ? 52 : 364)
        var discounting: LifetimeValueDiscounting?
        do throws(ScoringError) {
            if spend != nil, let months {
                discounting = try .monthly(months: months, rate: rate ?? 0)
            } else if spend != nil {
                discounting = try .continuous(horizon: horizon, rate: rate ?? 0)
            }
        } catch {
            throw UsageError(error.message)
        }
        let description = months.map { "monthly rule, \($0) months of \(LifetimeValueDiscounting.monthLength(in: unit)) \(unit)s at \(rate ?? 0) per month" }
            ?? "continuous over \(horizon) \(unit)s at rate \(rate ?? 0) per \(unit)"

        let report: Report
        do {
            switch modelName {
            case "paretonbd":
                let fitted = try ParetoNBDModel().fit(summary)
                report = try evaluate(fitted, estimates: fitted.estimates, name: modelName, summary: summary,
                                      horizon: horizon, discounting: discounting)
            case "mbgnbd":
                let fitted = try MBGNBDModel().fit(summary)
                report = try evaluate(fitted, estimates: fitted.estimates, name: modelName, summary: summary,
                                      horizon: horizon, discounting: discounting)
            default:
                let fitted = try BGNBDModel().fit(summary)
                report = try evaluate(fitted, estimates: fitted.estimates, name: modelName, summary: summary,
                                      horizon: horizon, discounting: discounting)
            }
        } catch {
            throw UsageError(error.message)
        }
        var complete = report
        complete.calibrationEnd = input == nil ? nil : calibrationEnd
        complete.holdoutEnd = holdoutEnd
        complete.discounting = discounting == nil ? nil : description
        switch format {
        case .json: writeJSON(complete)
        case .table: writeTable(complete)
        }
    }

    /// Scores every customer with a fitted purchase model, and with Gamma-Gamma when
    /// `discounting` is given.
    static func evaluate(
        _ model: some RepeatPurchaseModel, estimates: ParameterEstimates?, name: String, summary: CustomerSummary,
        horizon: Double, discounting: LifetimeValueDiscounting?
    ) throws(ScoringError) -> Report {
        let alive = model.probabilityAlive(summary)
        let expected = try model.conditionalExpectedPurchases(within: horizon, for: summary)
        var report = Report(
            model: name, unit: summary.unit, horizon: horizon, summary: summary, purchaseFit: estimates,
            pAlive: alive, expectedPurchases: expected)
        if let discounting {
            guard summary.monetaryValue != nil else {
                throw ScoringError(
                    .invalidParameter, "--spend gammagamma needs spend: a monetary_value column in the summary")
            }
            let (fitOn, excluded) = try spendFitSummary(summary)
            if excluded > 0 {
                StandardStreams.error("Gamma-Gamma: \(excluded) repeat buyers with zero spend left out of the fit (scored with it)")
            }
            report.spendExcluded = excluded
            let gammaGamma = try GammaGammaModel().fit(fitOn)
            let spend = try gammaGamma.conditionalExpectedAverageSpend(summary)
            report.spendFit = gammaGamma.estimates
            report.expectedSpend = spend
            report.lifetimeValue = try LifetimeValueCalculator(discounting: discounting)
                .values(for: summary, purchases: model, expectedSpend: spend)
        }
        if summary.holdoutFrequency != nil {
            report.holdout = try HoldoutValidation(model: model, summary: summary)
        }
        return report
    }

    /// The repeat buyers with positive spend, which Gamma-Gamma is fitted on (it needs
    /// spend > 0; zero-spend repeat buyers, such as returns or free orders, are left out of
    /// the fit but still scored), and how many were left out.
    static func spendFitSummary(_ summary: CustomerSummary) throws(ScoringError) -> (CustomerSummary, Int) {
        let monetary = summary.monetaryValue ?? []
        let keep = summary.count == monetary.count
            ? (0..<summary.count).filter { summary.frequency[$0] > 0 && monetary[$0] > 0 } : []
        let repeatBuyers = summary.frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        let fitOn = try CustomerSummary(
            customerIDs: keep.map { summary.customerIDs[$0] }, frequency: keep.map { summary.frequency[$0] },
            recency: keep.map { summary.recency[$0] }, age: keep.map { summary.age[$0] },
            monetaryValue: keep.map { monetary[$0] }, unit: summary.unit)
        return (fitOn, repeatBuyers - keep.count)
    }

    /// A decimal option without a default.
    static func optionalDouble(
        _ arguments: inout CommandLineArguments, _ name: String, in range: ClosedRange<Double>
    ) throws(UsageError) -> Double? {
        guard arguments.string(name) != nil else { return nil }
        return try arguments.double(name, default: 0, in: range)
    }
}
