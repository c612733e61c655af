import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("SyntheticDataGenerator")
struct SyntheticDataGeneratorTests {
    static let configuration = SyntheticDataGenerator.Configuration(customers: 3000, seed: 42)
    static let data: SyntheticDataset? = try? SyntheticDataGenerator(configuration: configuration).generate()

    @Test func defaultPeriodIsTwoYears() throws {
        let c = SyntheticDataGenerator.Configuration()
        #expect(c.start == (try CalendarDay(iso: "2023-01-01")))
        #expect(c.end == (try CalendarDay(iso: "2024-12-31")))
        #expect(c.days == 731)
    }

    @Test func sameSeedGivesIdenticalData() throws {
        let configuration = SyntheticDataGenerator.Configuration(customers: 300, seed: 7)
        let a = try SyntheticDataGenerator(configuration: configuration).generate()
        let b = try SyntheticDataGenerator(configuration: configuration).generate()
        #expect(a.orders == b.orders)
        #expect(a.profiles == b.profiles)
        #expect(a.interactions == b.interactions)
        #expect(a.transactionsCSV() == b.transactionsCSV())
        #expect(a.dirtyData == b.dirtyData)
    }

    @Test func differentSeedGivesDifferentData() throws {
        let a = try SyntheticDataGenerator(configuration: .init(customers: 300, seed: 7)).generate()
        let b = try SyntheticDataGenerator(configuration: .init(customers: 300, seed: 8)).generate()
        #expect(a.transactionsCSV() != b.transactionsCSV())
        #expect(a.profiles != b.profiles)
    }

    @Test func aCustomerDoesNotDependOnHowManyAreGenerated() throws {
        let small = try SyntheticDataGenerator(configuration: .init(customers: 50, seed: 3)).generate()
        let large = try SyntheticDataGenerator(configuration: .init(customers: 500, seed: 3)).generate()
        #expect(small.customers == Array(large.customers.prefix(50)))
        #expect(small.profiles == Array(large.profiles.prefix(50)))
        let dates = { (data: SyntheticDataset, id: CustomerID) in data.orders.filter { $0.customerID == id }.map(\.date) }
        #expect(dates(small, "C0000007") == dates(large, "C0000007"))
    }

    @Test func ordersOnlyModeGivesTheSameOrders() throws {
        var configuration = SyntheticDataGenerator.Configuration(customers: 200, seed: 5)
        let full = try SyntheticDataGenerator(configuration: configuration).generate()
        configuration.includesProfiles = false
        configuration.includesInteractions = false
        let lean = try SyntheticDataGenerator(configuration: configuration).generate()
        #expect(lean.orders == full.orders)
        #expect(lean.profiles.isEmpty && lean.interactions.isEmpty)
    }

    @Test func shapeOfTheOrders() throws {
        let data = try #require(Self.data)
        let n = Self.configuration.customers
        #expect(data.customers.count == n)
        #expect(data.customers.first?.customerID == "C0000001")
        #expect(data.orders.first?.id == "O000000001")
        #expect(data.catalogue.items.first == "I00001")
        #expect(data.catalogue.items.count == 2000 && data.catalogue.categories.count == 40)
        let buyers = Set(data.orders.map(\.customerID))
        #expect(buyers.count == n)  // every customer has at least one order
        let meanOrders = Double(data.orders.count) / Double(n)
        #expect(meanOrders > 2.3 && meanOrders < 3.1, "mean orders per customer \(meanOrders) (peers: 2.69)")
        for order in data.orders {
            #expect((1...5).contains(order.lines.count))
            #expect(order.date >= Self.configuration.start && order.date <= Self.configuration.end)
            #expect(Set(order.lines.map(\.itemID)).count == order.lines.count)
            for line in order.lines {
                #expect(line.amount.minorUnits > 0 && line.amount.currency == .usd)
                #expect((1...9).contains(line.quantity))
                #expect(line.amount.minorUnits % Int64(line.quantity) == 0)
            }
        }
        let prices = data.catalogue.unitPriceMinorUnits
        #expect(prices.allSatisfy { $0 >= 50 })
        let median = prices.sorted()[prices.count / 2]
        #expect(median > 1700 && median < 2300, "median unit price \(median) cents (model: 2000)")
    }

