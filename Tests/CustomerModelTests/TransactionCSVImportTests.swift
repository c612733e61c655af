import CustomerModel
import Testing

/// A bad CSV row, the column it should be blamed on, and the reason.
struct BadCSVRow: Sendable, CustomStringConvertible {
    let row: String
    let column: String?
    let reason: RejectionReason
    let format: TransactionCSVFormat
    init(_ row: String, _ column: String?, _ reason: RejectionReason, format: TransactionCSVFormat = TransactionCSVFormat()) {
        self.row = row
        self.column = column
        self.reason = reason
        self.format = format
    }
    var description: String { "\(reason) \(column ?? "-") [\(format.currency)]: \(row)" }
}

@Suite("Transactions CSV import")
struct TransactionCSVImportTests {
    static let header = "customer_id,order_id,date,item_id,quantity,amount"

    static func csv(_ lines: [String], separator: String = "\n") -> [UInt8] {
        Array((lines.joined(separator: separator) + separator).utf8)
    }

    static func run(_ lines: [String], format: TransactionCSVFormat = TransactionCSVFormat()) throws -> TransactionCSVImporter.Result {
        try TransactionCSVImporter.importOrders(from: csv(lines), format: format)
    }

    static func day(_ text: String) -> CalendarDay { try! CalendarDay(iso: text) }

    static let year2024 = TransactionCSVFormat(acceptedDates: day("2024-01-01")...day("2024-12-31"))

