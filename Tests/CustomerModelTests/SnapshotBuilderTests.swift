import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("Snapshot builder")
struct SnapshotBuilderTests {
    static let header = "customer_id,order_id,date,item_id,quantity,amount"

    static func csv(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    static func day(_ text: String) -> Int32 { try! CalendarDay(iso: text).dayNumber }

    /// Orders interleave (B/O2, A/O1, B/O1, B/O2, ...), A's second order is earlier than its
    /// first, C has two orders on the same day, and two rows are rejected.
    static let handMade = csv([
        header,
        "B,O2,2024-03-05,I1,1,1.50",  // 2
        "A,O1,2024-03-01,I2,2,2.00",  // 3
        "B,O1,2024-03-02,I3,1,3.25",  // 4
        "B,O2,2024-03-05,I2,1,0.99",  // 5
        "A,O1,2024-03-01,I1,3,4.50",  // 6
        "B,O1,2024-03-02,I1,5,10",  // 7
        "C,O3,2024-03-01,I4,1,0.01",  // 8
        "A,O9,2024-02-01,I4,1,7.00",  // 9
        "C,O5,2024-03-01,I1,1,1",  // 10
        "A,O1,2024-03-04,I3,1,1.00",  // 11: conflicting date
        "D,O7,2024-03-01,I9,0,1.00",  // 12: bad quantity; D and I9 are never seen
    ])

    static func strings(_ table: ByteStringTable) -> [String] { (0..<table.count).map { table[$0] } }

    /// Each order's lines as (item, quantity, amount) columns, reached through
    /// `lines(ofOrder:)` so that the layout of the line columns does not matter.
    static func orderLines(_ s: CustomerSnapshot) -> (items: [[Int32]], quantities: [[Int32]], amounts: [[Int64]]) {
        let ranges = (0..<s.orderCount).map { s.lines(ofOrder: $0) }
        return (ranges.map { $0.map { s.lineItems[$0] } }, ranges.map { $0.map { s.lineQuantities[$0] } },
                ranges.map { $0.map { s.lineAmounts[$0] } })
    }

    @Test func handMadeInputGivesTheExpectedSnapshot() throws {
        let (snapshot, report) = try SnapshotBuilder.build(csv: Self.handMade, parallelism: 1)
        #expect(Self.strings(snapshot.customerIDs) == ["B", "A", "C"])
        #expect(Self.strings(snapshot.itemIDs) == ["I1", "I2", "I3", "I4"])
        #expect(snapshot.currency == .usd)
        #expect(snapshot.customerOrderOffsets == [0, 2, 4, 6])
        #expect((0..<snapshot.orderCount).map { snapshot.orderID(at: $0).rawValue } == ["O1", "O2", "O9", "O1", "O3", "O5"])
        #expect(snapshot.orderDays == ["2024-03-02", "2024-03-05", "2024-02-01", "2024-03-01", "2024-03-01", "2024-03-01"].map(Self.day))
        let lines = Self.orderLines(snapshot)
        #expect(lines.items == [[2, 0], [0, 1], [3], [1, 0], [3], [0]])
        #expect(lines.quantities == [[1, 5], [1, 1], [1], [2, 3], [1], [1]])
        #expect(lines.amounts == [[325, 1_000], [150, 99], [700], [200, 450], [1], [100]])
        #expect(snapshot.customerCount == 3 && snapshot.itemCount == 4 && snapshot.orderCount == 6 && snapshot.lineCount == 9)
        #expect(snapshot.orders(ofCustomer: 1) == 2..<4)
        #expect(snapshot.lines(ofOrder: 3).count == 2)
        #expect(snapshot.day(ofOrder: 2).description == "2024-02-01")
        #expect(snapshot.dayRange.map { "\($0.lowerBound)...\($0.upperBound)" } == "2024-02-01...2024-03-05")
        #expect(snapshot.makeCustomerIndex() == ["B": 0, "A": 1, "C": 2])
        #expect(snapshot.makeItemIndex() == ["I1": 0, "I2": 1, "I3": 2, "I4": 3])

        #expect(report.rowsRead == 11 && report.rowsKept == 9)
        #expect(report.rejections.map(\.line) == [11, 12])
        #expect(report.rejections.map(\.reason) == [.conflictingOrderDate, .invalidQuantity])
        #expect(report.rejections.map(\.column) == ["date", "quantity"])

        let usd = { (cents: Int64) in Money(minorUnits: cents, currency: .usd) }
        let a = snapshot.materializeOrders(ofCustomer: 1)
        #expect(a == [
            Order(id: "O9", customerID: "A", date: try CalendarDay(iso: "2024-02-01"),
                  lines: [OrderLine(itemID: "I4", quantity: 1, amount: usd(700))]),
            Order(id: "O1", customerID: "A", date: try CalendarDay(iso: "2024-03-01"),
                  lines: [OrderLine(itemID: "I2", quantity: 2, amount: usd(200)),
                          OrderLine(itemID: "I1", quantity: 3, amount: usd(450))]),
        ])
    }

    /// A line rejected for a conflicting date is not data: its item must not be interned.
    @Test func aRejectedLineAddsNoItem() throws {
        let adjacent = Self.csv([Self.header, "A,O1,2024-03-01,I1,1,1", "A,O1,2024-03-02,X,1,1", "B,O2,2024-03-01,I2,1,1"])
        let apart = Self.csv([Self.header, "A,O1,2024-03-01,I1,1,1", "B,O2,2024-03-01,I2,1,1", "A,O1,2024-03-02,X,1,1"])
        for (name, bytes) in [("adjacent", adjacent), ("apart", apart)] {
            let (snapshot, report) = try SnapshotBuilder.build(csv: bytes, parallelism: 1)
            #expect(report.rejectionsByReason == [.conflictingOrderDate: 1], "\(name)")
            #expect(Self.strings(snapshot.itemIDs) == ["I1", "I2"], "\(name)")
            #expect(Self.orderLines(snapshot).items == [[0], [1]], "\(name)")
        }
    }

    @Test func emptyInputGivesAnEmptySnapshot() throws {
        for text in [Self.header + "\n", Self.header, Self.header + "\r\n\r\n  \n"] {
            let (snapshot, report) = try SnapshotBuilder.build(csv: Array(text.utf8))
            #expect(snapshot.customerCount == 0 && snapshot.itemCount == 0)
            #expect(snapshot.orderCount == 0 && snapshot.lineCount == 0)
            #expect(snapshot.customerOrderOffsets == [0])
            #expect(snapshot.dayRange == nil)
            #expect(report == ImportReport())
        }
        let error = #expect(throws: ImportError.self) { try SnapshotBuilder.build(csv: [UInt8]()) }
        #expect(error?.code == .missingHeader)
    }

    // MARK: Agreement with the row importer

    /// The importer's orders, regrouped like the snapshot: by customer in first-appearance
    /// order, each customer's orders sorted by day (ties in input order).
    static func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (snapshot, report) = try SnapshotBuilder.build(csv: bytes)
        let imported = try TransactionCSVImporter.importOrders(from: bytes)
        var byCustomer: [CustomerID: [Order]] = [:]
        var customers: [CustomerID] = []
        for order in imported.orders {
            if byCustomer[order.customerID] == nil { customers.append(order.customerID) }
            byCustomer[order.customerID, default: []].append(order)
        }
        #expect((0..<snapshot.customerCount).map(snapshot.customerID(at:)) == customers, sourceLocation: sourceLocation)
        for c in 0..<min(customers.count, snapshot.customerCount) {
            let expected = byCustomer[customers[c]]!.enumerated()
                .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            let actual = snapshot.materializeOrders(ofCustomer: c)
            if actual != expected {
                Issue.record("customer \(customers[c]): \(actual) != \(expected)", sourceLocation: sourceLocation)
                return
            }
        }
        #expect(report.rowsRead == imported.report.rowsRead, sourceLocation: sourceLocation)
        #expect(report.rowsKept == imported.report.rowsKept, sourceLocation: sourceLocation)
        let key = { (r: ImportRejection) in "\(r.line) \(r.column ?? "-") \(r.reason)" }
        #expect(report.rejections.map(key) == imported.report.rejections.map(key), sourceLocation: sourceLocation)
    }

    @Test func agreesWithTheImporter() throws {
        try Self.expectAgreement(Self.handMade)
        try Self.expectAgreement(Self.withDefects(try Self.generated(customers: 300)).bytes)
    }

    // MARK: Independence of chunking and threads

    static func generated(customers: Int) throws -> (lines: [String], dataset: SyntheticDataset) {
        let configuration = SyntheticDataGenerator.Configuration(
            customers: customers, seed: 11, includesProfiles: false, includesInteractions: false)
        let dataset = try SyntheticDataGenerator(configuration: configuration).generate()
        let text = String(decoding: dataset.transactionsCSV(), as: UTF8.self)
        return (text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), dataset)
    }

    /// Adds defects to generated lines: bad rows at the start, middle and end, the first line
    /// of the first order with several lines moved to the end (one order across segments),
    /// and a conflicting copy of it. Returns the bytes, the expected "line reason" of each
    /// rejection, and the moved order.
    static func withDefects(_ generated: (lines: [String], dataset: SyntheticDataset)) -> (bytes: [UInt8], rejections: [String], moved: Order) {
        var lines = generated.lines
        let orders = generated.dataset.orders
        let k = orders.firstIndex { $0.lines.count >= 2 }!
        let movedRow = lines.remove(at: 1 + orders[..<k].reduce(0) { $0 + $1.lines.count })
        lines.insert("C9999999,O9,2024-01-01,I1,0,1.00", at: 5)
        let middle = lines.count / 2
        lines.insert("C9999999,O9,2024-02-30,I1,1,1.00", at: middle)
        lines.append(movedRow)
        var fields = movedRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = "2099-12-31"
        lines.append(fields.joined(separator: ","))
        lines.append(#"C9999999,"O9,2024-01-01,I1,1,1.00"#)
        let n = lines.count
        let rejections = ["6 invalidQuantity", "\(middle + 1) invalidDate", "\(n - 1) conflictingOrderDate", "\(n) malformedQuoting"]
        return (csv(lines), rejections, orders[k])
    }

    static func expectIdentical(_ a: CustomerSnapshot, _ b: CustomerSnapshot, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.currency == b.currency, comment, sourceLocation: sourceLocation)
        #expect(strings(a.customerIDs) == strings(b.customerIDs), comment, sourceLocation: sourceLocation)
        #expect(strings(a.itemIDs) == strings(b.itemIDs), comment, sourceLocation: sourceLocation)
        #expect(a.customerOrderOffsets == b.customerOrderOffsets, comment, sourceLocation: sourceLocation)
        #expect(a.orderDays == b.orderDays, comment, sourceLocation: sourceLocation)
        #expect(a.lineCount == b.lineCount, comment, sourceLocation: sourceLocation)
        let (linesA, linesB) = (orderLines(a), orderLines(b))
        #expect(linesA.items == linesB.items, comment, sourceLocation: sourceLocation)
        #expect(linesA.quantities == linesB.quantities, comment, sourceLocation: sourceLocation)
        #expect(linesA.amounts == linesB.amounts, comment, sourceLocation: sourceLocation)
        let ids = { (s: CustomerSnapshot) in (0..<s.orderCount).map { s.orderID(at: $0) } }
        #expect(ids(a) == ids(b), comment, sourceLocation: sourceLocation)
    }

    @Test func chunkingDoesNotChangeTheResult() throws {
        let generated = try Self.generated(customers: 150)
        for bytes in [Self.handMade, [0xEF, 0xBB, 0xBF] + Self.withDefects(generated).bytes] {
            let (whole, wholeReport) = try SnapshotBuilder.build(csv: bytes, parallelism: 2)
            for chunkSize in [1, 7, 1000] {
                var builder = SnapshotBuilder(parallelism: 2)
                for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                    try builder.append(Array(bytes[start..<min(bytes.count, start + chunkSize)]))
                }
                let (snapshot, report) = try builder.finish()
                Self.expectIdentical(snapshot, whole, "chunks of \(chunkSize)")
                #expect(report == wholeReport, "chunks of \(chunkSize)")
            }
        }
    }

    @Test func threadsDoNotChangeTheResult() throws {
        let generated = try Self.generated(customers: 11_000)
        let (bytes, expectedRejections, moved) = Self.withDefects(generated)
        try #require(bytes.count > 2 << 20)
        let (one, oneReport) = try SnapshotBuilder.build(csv: bytes, parallelism: 1)
        let (two, twoReport) = try SnapshotBuilder.build(csv: bytes, parallelism: 2)
        Self.expectIdentical(two, one, "parallelism 2 vs 1")
        #expect(twoReport == oneReport)
        #expect(oneReport.rejections.map { "\($0.line) \($0.reason)" } == expectedRejections)
        #expect(oneReport.rowsRead == generated.lines.count - 1 + 4)
        #expect(oneReport.rowsKept == generated.dataset.orderLineCount)
        #expect(one.customerCount == 11_000)
        #expect(one.orderCount == generated.dataset.orders.count)
        // The moved line is back in its order, as the order's last line.
        let customer = try #require(one.makeCustomerIndex()[moved.customerID])
        let order = try #require(one.materializeOrders(ofCustomer: customer).first { $0.id == moved.id })
        let plain = moved.lines.map { OrderLine(itemID: $0.itemID, quantity: $0.quantity, amount: $0.amount) }
        #expect(order.lines == Array(plain.dropFirst()) + [plain[0]])
    }

    // MARK: Radix sort

    @Test(arguments: [0, 1, 2, 1_000, 70_000])
    func radixSortMatchesAStableSort(_ count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        for mask in [UInt64(0xF), 0xFFFF_0000_FFFF, .max] {
            let keys = (0..<count).map { _ in generator.next() & mask }
            let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map(Int32.init)
            #expect(RadixSort.ascendingPermutation(of: keys) == expected, "mask \(mask)")
        }
        #expect(RadixSort.ascendingPermutation(of: [UInt64](repeating: 5, count: count)) == (0..<Int32(count)).map { $0 })
    }

    @Test func orderedKeysSortSignedValues() {
        let values: [Int64] = [3, -1, .min, 0, .max, -1, 2]
        let order = RadixSort.ascendingPermutation(of: values.map(RadixSort.orderedKey))
        #expect(order == [2, 1, 5, 3, 6, 0, 4])
    }
}

@Suite("Snapshot builder edge cases")
struct SnapshotBuilderEdgeCaseTests {
    @Test(arguments: [1, 2])
    func everyRowRejectedGivesAnEmptySnapshotAndTheRejections(parallelism: Int) throws {
        let text = "customer_id,order_id,date,item_id,quantity,amount\nc1,o1,2024-13-01,i1,1,1.00\nc2,o2,2024-01-01,i2,0,1.00\n"
        let (snapshot, report) = try SnapshotBuilder.build(csv: Array(text.utf8), parallelism: parallelism)
        #expect(snapshot.customerCount == 0 && snapshot.orderCount == 0 && snapshot.lineCount == 0)
        #expect(snapshot.customerOrderOffsets == [0])
        #expect(report.rowsRead == 2 && report.rowsKept == 0)
        #expect(report.rejections.map(\.line) == [2, 3])
        #expect(report.rejections.map(\.reason) == [.invalidDate, .invalidQuantity])
    }
}