    @Test func ordersAreInCanonicalOrder() throws {
        let data = try #require(Self.data)
        for (previous, next) in zip(data.orders, data.orders.dropFirst()) {
            #expect((previous.date, previous.customerID.rawValue, previous.id.rawValue)
                < (next.date, next.customerID.rawValue, next.id.rawValue))
        }
    }

    @Test func missionCategoriesFollowTheFavourites() throws {
        let data = try #require(Self.data)
        var favouriteLines = 0
        var lines = 0
        for order in data.orders {
            let index = Int(order.customerID.rawValue.dropFirst()).map { $0 - 1 } ?? 0
            let favourites = Set(data.customers[index].favouriteCategories)
            for line in order.lines {
                lines += 1
                if let category = line.categoryID, favourites.contains(category) { favouriteLines += 1 }
            }
        }
        // Missions 60% + 30% favourites, 80% of lines in the mission: well over half.
        #expect(Double(favouriteLines) / Double(lines) > 0.65)
    }

    @Test func transactionsCSVRoundTrips() throws {
        let data = try #require(Self.data)
        let text = String(decoding: data.transactionsCSV(), as: UTF8.self)
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.removeLast() == "")
        #expect(rows.removeFirst() == "customer_id,order_id,date,item_id,quantity,amount")
        let expected = data.orders.flatMap { order in order.lines.map { (order, $0) } }
        #expect(rows.count == expected.count)
        for (row, (order, line)) in zip(rows, expected) {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            try #require(fields.count == 6)
            #expect(fields[0] == order.customerID.rawValue[...])
            #expect(fields[1] == order.id.rawValue[...])
            #expect(try CalendarDay(iso: fields[2]) == order.date)
            #expect(fields[3] == line.itemID.rawValue[...])
            #expect(Int(fields[4]) == line.quantity)
            #expect(try Money(decimal: fields[5], currency: .usd) == line.amount)
            #expect(fields[5].split(separator: ".").last?.count == 2)
        }
    }

    @Test func csvWriterSortsAndQuotes() throws {
        let day = try CalendarDay(iso: "2024-01-02")
        let usd = Currency.usd
        let orders = [
            Order(id: "O2", customerID: "C,2", date: day, lines: [
                OrderLine(itemID: "I2", quantity: 1, amount: Money(minorUnits: 5, currency: usd)),
                OrderLine(itemID: "I1", quantity: 2, amount: Money(minorUnits: 1000, currency: usd)),
            ]),
            Order(id: "O1", customerID: "C\"1", date: day.adding(days: -1), lines: [
                OrderLine(itemID: "I9", quantity: 3, amount: Money(minorUnits: 123_456, currency: usd)),
            ]),
        ]
        let text = String(decoding: TransactionsCSVWriter().bytes(for: orders), as: UTF8.self)
        #expect(text == """
            customer_id,order_id,date,item_id,quantity,amount
            "C""1",O1,2024-01-01,I9,3,1234.56
            "C,2",O2,2024-01-02,I1,2,10.00
            "C,2",O2,2024-01-02,I2,1,0.05

            """)
    }

    @Test func interactionsCoverTheKindsAndAreInTimeOrder() throws {
        let data = try #require(Self.data)
        let kinds = Set(data.interactions.map(\.kind))
        for kind in [InteractionKind.browse, .search, .click, .like, .share, .comment, .appUse, .serviceContact,
                     .complaint, .satisfactionRating, .campaignResponse] {
            #expect(kinds.contains(kind), "missing \(kind)")
        }
        #expect(data.interactions.first?.id == "E0000000001")
        #expect(zip(data.interactions, data.interactions.dropFirst()).allSatisfy { $0.occurredAt <= $1.occurredAt })
        let perCustomer = Double(data.interactions.count) / Double(Self.configuration.customers)
        #expect(perCustomer > 3 && perCustomer < 20, "events per customer \(perCustomer)")
        let browses = data.interactions.filter { $0.kind == .browse }
        #expect(browses.allSatisfy { ($0.details.path?.count ?? 0) == 3 && ($0.details.dwellSeconds ?? 0) > 0 })
        let end = Self.configuration.end.adding(days: 1).startUTC
        #expect(data.interactions.allSatisfy { $0.occurredAt >= Self.configuration.start.startUTC && $0.occurredAt < end })
    }

    @Test func windowShoppersBrowseACategoryTheyNeverBuy() throws {
        let data = try #require(Self.data)
        let shoppers = data.customers.filter { $0.browsedWithoutBuyingCategory != nil }
        let share = Double(shoppers.count) / Double(data.customers.count)
        #expect(isApproximatelyEqual(share, 0.05, absoluteTolerance: 0.015))
        var browsesByCustomer: [CustomerID: [CategoryID: Int]] = [:]
        for event in data.interactions where event.kind == .browse {
            if let category = event.details.categoryID { browsesByCustomer[event.customerID, default: [:]][category, default: 0] += 1 }
        }
        var boughtByCustomer: [CustomerID: Set<CategoryID>] = [:]
        for order in data.orders {
            boughtByCustomer[order.customerID, default: []].formUnion(order.lines.compactMap(\.categoryID))
        }
        for shopper in shoppers {
            let category = try #require(shopper.browsedWithoutBuyingCategory)
            #expect((browsesByCustomer[shopper.customerID]?[category] ?? 0) >= 5)
            #expect(boughtByCustomer[shopper.customerID]?.contains(category) == false)
        }
    }

    @Test func invalidConfigurationsThrow() {
        #expect(throws: SyntheticDataError.self) { try SyntheticDataGenerator(configuration: .init(customers: 0)) }
        #expect(throws: SyntheticDataError.self) {
            try SyntheticDataGenerator(configuration: .init(start: CalendarDay(dayNumber: 10), end: CalendarDay(dayNumber: 9)))
        }
        #expect(throws: SyntheticDataError.self) {
            try SyntheticDataGenerator(configuration: .init(dirtyData: DirtyDataShares(missingFields: 0.9, malformedEmail: 0.2)))
        }
    }
}
