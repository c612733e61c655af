/// Options shared by the JSON Lines importers.
public struct JSONLinesImportOptions: Hashable, Sendable {
    /// Days a date or timestamp may fall on; others are rejected as `dateOutOfRange`.
    /// Default: 1900-01-01 through 2100-12-31.
    public var acceptedDays: ClosedRange<CalendarDay>
    /// The currency of order amounts when neither the order nor the line names one; when
    /// nil (the default) such an order is rejected with `missingField` on `currency`.
    public var defaultCurrency: Currency?

    /// The default range of accepted days, 1900-01-01 through 2100-12-31.
    public static let defaultAcceptedDays = CalendarDay(dayNumber: -25_567)...CalendarDay(dayNumber: 47_846)

    /// Creates options.
    public init(acceptedDays: ClosedRange<CalendarDay> = defaultAcceptedDays, defaultCurrency: Currency? = nil) {
        self.acceptedDays = acceptedDays
        self.defaultCurrency = defaultCurrency
    }
}

/// What a JSON Lines import returns: the records of the valid lines, in input order, and
/// the report of lines read, kept and rejected.
public struct JSONLinesImportResult<Record: Sendable>: Sendable {
    /// The parsed records of the valid lines, in input order.
    public var records: [Record]
    /// Lines read, kept and rejected, with every rejection.
    public var report: ImportReport

    /// Creates a result.
    public init(records: [Record], report: ImportReport) {
        self.records = records
        self.report = report
    }
}