    static let badRows: [BadCSVRow] = [
        BadCSVRow(#"C9,"O9,2024-01-05,I1,1,1.00"#, nil, .malformedQuoting),
        BadCSVRow(#"C9,"O9"x,2024-01-05,I1,1,1.00"#, nil, .malformedQuoting),
        BadCSVRow(#"C9,O"9,2024-01-05,I1,1,1.00"#, nil, .malformedQuoting),
        BadCSVRow("C9,O9,2024-01-05,I1,1", nil, .wrongColumnCount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,1.00,extra", nil, .wrongColumnCount),
        BadCSVRow("C9", nil, .wrongColumnCount),
        BadCSVRow(",O9,2024-01-05,I1,1,1.00", "customer_id", .emptyID),
        BadCSVRow(#""",O9,2024-01-05,I1,1,1.00"#, "customer_id", .emptyID),
        BadCSVRow("C9,,2024-01-05,I1,1,1.00", "order_id", .emptyID),
        BadCSVRow("C9,O9,2024-01-05,,1,1.00", "item_id", .emptyID),
        BadCSVRow("C9,O9,2024/01/05,I1,1,1.00", "date", .invalidDate),
        BadCSVRow("C9,O9,05-01-2024,I1,1,1.00", "date", .invalidDate),
        BadCSVRow("C9,O9,,I1,1,1.00", "date", .invalidDate),
        BadCSVRow("C9,O9,2023-02-29,I1,1,1.00", "date", .invalidDate),
        BadCSVRow("C9,O9,2024-13-01,I1,1,1.00", "date", .invalidDate),
        BadCSVRow("C9,O9,2024-00-10,I1,1,1.00", "date", .invalidDate),
        BadCSVRow("C9,O9,1899-12-31,I1,1,1.00", "date", .dateOutOfRange),
        BadCSVRow("C9,O9,2200-01-01,I1,1,1.00", "date", .dateOutOfRange),
        BadCSVRow("C9,O9,2025-01-01,I1,1,1.00", "date", .dateOutOfRange, format: year2024),
        BadCSVRow("C9,O9,2023-12-31,I1,1,1.00", "date", .dateOutOfRange, format: year2024),
        BadCSVRow("C9,O9,2024-01-05,I1,0,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,-1,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,1.5,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,abc,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,2147483648,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,99999999999,1.00", "quantity", .invalidQuantity),
        BadCSVRow("C9,O9,2024-01-05,I1,1,-1.00", "amount", .negativeAmount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,nan", "amount", .invalidAmount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,inf", "amount", .invalidAmount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,1e5", "amount", .invalidAmount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,", "amount", .invalidAmount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,$1", "amount", .invalidAmount),
        BadCSVRow("C9,O9,2024-01-05,I1,1,1.005", "amount", .tooManyDecimals),
        BadCSVRow("C9,O9,2024-01-05,I1,1,10.5", "amount", .tooManyDecimals, format: TransactionCSVFormat(currency: .jpy)),
        BadCSVRow("C9,O9,2024-01-05,I1,1,99999999999999999999", "amount", .amountOverflow),
        // Line 2 dated C1/O1 on 2024-01-05.
        BadCSVRow("C1,O1,2024-01-06,I2,1,1.00", "date", .conflictingOrderDate),
    ]

    /// The bad row sits on line 3 between two good rows; both good rows are kept.
    @Test(arguments: badRows) func rejectsWithLineColumnAndReason(_ bad: BadCSVRow) throws {
        let result = try Self.run(
            [Self.header, "C1,O1,2024-01-05,I1,2,10", bad.row, "C2,O2,2024-02-01,I2,1,7"], format: bad.format)
        let report = result.report
        #expect(report.rowsRead == 3)
        #expect(report.rowsKept == 2)
        #expect(report.rowsRejected == 1)
        #expect(report.rejectionsByReason == [bad.reason: 1])
        let rejection = try #require(report.rejections.first)
        #expect(rejection.line == 3)
        #expect(rejection.column == bad.column)
        #expect(rejection.reason == bad.reason)
        #expect(!rejection.message.isEmpty)
        let minor = bad.format.currency.minorUnitsPerMajor
        #expect(result.orders.map(\.id) == ["O1", "O2"])
        #expect(result.orders.map { $0.lines.map(\.amount.minorUnits) } == [[10 * minor], [7 * minor]])
        #expect(result.orders.allSatisfy { $0.lines.allSatisfy { $0.amount.currency == bad.format.currency } })
    }

    @Test func messagesQuoteTheValue() throws {
        let result = try Self.run([Self.header, "C9,O9,2024-01-05,I1,abc,1.00", "C9,O9,2024-01-05,I1,1,1.005"])
        #expect(result.report.rejections.map(\.line) == [2, 3])
        #expect(result.report.rejections[0].message.contains("abc"))
        #expect(result.report.rejections[1].message.contains("1.005"))
        #expect(result.report.rejections[0].description.hasPrefix("line 2, column quantity: invalidQuantity"))
    }

    @Test(arguments: [
        ("customer_id,order_id,date,item_id,quantity\nC1,O1,2024-01-05,I1,1", ImportError.Code.missingColumn),
        ("customer_id,order_id,date,item_id,quantity,amount,Date\n", .duplicateColumn),
        ("customer_id,order_id,date,item_id,quantity,amount,extra,extra\n", .duplicateColumn),
        ("customer_id,\"order_id,date,item_id,quantity,amount\n", .malformedHeader),
        ("", .missingHeader),
        ("\n  \n\r\n", .missingHeader),
        ("\u{FEFF}", .missingHeader),
    ])
    func headerErrorsStopTheImport(_ text: String, _ code: ImportError.Code) {
        let error = #expect(throws: ImportError.self) { try TransactionCSVImporter.importOrders(from: Array(text.utf8)) }
        #expect(error?.code == code)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.csv([Self.header, "C1,O1,2024-01-05,I1,2,10.50"])
        for chunkSize in [1, 2, 4, bytes.count] {
            var importer = TransactionCSVImporter()
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                try importer.append(bytes[start..<min(bytes.count, start + chunkSize)])
            }
            let result = try importer.finish()
            #expect(result.report == ImportReport(rowsRead: 1, rowsKept: 1), "chunk \(chunkSize)")
            #expect(result.orders.first?.customerID == "C1", "chunk \(chunkSize)")
        }
    }

    @Test func crlfLineEndsAreHandled() throws {
        let lines = [Self.header, "C1,O1,2024-01-05,I1,2,10.50", "C1,O1,2024-01-05,I2,1,0.99", "C2,O2,2024-01-06,I1,1,3"]
        let bytes = Array(lines.joined(separator: "\r\n").utf8)  // and no line end after the last row
        let result = try TransactionCSVImporter.importOrders(from: bytes)
        #expect(result.report == ImportReport(rowsRead: 3, rowsKept: 3))
        #expect(result.orders.map(\.customerID) == ["C1", "C2"])
        #expect(result.orders[0].lines.map(\.amount.minorUnits) == [1_050, 99])
        #expect(result.orders[1].lines.map(\.amount.minorUnits) == [300])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let result = try Self.run(["", Self.header, "", "C1,O1,2024-01-05,I1,1,1.00", "   ", "\t", "C9,O9,2024-01-05,I1,0,1.00", ""])
        #expect(result.report.rowsRead == 2)
        #expect(result.report.rowsKept == 1)
        #expect(result.report.rejections.map(\.line) == [7])
    }

    @Test func quotedFieldsAreUnescaped() throws {
        let row = #""C""1","O,1","2024-01-05","I ""x""","3","10.50""#
        let result = try Self.run([Self.header, row])
        #expect(result.report == ImportReport(rowsRead: 1, rowsKept: 1))
        let order = try #require(result.orders.first)
        #expect(order.customerID.rawValue == #"C"1"#)
        #expect(order.id.rawValue == "O,1")
        #expect(order.date == Self.day("2024-01-05"))
        #expect(order.lines == [OrderLine(itemID: #"I "x""#, quantity: 3, amount: Money(minorUnits: 1_050, currency: .usd))])
    }

    @Test func columnsAreFoundByName() throws {
        let header = " Amount ,DATE,note,customer_id,quantity,item_id,order_id"
        let result = try Self.run([header, "12.34,2024-01-05,hello,C1,2,I1,O1", "1,2024-01-05,,C1,x,I2,O1"])
        #expect(result.report.rowsKept == 1)
        #expect(result.report.rejections.map(\.column) == ["quantity"])
        #expect(result.orders == [Order(
            id: "O1", customerID: "C1", date: Self.day("2024-01-05"),
            lines: [OrderLine(itemID: "I1", quantity: 2, amount: Money(minorUnits: 1_234, currency: .usd))])])
    }

    @Test func validRowsAreKeptAndCountedByReason() throws {
        let result = try Self.run([
            Self.header,
            "C1,O1,2024-01-05,I1,1,1.00",  // 2
            "C1,O1,2024-01-05,I2,0,1.00",  // 3 quantity
            "C2,O2,2024-01-06,I1,1,nan",  // 4 amount
            "C2,O2,2024-01-06,I1,1,2.00",  // 5
            "C3,O3,2024-02-30,I1,1,1.00",  // 6 date
            "C2,O2,2024-01-07,I3,1,1.00",  // 7 conflict
            "C3,O3,2024-01-08,I1,-1,1.00",  // 8 quantity
            "C3,O3,2024-01-08,I1,1,3.00",  // 9
        ])
        let report = result.report
        #expect(report.rowsRead == 8)
        #expect(report.rowsKept == 3)
        #expect(report.rowsRejected == 5)
        #expect(report.rowsRead == report.rowsKept + report.rowsRejected)
        #expect(report.rejections.map(\.line) == [3, 4, 6, 7, 8])
        #expect(report.rejectionsByReason == [
            .invalidQuantity: 2, .invalidAmount: 1, .invalidDate: 1, .conflictingOrderDate: 1,
        ])
        #expect(result.orders.map(\.customerID) == ["C1", "C2", "C3"])
    }

