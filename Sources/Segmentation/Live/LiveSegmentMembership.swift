#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Scoring

/// Keeps the membership of segments current as things happen: each input re-evaluates
/// only the customer it concerns, advancing the as-of day re-evaluates the segments that
/// depend on time, and every entry and exit goes to the membership store and, as a
/// `segmentEntered` / `segmentExited` ``DomainEvent`` with the reason, to the event sink.
///
/// After any sequence of inputs and advances, membership equals a full evaluation of the
/// same data with ``SegmentEvaluator`` at the same as-of day (the tests check this on random
/// sequences). RFM and value scores are inputs here (`.scores`, `.rfmSegment`, `.valueTier`):
/// they rank a customer against everyone, so they come from a periodic batch run.
///
/// ```swift
/// let live = try LiveSegmentMembership(catalog: catalog, asOf: today, currency: .usd,
///                                      store: InMemorySegmentMembershipStore(), sink: sink, clock: clock)
/// let changes = try await live.apply([.interaction(event)])   // entered/exited with reasons
/// try await live.advance(to: today.adding(days: 1))           // windows move
/// ```
public actor LiveSegmentMembership {
    /// The ids of the tracked segments, in order.
    public let segmentIDs: [String]
    /// The current as-of day.
    public private(set) var asOf: CalendarDay
    /// The currency amounts must be in.
    public let currency: Currency

    private let bindings: [LiveProgramBinding]
    private let itemCategories: [ItemID: CategoryID]
    private var kindCodes: [InteractionKind: Int32]
    private var categoryCodes: [CategoryID: Int32]
    private let browseKind: Int32
    private var records: [LiveCustomerRecord] = []
    private var index: [CustomerID: Int] = [:]
    private let store: any SegmentMembershipStore
    private let sink: any EventSink
    private let clock: any TimeSource

    /// Creates an engine with no customers.
    /// - Parameters:
    ///   - catalog: The definitions; `segmentIDs` (default all) are tracked.
    ///   - asOf: The first as-of day; windows end the day before.
    ///   - itemCategories: Categories of items whose order lines carry none.
    /// - Throws: ``SegmentDefinitionError`` `.missingReference` for an id not in the catalog.
    public init(
        catalog: SegmentCatalog, segmentIDs: [String]? = nil, asOf: CalendarDay, currency: Currency,
        itemCategories: [ItemID: CategoryID] = [:], store: any SegmentMembershipStore, sink: any EventSink, clock: any TimeSource
    ) throws(SegmentDefinitionError) {
        let ids = segmentIDs ?? catalog.ids
        var programs: [SegmentProgram] = []
        for id in ids { programs.append(try SegmentProgram(catalog: catalog, segmentID: id)) }
        // Codes for the kinds some program asks about, plus browse: events of other kinds
        // cannot change any membership. Categories are interned as they arrive.
        var kinds: [InteractionKind: Int32] = [.browse: 0]
        var categories: [CategoryID: Int32] = [:]
        for program in programs {
            for kind in program.kinds where kinds[kind] == nil { kinds[kind] = Int32(kinds.count) }
            for category in program.categories where categories[category] == nil { categories[category] = Int32(categories.count) }
        }
        let scale = Double(currency.minorUnitsPerMajor)
        bindings = programs.map { program in
            LiveProgramBinding(
                program: program, kindCodes: program.kinds.map { kinds[$0] ?? -1 },
                categoryCodes: program.categories.map { categories[$0] ?? -1 },
                minorUnitTests: ProgramEvaluation<LiveFacts>.minorUnitTests(program, scale: scale),
                dependsOnTime: program.nodes.contains { node in
                    switch node {
                    case .metric, .age: true
                    default: false
                    }
                })
        }
        self.segmentIDs = ids
        self.asOf = asOf
        self.currency = currency
        self.itemCategories = itemCategories
        kindCodes = kinds
        categoryCodes = categories
        browseKind = 0
        self.store = store
        self.sink = sink
        self.clock = clock
    }

    /// Applies inputs in order, re-evaluates the customers they concern, and reports the
    /// changes (also written to the store and sent to the sink).
    /// - Throws: ``MoneyError`` `.currencyMismatch` for an order line in another currency
    ///   (then nothing of the batch is applied); what the store throws.
    /// - Complexity: O(inputs × (segments × clauses + the customer's data in the windows)).
    @discardableResult
    public func apply(_ inputs: [LiveSegmentInput]) async throws -> [SegmentMembershipChange] {
        for input in inputs {
            if case .order(let order) = input, let line = order.lines.first(where: { $0.amount.currency != currency }) {
                throw MoneyError(.currencyMismatch, "order \(order.id) has a line in \(line.amount.currency.code), the engine counts \(currency.code)")
            }
        }
        var touched: [Int: String] = [:]
        var order: [Int] = []
        for input in inputs {
            let r = record(for: input.customerID)
            update(&records[r], with: input)
            if touched[r] == nil { order.append(r) }
            touched[r] = input.trigger
        }
        let now = clock.now()
        var changes: [SegmentMembershipChange] = []
        for r in order { changes += reevaluate(r, segments: 0..<bindings.count, trigger: touched[r] ?? "", at: now) }
        try await publish(changes)
        return changes
    }

    /// Moves the as-of day and re-evaluates every customer for the segments that depend on
    /// time (windows, days since a purchase, age).
    /// - Complexity: O(customers × time-dependent segments × clauses).
    @discardableResult
    public func advance(to day: CalendarDay) async throws -> [SegmentMembershipChange] {
        guard day != asOf else { return [] }
        asOf = day
        let timed = bindings.indices.filter { bindings[$0].dependsOnTime }
        let now = clock.now()
        var changes: [SegmentMembershipChange] = []
        if !timed.isEmpty {
            for r in records.indices {
                changes += reevaluate(r, segments: timed, trigger: "as-of day \(day)", at: now)
            }
        }
        try await publish(changes)
        return changes
    }

    /// Advances the as-of day to the day after the clock's current day (UTC), so that what
    /// happened today counts; see ``advance(to:)``. Call it when the clock moves (a daily job,
    /// a timer).
    @discardableResult
    public func followClock() async throws -> [SegmentMembershipChange] {
        try await advance(to: clock.now().calendarDayUTC.adding(days: 1))
    }

    /// Whether `customer` is in `segmentID` now.
    public func isMember(_ customer: CustomerID, of segmentID: String) -> Bool {
        guard let r = index[customer], let k = segmentIDs.firstIndex(of: segmentID) else { return false }
        return records[r].memberships[k]
    }

    /// The members of `segmentID` now, sorted by id.
    public func members(of segmentID: String) -> [CustomerID] {
        guard let k = segmentIDs.firstIndex(of: segmentID) else { return [] }
        return records.filter { $0.memberships[k] }.map(\.id).sorted()
    }

    /// The number of customers the engine knows.
    public var customerCount: Int { records.count }

    private func publish(_ changes: [SegmentMembershipChange]) async throws {
        guard !changes.isEmpty else { return }
        try await store.apply(changes)
        await sink.record(changes.map(\.domainEvent))
    }

    private func record(for id: CustomerID) -> Int {
        if let r = index[id] { return r }
        index[id] = records.count
        records.append(LiveCustomerRecord(id: id, segments: bindings.count))
        return records.count - 1
    }

    private func update(_ record: inout LiveCustomerRecord, with input: LiveSegmentInput) {
        switch input {
        case .order(let order):
            var total: Int64 = 0
            var lines: [(category: Int32, amount: Int64)] = []
            for line in order.lines {
                total &+= line.amount.minorUnits
                let category = (line.categoryID ?? itemCategories[line.itemID]).map { categoryCode($0) } ?? -1
                lines.append((category, line.amount.minorUnits))
            }
            record.addOrder(day: order.date.dayNumber, total: total, lines: lines)
        case .interaction(let event):
            record.addEvent(
                day: event.occurredAt.calendarDayUTC.dayNumber, kind: kindCodes[event.kind] ?? -1,
                category: event.details.categoryID.map { categoryCode($0) } ?? -1)
        case .profile(let profile):
            record.profile = profile
        case .scores(_, let scores):
            for (name, value) in scores { record.scores[name] = value.flatMap { $0.isFinite ? $0 : nil } }
        case .rfmSegment(_, let segment):
            record.rfmSegment = segment.flatMap { RFMSegment.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? 255
        case .valueTier(_, let tier):
            record.valueTier = tier.flatMap { ValueTier.allCases.firstIndex(of: $0) }.map(UInt8.init) ?? 255
        case .consent(_, let purpose, let granted):
            if granted { record.consents.insert(purpose) } else { record.consents.remove(purpose) }
        }
    }

    /// The code of a category, interned on first sight (distinct categories count every one).
    private func categoryCode(_ id: CategoryID) -> Int32 {
        if let code = categoryCodes[id] { return code }
        let code = Int32(categoryCodes.count)
        categoryCodes[id] = code
        return code
    }

    private func evaluation(_ k: Int, _ record: LiveCustomerRecord) -> ProgramEvaluation<LiveFacts> {
        let binding = bindings[k]
        return ProgramEvaluation(
            program: binding.program,
            facts: LiveFacts(record: record, binding: binding, asOfDay: asOf.dayNumber, browseKind: browseKind,
                             minorUnitsPerUnit: Double(currency.minorUnitsPerMajor)),
            minorUnitTests: binding.minorUnitTests)
    }

    private func reevaluate(_ r: Int, segments: some Sequence<Int>, trigger: String, at now: Date) -> [SegmentMembershipChange] {
        var changes: [SegmentMembershipChange] = []
        for k in segments {
            let evaluation = evaluation(k, records[r])
            let holds = evaluation.holds(0, 0)
            guard holds != records[r].memberships[k] else { continue }
            records[r].memberships[k] = holds
            let explanation = evaluation.explain(0, 0)
            changes.append(SegmentMembershipChange(
                segmentID: segmentIDs[k], customerID: records[r].id, direction: holds ? .entered : .exited,
                reason: LiveSegmentMembership.reason(trigger: trigger, explanation: explanation), occurredAt: now))
        }
        return changes
    }

    /// `after <trigger>; held: …; not held: …` over the leaf clauses.
    static func reason(trigger: String, explanation: SegmentExplanation) -> String {
        var held: [String] = []
        var failed: [String] = []
        func walk(_ node: SegmentExplanation) {
            if node.children.isEmpty {
                if node.held { held.append(node.clause) } else { failed.append(node.clause) }
            }
            for child in node.children { walk(child) }
        }
        walk(explanation)
        var text = "after \(trigger)"
        if !held.isEmpty { text += "; held: " + held.joined(separator: ", ") }
        if !failed.isEmpty { text += "; not held: " + failed.joined(separator: ", ") }
        return text
    }
}
