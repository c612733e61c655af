import PrecisionMarketing

extension DemoSummary {
    /// Value tiers from the eRFM value score (transaction indicators only), with the
    /// playbook's treatment per tier, from high to low.
    struct ValueTierSummary: Encodable {
        struct Row: Encodable {
            var tier: String
            var customers: Int
            var share: Double
            var meanScore: Double
            var actions: [String]
            var goal: String
        }

        var asOf: CalendarDay
        var customers: Int
        /// The indicators used with their renormalised weights.
        var weights: [String: Double]
        var tiers: [Row]

        init(_ result: ValueScoreResult) {
            asOf = result.asOf
            customers = result.count
            var weights: [String: Double] = [:]
            for (k, indicator) in result.indicators.enumerated() {
                weights[indicator.name] = DemoNumber.rounded(result.weights[k], decimals: 4)
            }
            self.weights = weights
            tiers = ScoreCommand.tierRows(result).map { row in
                Row(
                    tier: row.tier.rawValue, customers: row.customers, share: DemoNumber.rounded(row.share, decimals: 4),
                    meanScore: DemoNumber.rounded(row.meanScore, decimals: 3),
                    actions: row.treatment?.actions ?? [], goal: row.treatment?.goal ?? "")
            }
        }
    }

    /// The customers with the highest 12-month CLV: BG/NBD and Gamma-Gamma fitted on the
    /// demo's orders up to the period end (weeks), lifetimes' monthly rule over 12 months
    /// at 1% a month.
    struct LifetimeValueSummary: Encodable {
        struct Customer: Encodable {
            var customerId: String
            var frequency: Int
            var recencyWeeks: Double
            var ageWeeks: Double
            var pAlive: Double
            var expectedPurchases: Double
            var expectedAverageSpend: Double
            var clv: Double
        }

        var calibrationEnd: CalendarDay
        var unit: String
        var monthlyDiscountRate: Double
        var months: Int
        var bgnbd: [String: Double]
        var gammaGamma: [String: Double]
        var customers: Int
        var totalClv: Double
        var top: [Customer]

        static let months = 12
        static let monthlyRate = 0.01

        /// BG/NBD and Gamma-Gamma fitted in weeks on the orders up to `calibrationEnd`, and
        /// each customer's 12-month CLV at 1% a month (also what `precision report` charts).
        static func fit(snapshot: CustomerSnapshot, calibrationEnd: CalendarDay) throws(ScoringError)
            -> (summary: CustomerSummary, purchases: FittedBGNBD, spendModel: FittedGammaGamma, spend: [Double], values: [Double])
        {
            let summary = try CustomerSummary(snapshot: snapshot, calibrationEnd: calibrationEnd, unit: .week)
            let purchases = try BGNBDModel().fit(summary)
            let (fitOn, _) = try CLVCommand.spendFitSummary(summary)
            let spendModel = try GammaGammaModel().fit(fitOn)
            let spend = try spendModel.conditionalExpectedAverageSpend(summary)
            let values = try LifetimeValueCalculator(discounting: .monthly(months: Self.months, rate: Self.monthlyRate))
                .values(for: summary, purchases: purchases, expectedSpend: spend)
            return (summary, purchases, spendModel, spend, values)
        }

