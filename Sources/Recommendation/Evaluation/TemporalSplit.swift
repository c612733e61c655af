import CustomerModel

/// A temporal train/test split of a snapshot for offline evaluation: what customers bought
/// before the split day is the training data; the items they bought on or after it, and had
/// never bought before, are what a recommender should have predicted.
public struct TemporalSplit: Sendable {
    /// The first day of the test period.
    public let splitDay: CalendarDay
    /// Purchase counts before the split day (every snapshot customer is a row).
    public let training: PurchaseMatrix
    /// Baskets (orders) before the split day.
    public let trainingBaskets: BasketSet
    /// Held-out items of customer u: `heldOutItems[heldOutOffsets[u]..<heldOutOffsets[u+1]]`.
    public let heldOutOffsets: [Int]
    /// Items bought on or after the split day and never before it, per customer, in id order.
    public let heldOutItems: [Int32]

    /// Splits `snapshot` at `splitDay`.
    /// - Complexity: O(lines).
    public init(snapshot: CustomerSnapshot, splitDay: CalendarDay) {
        let training = PurchaseMatrix(snapshot: snapshot, before: splitDay)
        let rank = training.itemOrder.rank
        var offsets = [0]
        offsets.reserveCapacity(snapshot.customerCount + 1)
        var items: [Int32] = []
        var row: [Int32] = []
        for c in 0..<snapshot.customerCount {
            row.removeAll(keepingCapacity: true)
            let bought = training.items(ofCustomer: c)
            for o in snapshot.orders(ofCustomer: c) where snapshot.orderDays[o] >= splitDay.dayNumber {
                for line in snapshot.lines(ofOrder: o) {
                    let item = snapshot.lineItems[line]
                    if !bought.contains(item), !row.contains(item) { row.append(item) }
                }
            }
            row.sort { rank[Int($0)] < rank[Int($1)] }
            items.append(contentsOf: row)
            offsets.append(items.count)
        }
        self.splitDay = splitDay
        self.training = training
        self.trainingBaskets = BasketSet(snapshot: snapshot, before: splitDay)
        self.heldOutOffsets = offsets
        self.heldOutItems = items
    }

    /// The held-out items of customer `index`.
    public func heldOut(ofCustomer index: Int) -> ArraySlice<Int32> {
        heldOutItems[heldOutOffsets[index]..<heldOutOffsets[index + 1]]
    }

    /// The customers a recommender is judged on: training purchases and held-out items.
    public var evaluatedCustomers: [Int] {
        (0..<training.customerCount).filter {
            training.rowOffsets[$0 + 1] > training.rowOffsets[$0] && heldOutOffsets[$0 + 1] > heldOutOffsets[$0]
        }
    }
}
