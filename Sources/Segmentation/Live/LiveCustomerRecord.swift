import CustomerModel

/// What the live engine knows about one customer, in the day-ordered form the evaluator
/// reads (the per-customer counterpart of ``SegmentPopulation``'s columns).
struct LiveCustomerRecord: Sendable {
    let id: CustomerID
    var orderDays: [Int32] = []
    var orderTotals: [Int64] = []
    var lineDays: [Int32] = []
    var lineCategories: [Int32] = []
    var lineAmounts: [Int64] = []
    var eventDays: [Int32] = []
    var eventKinds: [Int32] = []
    var eventCategories: [Int32] = []
    var profile: CustomerProfile?
    var scores: [String: Double] = [:]
    var rfmSegment: UInt8 = 255
    var valueTier: UInt8 = 255
    var consents: Set<String> = []
    /// Membership of each tracked segment.
    var memberships: [Bool]

    init(id: CustomerID, segments: Int) {
        self.id = id
        memberships = Array(repeating: false, count: segments)
    }

    /// The position after the last element with a day ≤ `day` (ties keep arrival order).
    static func insertionPoint(_ days: [Int32], _ day: Int32) -> Int {
        var at = days.count
        while at > 0, days[at - 1] > day { at -= 1 }
        return at
    }

    mutating func addOrder(day: Int32, total: Int64, lines: [(category: Int32, amount: Int64)]) {
        let at = Self.insertionPoint(orderDays, day)
        orderDays.insert(day, at: at)
        orderTotals.insert(total, at: at)
        let lineAt = Self.insertionPoint(lineDays, day)
        lineDays.insert(contentsOf: repeatElement(day, count: lines.count), at: lineAt)
        lineCategories.insert(contentsOf: lines.map(\.category), at: lineAt)
        lineAmounts.insert(contentsOf: lines.map(\.amount), at: lineAt)
    }

    mutating func addEvent(day: Int32, kind: Int32, category: Int32) {
        let at = Self.insertionPoint(eventDays, day)
        eventDays.insert(day, at: at)
        eventKinds.insert(kind, at: at)
        eventCategories.insert(category, at: at)
    }
}

/// A program's name slots resolved for the live engine's codes.
struct LiveProgramBinding: Sendable {
    let program: SegmentProgram
    let kindCodes: [Int32]
    let categoryCodes: [Int32]
    let minorUnitTests: [NumericTest?]
    /// Whether the program reads anything that changes with the as-of day (windows, days
    /// since a purchase, age).
    let dependsOnTime: Bool
}

/// One customer's record as ``CustomerFacts``; the customer index is ignored.
struct LiveFacts: CustomerFacts, Sendable {
    let record: LiveCustomerRecord
    let binding: LiveProgramBinding
    let asOfDay: Int32
    let browseKind: Int32
    let minorUnitsPerUnit: Double

    func orderRange(_ c: Int) -> Range<Int> { 0..<record.orderDays.count }
    func orderDay(_ o: Int) -> Int32 { record.orderDays[o] }
    func orderTotal(_ o: Int) -> Int64 { record.orderTotals[o] }
    func lineRange(_ c: Int) -> Range<Int> { 0..<record.lineDays.count }
    func lineDay(_ l: Int) -> Int32 { record.lineDays[l] }
    func lineCategory(_ l: Int) -> Int32 { record.lineCategories[l] }
    func lineAmount(_ l: Int) -> Int64 { record.lineAmounts[l] }
    func eventRange(_ c: Int) -> Range<Int> { 0..<record.eventDays.count }
    func eventDay(_ e: Int) -> Int32 { record.eventDays[e] }
    func eventKind(_ e: Int) -> Int32 { record.eventKinds[e] }
    func eventCategory(_ e: Int) -> Int32 { record.eventCategories[e] }
    func attribute(_ slot: Int, _ c: Int) -> AttributeValue? { record.profile?[binding.program.fields[slot]] }
    func birthDay(_ c: Int) -> Int32? { record.profile?.birthDate?.dayNumber }
    func hasTag(_ slot: Int, _ c: Int) -> Bool { record.profile?.tags.contains(binding.program.tags[slot]) ?? false }
    func score(_ slot: Int, _ c: Int) -> Double { record.scores[binding.program.scores[slot]] ?? .nan }
    func rfmSegment(_ c: Int) -> UInt8 { record.rfmSegment }
    func valueTier(_ c: Int) -> UInt8 { record.valueTier }
    func hasConsent(_ slot: Int, _ c: Int) -> Bool { record.consents.contains(binding.program.purposes[slot]) }
    func kindCode(_ slot: Int) -> Int32 { binding.kindCodes[slot] }
    func categoryCode(_ slot: Int) -> Int32 { binding.categoryCodes[slot] }
}