        /// Fits both models on `snapshot` and keeps the `count` highest CLVs (ties by id).
        init(snapshot: CustomerSnapshot, calibrationEnd: CalendarDay, count: Int = 10) throws(ScoringError) {
            let (summary, purchases, spendModel, spend, values) = try Self.fit(snapshot: snapshot, calibrationEnd: calibrationEnd)
            let order = (0..<summary.count).sorted {
                values[$0] != values[$1] ? values[$0] > values[$1] : summary.customerIDs[$0] < summary.customerIDs[$1]
            }
            let horizon = Double(Self.months) * LifetimeValueDiscounting.monthLength(in: .week)
            var top: [Customer] = []
            for i in order.prefix(count) {
                let expected = try purchases.conditionalExpectedPurchases(
                    within: horizon, frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i])
                top.append(Customer(
                    customerId: summary.customerIDs[i], frequency: Int(summary.frequency[i]),
                    recencyWeeks: DemoNumber.rounded(summary.recency[i], decimals: 2),
                    ageWeeks: DemoNumber.rounded(summary.age[i], decimals: 2),
                    pAlive: DemoNumber.rounded(
                        purchases.probabilityAlive(
                            frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i]),
                        decimals: 4),
                    expectedPurchases: DemoNumber.rounded(expected, decimals: 3),
                    expectedAverageSpend: DemoNumber.rounded(spend[i], decimals: 2),
                    clv: DemoNumber.rounded(values[i], decimals: 2)))
            }
            self.calibrationEnd = calibrationEnd
            unit = "week"
            monthlyDiscountRate = Self.monthlyRate
            months = Self.months
            bgnbd = ["r": purchases.r, "alpha": purchases.alpha, "a": purchases.a, "b": purchases.b]
                .mapValues { DemoNumber.rounded($0, decimals: 6) }
            gammaGamma = ["p": spendModel.p, "q": spendModel.q, "v": spendModel.v]
                .mapValues { DemoNumber.rounded($0, decimals: 6) }
            customers = summary.count
            totalClv = DemoNumber.rounded(values.reduce(0, +), decimals: 2)
            self.top = top
        }
    }

    /// The value-tier table and the top-CLV table, as text.
    func appendValueTables(to out: inout ByteOutput) {
        let v = valueTiers
        out.append("\nValue tiers as of \(v.asOf): \(v.customers) customers; weights used ")
        out.append(v.weights.sorted { $0.key < $1.key }.map { "\($0.key) \(DemoNumber.fixed($0.value, decimals: 4))" }
            .joined(separator: ", "))
        out.append(" (transaction indicators only, renormalised)\n")
        out.appendTierTable(v.tiers.map { row in
            ScoreCommand.TierRow(
                tier: ValueTier(rawValue: row.tier) ?? .low, customers: row.customers, share: row.share,
                meanScore: row.meanScore,
                treatment: ValueTierTreatment(tier: ValueTier(rawValue: row.tier) ?? .low, actions: row.actions, goal: row.goal))
        })

        let c = lifetimeValue
        out.append("\nTop \(c.top.count) customers by 12-month CLV (BG/NBD + Gamma-Gamma fitted on orders to \(c.calibrationEnd), ")
        out.append("weeks; \(c.months) months at \(DemoNumber.percent(c.monthlyDiscountRate)) a month); ")
        out.append("total CLV of \(c.customers) customers \(DemoNumber.fixed(c.totalClv, decimals: 2)) \(setup.currency)\n")
        out.append("  BG/NBD " + c.bgnbd.sorted { $0.key < $1.key }.map { "\($0.key) \(DemoNumber.fixed($0.value, decimals: 4))" }.joined(separator: ", "))
        out.append("; Gamma-Gamma " + c.gammaGamma.sorted { $0.key < $1.key }.map { "\($0.key) \(DemoNumber.fixed($0.value, decimals: 4))" }.joined(separator: ", ") + "\n")
        let columns: [(String, Int)] = [
            ("customer_id", 14), ("frequency", 10), ("recency", 9), ("T", 8), ("p_alive", 9),
            ("purchases 12m", 14), ("avg spend", 11), ("clv", 11),
        ]
        for (k, column) in columns.enumerated() { out.appendCell(column.0, width: column.1, rightAligned: k > 0) }
        out.append("\n")
        for row in c.top {
            let cells = [
                row.customerId, String(row.frequency), DemoNumber.fixed(row.recencyWeeks, decimals: 2),
                DemoNumber.fixed(row.ageWeeks, decimals: 2), DemoNumber.fixed(row.pAlive, decimals: 4),
                DemoNumber.fixed(row.expectedPurchases, decimals: 3),
                DemoNumber.fixed(row.expectedAverageSpend, decimals: 2), DemoNumber.fixed(row.clv, decimals: 2),
            ]
            for (k, cell) in cells.enumerated() { out.appendCell(cell, width: columns[k].1, rightAligned: k > 0) }
            out.append("\n")
        }
    }
}
