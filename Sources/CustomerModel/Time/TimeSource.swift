#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Tells the current time. Computations never read the system clock themselves: they take
/// an as-of date, or a `TimeSource` that a test can control (`TestClock` in
/// PrecisionMarketingTesting).
public protocol TimeSource: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The real wall clock, for production use at the edge of an application.
public struct SystemTimeSource: TimeSource {
    public init() {}
    public func now() -> Date { Date.now }
}

extension Date {
    /// The calendar day (UTC) that contains this instant.
    public var calendarDayUTC: CalendarDay {
        CalendarDay(dayNumber: Int32((timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

extension CalendarDay {
    /// Midnight UTC at the start of this day.
    public var startUTC: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400) }
}
