#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The weights of ``CategoryAffinityAnalysis``: how much a unit bought, a currency unit spent,
/// a browse and a minute of dwell time count, and how fast old behaviour fades.
///
/// One order line of quantity q and amount a (currency units) in category c, `age` days before
/// the as-of day, adds `decay(age) · (quantity·q + amount·a)` to the customer's score of c; one
/// browse event adds `decay(age) · (browse + dwellPerMinute · min(dwell, maximumDwellSeconds)/60)`,
/// where `decay(age) = 0.5^(age / halfLifeDays)`. Encodes to JSON, so it can live in configuration:
///
/// ```json
/// {"quantity": 1, "amount": 0, "browse": 0.25, "dwellPerMinute": 0.25,
///  "maximumDwellSeconds": 600, "halfLifeDays": 90}
/// ```
public struct CategoryAffinityWeights: Sendable, Hashable, Codable {
    /// Per unit bought (default 1).
    public var quantity: Double
    /// Per currency unit spent (default 0: quantities only).
    public var amount: Double
    /// Per browse event (default 0.25: four product views weigh as much as one unit bought).
    public var browse: Double
    /// Per minute of dwell time of a browse event (default 0.25).
    public var dwellPerMinute: Double
    /// The most dwell time one event counts, in seconds (default 600: a page left open
    /// does not outweigh purchases).
    public var maximumDwellSeconds: Double
    /// Days after which behaviour counts half (default 90).
    public var halfLifeDays: Double

    /// Creates weights; the defaults are the documented ones.
    public init(
        quantity: Double = 1, amount: Double = 0, browse: Double = 0.25, dwellPerMinute: Double = 0.25,
        maximumDwellSeconds: Double = 600, halfLifeDays: Double = 90
    ) {
        self.quantity = quantity
        self.amount = amount
        self.browse = browse
        self.dwellPerMinute = dwellPerMinute
        self.maximumDwellSeconds = maximumDwellSeconds
        self.halfLifeDays = halfLifeDays
    }

    /// Checks that every weight is finite and non-negative, at least one is positive, and the
    /// half-life is positive.
    /// - Throws: ``RecommendationError`` `.invalidParameter` naming the weight.
    public func validate() throws(RecommendationError) {
        let named = [("quantity", quantity), ("amount", amount), ("browse", browse), ("dwellPerMinute", dwellPerMinute),
                     ("maximumDwellSeconds", maximumDwellSeconds)]
        for (name, value) in named where !(value.isFinite && value >= 0) {
            throw RecommendationError(.invalidParameter, "the \(name) weight must be a finite number ≥ 0, not \(value)")
        }
        guard quantity + amount + browse + dwellPerMinute > 0 else {
            throw RecommendationError(.invalidParameter, "at least one of the quantity, amount, browse and dwell weights must be positive")
        }
        guard halfLifeDays.isFinite, halfLifeDays > 0 else {
            throw RecommendationError(.invalidParameter, "the half-life must be a positive number of days, not \(halfLifeDays)")
        }
    }

    /// 0.5^(age / halfLifeDays).
    @inline(__always)
    func decay(ageDays: Int32) -> Double {
        exp2(-Double(ageDays) / halfLifeDays)
    }
}