    @Test func ordersAreGroupedByCustomerAndOrderID() throws {
        let result = try Self.run([
            Self.header,
            "C1,O1,2024-01-05,I1,1,1.00",
            "C2,O1,2024-01-06,I2,1,2.00",  // the same order id under another customer
            "C1,O2,2024-01-04,I3,1,3.00",
            "C1,O1,2024-01-05,I4,2,4.00",  // back to C1/O1 after other orders
        ])
        #expect(result.report == ImportReport(rowsRead: 4, rowsKept: 4))
        let summary = result.orders.map { "\($0.customerID)/\($0.id)@\($0.date):" + $0.lines.map(\.itemID.rawValue).joined(separator: "+") }
        #expect(summary == ["C1/O1@2024-01-05:I1+I4", "C2/O1@2024-01-06:I2", "C1/O2@2024-01-04:I3"])
        #expect(try result.orders[0].total() == Money(minorUnits: 500, currency: .usd))
    }

    @Test func chunkingDoesNotChangeTheResult() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.csv([
            Self.header, "C1,O1,2024-01-05,I1,1,1.00", #""C""2",O2,2024-01-06,I2,1,2.00"#, "C1,O1,2024-01-05,I2,x,1",
            "", "C3,O3,2024-01-07,I3,3,3.33", "C1,O1,2024-01-05,I3,1,1.50",
        ], separator: "\r\n")
        let whole = try TransactionCSVImporter.importOrders(from: bytes)
        #expect(whole.report.rowsKept == 4)
        #expect(whole.report.rejections.map(\.line) == [4])
        for chunkSize in [1, 3, 7, 64] {
            var importer = TransactionCSVImporter()
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                try importer.append(bytes[start..<min(bytes.count, start + chunkSize)])
            }
            let result = try importer.finish()
            #expect(result.orders == whole.orders, "chunk \(chunkSize)")
            #expect(result.report == whole.report, "chunk \(chunkSize)")
        }
    }

    @Test func finishingTwiceGivesTheSameResult() throws {
        var importer = TransactionCSVImporter(format: TransactionCSVFormat(currency: .eur))
        try importer.append(Self.csv([Self.header, "C1,O1,2024-01-05,I1,1,1.00"]))
        let first = try importer.finish()
        let second = try importer.finish()
        #expect(first.orders == second.orders && first.report == second.report)
        #expect(first.orders.first?.lines.first?.amount == Money(minorUnits: 100, currency: .eur))
    }
}
