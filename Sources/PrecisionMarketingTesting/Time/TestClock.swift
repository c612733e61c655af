#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Synchronization

/// A ``CustomerModel/TimeSource`` whose time only moves when a test says so.
///
/// Thread-safe: the instant lives in a `Mutex`, so tasks may read and advance it
/// concurrently.
///
/// ```swift
/// let clock = TestClock(day: try CalendarDay(iso: "2024-06-01"))
/// let engine = Engine(clock: clock)
/// clock.advance(days: 30)
/// ```
public final class TestClock: TimeSource {
    private let instant: Mutex<Date>

    /// Creates a clock showing `now`.
    public init(now: Date) { instant = Mutex(now) }

    /// Creates a clock showing midnight UTC at the start of `day`.
    public convenience init(day: CalendarDay) { self.init(now: day.startUTC) }

    /// Creates a clock showing the Unix epoch, 1970-01-01T00:00:00Z.
    public convenience init() { self.init(now: Date(timeIntervalSince1970: 0)) }

    /// The instant the clock shows.
    public func now() -> Date { instant.withLock { $0 } }

    /// The calendar day (UTC) the clock shows.
    public var today: CalendarDay { now().calendarDayUTC }

    /// Sets the clock to `date` (it may go backwards).
    public func set(to date: Date) { instant.withLock { $0 = date } }

    /// Sets the clock to midnight UTC at the start of `day`.
    public func set(to day: CalendarDay) { set(to: day.startUTC) }

    /// Moves the clock forward by `seconds` (backwards when negative) and returns the new instant.
    @discardableResult
    public func advance(by seconds: Double) -> Date {
        instant.withLock { current in
            current = current.addingTimeInterval(seconds)
            return current
        }
    }

    /// Moves the clock forward by whole days of 86,400 seconds and returns the new instant.
    @discardableResult
    public func advance(days: Int) -> Date { advance(by: Double(days) * 86_400) }
}
