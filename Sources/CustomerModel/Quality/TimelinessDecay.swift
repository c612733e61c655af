/// Maps the age of data in days to a timeliness score in 0...1.
///
/// `score(age) = 1` for `age ≤ fullScoreDays`; `0` for `age ≥ zeroScoreDays`; linear in
/// between: `1 − (age − fullScoreDays) / (zeroScoreDays − fullScoreDays)`. A negative age
/// (an update after the as-of date) scores 1. The standard decay is 1 within 30 days,
/// falling linearly to 0 at 730 days (two years); at 380 days it is 0.5.
public struct TimelinessDecay: Hashable, Sendable, Codable {
    /// The age up to which data scores 1.
    public let fullScoreDays: Int
    /// The age from which data scores 0.
    public let zeroScoreDays: Int

    /// Creates a decay.
    ///
    /// - Throws: ``DataQualityError`` `.invalidRange` unless `0 ≤ fullScoreDays < zeroScoreDays`.
    public init(fullScoreDays: Int, zeroScoreDays: Int) throws(DataQualityError) {
        guard fullScoreDays >= 0, zeroScoreDays > fullScoreDays else {
            throw DataQualityError(
                .invalidRange, "timeliness decay needs 0 ≤ full (\(fullScoreDays)) < zero (\(zeroScoreDays))")
        }
        self.fullScoreDays = fullScoreDays
        self.zeroScoreDays = zeroScoreDays
    }

    private init(checkedFull: Int, zero: Int) {
        fullScoreDays = checkedFull
        zeroScoreDays = zero
    }

    /// 1 within 30 days, 0 from 730 days, linear in between.
    public static let standard = TimelinessDecay(checkedFull: 30, zero: 730)

    /// The score of data `ageDays` old.
    public func score(ageDays: Int) -> Double {
        if ageDays <= fullScoreDays { return 1 }
        if ageDays >= zeroScoreDays { return 0 }
        return 1 - Double(ageDays - fullScoreDays) / Double(zeroScoreDays - fullScoreDays)
    }
}
