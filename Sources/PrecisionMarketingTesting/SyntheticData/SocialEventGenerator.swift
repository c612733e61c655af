#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Social

/// Generates a deterministic synthetic social-fission campaign, as dense referral columns
/// (for benchmarks) or as ``Social/SocialEvent`` values with follows, likes, mentions,
/// community activity and follower counts around it (for the demo, the tool and tests).
///
/// The campaign is a branching process: `seeds` customers share a code on the first day;
/// each share draws between 0 and 2·`clicksPerShare` clicks within two days, by new
/// customers or (with probability `existingClickerShare`) by customers already in the
/// campaign; a new clicker registers with `registrationProbability` within two hours,
/// then orders with `orderProbability` within three days and shares a code of their own
/// with `shareProbability` within a day. A new seed starts when the process dies out, and
/// it stops once there are `referralEvents` events (the last click's registration, order
/// and share may add up to three more). `fraudRings` devices each register five customers
/// through one code (one to three days after its share) within ten minutes (what the burst guard flags).
///
/// ```swift
/// let generator = try SocialEventGenerator(configuration: .init(referralEvents: 1_000_000, seed: 7))
/// let table = try generator.referralTable()
/// ```
public struct SocialEventGenerator: Sendable {
    /// What to generate.
    public struct Configuration: Hashable, Sendable {
        /// Customers who start sharing on the first day (≥ 1).
        public var seeds: Int
        /// The number of share, click, registration and first-order events to stop at (≥ 1).
        public var referralEvents: Int
        /// Mean clicks per share (≥ 0).
        public var clicksPerShare: Double
        /// Probability that a click comes from a customer already in the campaign.
        public var existingClickerShare: Double
        /// Probability that a new clicker registers.
        public var registrationProbability: Double
        /// Probability that a registered customer places a first order.
        public var orderProbability: Double
        /// Probability that a registered customer shares a code.
        public var shareProbability: Double
        /// Devices that each register a burst of five customers.
        public var fraudRings: Int
        /// Communities customers join (≥ 1), for ``SocialEventGenerator/events()``.
        public var communities: Int
        /// The first day of the campaign.
        public var start: CalendarDay
        /// The seed of every random draw.
        public var seed: UInt64

        /// Creates a configuration.
        public init(
            seeds: Int = 50, referralEvents: Int = 10_000, clicksPerShare: Double = 3, existingClickerShare: Double = 0.1,
            registrationProbability: Double = 0.4, orderProbability: Double = 0.5, shareProbability: Double = 0.6,
            fraudRings: Int = 2, communities: Int = 3,
            start: CalendarDay = CalendarDay(dayNumber: 19_723), seed: UInt64 = 42
        ) {
            self.seeds = seeds
            self.referralEvents = referralEvents
            self.clicksPerShare = clicksPerShare
            self.existingClickerShare = existingClickerShare
            self.registrationProbability = registrationProbability
            self.orderProbability = orderProbability
            self.shareProbability = shareProbability
            self.fraudRings = fraudRings
            self.communities = communities
            self.start = start
            self.seed = seed
        }
    }

    /// The configuration.
    public let configuration: Configuration

    /// Creates a generator after checking the configuration.
    /// - Throws: ``SyntheticDataError`` for a count below 1 or a probability outside [0, 1].
    public init(configuration: Configuration) throws(SyntheticDataError) {
        let c = configuration
        func require(_ condition: Bool, _ message: String) throws(SyntheticDataError) {
            if !condition { throw SyntheticDataError(.invalidConfiguration, message) }
        }
        try require(c.seeds >= 1 && c.referralEvents >= 1 && c.communities >= 1 && c.fraudRings >= 0,
                    "seeds, referralEvents and communities must be ≥ 1, fraudRings ≥ 0")
        try require(c.clicksPerShare.isFinite && c.clicksPerShare >= 0, "clicksPerShare \(c.clicksPerShare) must be ≥ 0")
        for (name, p) in [("existingClickerShare", c.existingClickerShare), ("registrationProbability", c.registrationProbability),
                          ("orderProbability", c.orderProbability), ("shareProbability", c.shareProbability)] {
            try require((0...1).contains(p), "\(name) \(p) is not in [0, 1]")
        }
        self.configuration = configuration
    }

    /// The simulated campaign as columns (events in generation order, not time order).
    struct Columns {
        var kinds: [ReferralEventTable.Kind] = []
        var actors: [Int32] = []
        var codes: [Int32] = []
        var times: [Int64] = []
        var devices: [Int32] = []
        var revenueCents: [Int64] = []
        var customers = 0
        var codeCount = 0
        var fraudDeviceBase = 0
        var codeTimes: [Int64] = []

        mutating func append(_ kind: ReferralEventTable.Kind, _ actor: Int, _ code: Int, _ time: Int64,
                             device: Int, cents: Int64 = 0) {
            kinds.append(kind)
            actors.append(Int32(actor))
            codes.append(Int32(code))
            times.append(time)
            devices.append(Int32(device))
            revenueCents.append(cents)
        }
    }

    func simulate() -> Columns {
        let c = configuration
        var rng = SeededGenerator(seed: c.seed)
        var columns = Columns()
        let target = c.referralEvents
        columns.kinds.reserveCapacity(target + 8)
        let origin = Int64(c.start.dayNumber) * 86_400
        var queue: [(sharer: Int, time: Int64, code: Int)] = []
        var head = 0
        func share(_ customer: Int, at time: Int64, _ columns: inout Columns) {
            let code = columns.codeCount
            columns.codeCount += 1
            columns.codeTimes.append(time)
            columns.append(.share, customer, code, time, device: customer)
            queue.append((customer, time, code))
        }
        var seeded = 0
        func addSeed(_ columns: inout Columns, _ rng: inout SeededGenerator) {
            let customer = columns.customers
            columns.customers += 1
            seeded += 1
            let offset = Int64.random(in: 0..<86_400, using: &rng) + Int64(seeded / max(c.seeds, 1)) * 86_400
            share(customer, at: origin + offset, &columns)
        }
        for _ in 0..<c.seeds where columns.kinds.count < target { addSeed(&columns, &rng) }
        let maxClicks = Int((2 * c.clicksPerShare).rounded())
        while columns.kinds.count < target {
            if head == queue.count {
                addSeed(&columns, &rng)
                continue
            }
            let (sharer, shareTime, code) = queue[head]
            head += 1
            let clicks = maxClicks > 0 ? Int.random(in: 0...maxClicks, using: &rng) : 0
            for _ in 0..<clicks where columns.kinds.count < target {
                let clickTime = shareTime + Int64.random(in: 60..<172_800, using: &rng)
                if columns.customers > 1 && Double.random(in: 0..<1, using: &rng) < c.existingClickerShare {
                    let clicker = Int.random(in: 0..<columns.customers, using: &rng)
                    if clicker != sharer { columns.append(.click, clicker, code, clickTime, device: clicker) }
                    continue
                }
                let clicker = columns.customers
                columns.customers += 1
                columns.append(.click, clicker, code, clickTime, device: clicker)
                guard Double.random(in: 0..<1, using: &rng) < c.registrationProbability else { continue }
                let registered = clickTime + Int64.random(in: 30..<7_200, using: &rng)
                columns.append(.registration, clicker, -1, registered, device: clicker)
                if Double.random(in: 0..<1, using: &rng) < c.orderProbability {
                    let cents = Int64.random(in: 1_990...39_990, using: &rng)
                    columns.append(.firstOrder, clicker, -1, registered + Int64.random(in: 600..<259_200, using: &rng),
                                   device: clicker, cents: cents)
                }
                if Double.random(in: 0..<1, using: &rng) < c.shareProbability {
                    share(clicker, at: registered + Int64.random(in: 60..<86_400, using: &rng), &columns)
                }
            }
        }
        columns.fraudDeviceBase = columns.customers
        for ring in 0..<c.fraudRings where columns.codeCount > 0 {
            let code = Int.random(in: 0..<columns.codeCount, using: &rng)
            let time = columns.codeTimes[code] + Int64.random(in: 3_600..<259_200, using: &rng)
            for k in 0..<5 {
                let customer = columns.customers
                columns.customers += 1
                columns.append(.registration, customer, code, time + Int64(k * 120), device: columns.fraudDeviceBase + ring)
            }
        }
        return columns
    }

    /// The customer id of an index: `S` and seven digits.
    public static func customerID(_ index: Int) -> CustomerID {
        let digits = String(index)
        return CustomerID("S" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits)
    }

    /// The campaign as dense referral columns, in CNY.
    /// - Complexity: O(referralEvents).
    public func referralTable() throws(SocialError) -> ReferralEventTable {
        let columns = simulate()
        return try ReferralEventTable(
            customerIDs: (0..<columns.customers).map(Self.customerID), codeCount: columns.codeCount,
            kinds: columns.kinds, actors: columns.actors, codes: columns.codes, times: columns.times,
            devices: columns.devices, addresses: [Int32](repeating: -1, count: columns.kinds.count),
            revenue: columns.revenueCents.map { Double($0) / 100 }, currency: .cny)
    }

    /// The campaign as social events in time order, with follows of the brand and of
    /// referrers, likes, mentions (English and Chinese texts), community joins, messages
    /// and leaves, and follower counts of sharers around it.
    /// - Complexity: O(referralEvents).
    public func events() -> [SocialEvent] {
        let c = configuration
        let columns = simulate()
        var rng = SeededGenerator(seed: c.seed, stream: 1)
        var events: [SocialEvent] = []
        events.reserveCapacity(columns.kinds.count * 2)
        func add(_ kind: SocialEventKind, _ customer: Int, _ time: Int64, _ fill: (inout SocialEvent) -> Void = { _ in }) {
            var event = SocialEvent(
                id: EventID("se\(events.count + 1)"), kind: kind, customerID: Self.customerID(customer),
                platform: customer % 5 == 0 ? .douyin : .wechat, occurredAt: Date(timeIntervalSince1970: Double(time)))
            fill(&event)
            events.append(event)
        }
        var codeOwner = [Int](repeating: -1, count: columns.codeCount)
        var sharedAt = [Int64](repeating: -1, count: columns.customers)
        for e in columns.kinds.indices {
            let actor = Int(columns.actors[e])
            let code = Int(columns.codes[e])
            let time = columns.times[e]
            let device = Int(columns.devices[e])
            let deviceName = device >= columns.fraudDeviceBase ? "fraud-\(device - columns.fraudDeviceBase)" : "d\(device)"
            switch columns.kinds[e] {
            case .share:
                codeOwner[code] = actor
                if sharedAt[actor] < 0 { sharedAt[actor] = time }
                add(.share, actor, time) { $0.referralCode = "R\(code)"; $0.deviceID = deviceName }
            case .click:
                add(.referralClick, actor, time) { $0.referralCode = "R\(code)"; $0.deviceID = deviceName }
                if Double.random(in: 0..<1, using: &rng) < 0.5, codeOwner[code] >= 0 {
                    let owner = Self.customerID(codeOwner[code])
                    add(.like, actor, time + 30) { $0.targetCustomerID = owner }
                }
            case .registration:
                add(.registration, actor, time) {
                    $0.referralCode = code >= 0 ? "R\(code)" : nil
                    $0.deviceID = deviceName
                }
                let u = Double.random(in: 0..<1, using: &rng)
                if u < 0.5 {
                    let community = "group-\(actor % c.communities + 1)"
                    let joined = time + 3_600
                    add(.communityJoin, actor, joined) { $0.communityID = community }
                    let messages = Int.random(in: 0...4, using: &rng)
                    for m in 0..<messages {
                        add(.communityMessage, actor, joined + Int64(m + 1) * 86_400 * Int64.random(in: 1...5, using: &rng)) {
                            $0.communityID = community
                        }
                    }
                    if Double.random(in: 0..<1, using: &rng) < 0.15 {
                        add(.communityLeave, actor, joined + 20 * 86_400) { $0.communityID = community }
                    }
                }
                if u > 0.8 {
                    let text = Self.mentionTexts[Int.random(in: 0..<Self.mentionTexts.count, using: &rng)]
                    add(.mention, actor, time + 7_200) { $0.text = text.text; $0.topic = text.topic }
                }
                add(.follow, actor, time + 60)
            case .firstOrder:
                add(.firstOrder, actor, time) {
                    $0.orderAmount = Money(minorUnits: columns.revenueCents[e], currency: .cny)
                    $0.deviceID = deviceName
                }
            }
        }
        for customer in 0..<columns.customers where sharedAt[customer] >= 0 {
            let followers = Int.random(in: 10...2_000, using: &rng)
            add(.followerCount, customer, sharedAt[customer]) { $0.followerCount = followers }
        }
        events.sort { $0.occurredAt != $1.occurredAt ? $0.occurredAt < $1.occurredAt : $0.id.rawValue.count < $1.id.rawValue.count
            || ($0.id.rawValue.count == $1.id.rawValue.count && $0.id < $1.id) }
        return events
    }

    /// Mention texts with their topic, in English and Chinese, of mixed sentiment.
    static let mentionTexts: [(text: String, topic: String)] = [
        ("Love the new jacket, great quality", "jacket"),
        ("The delivery was slow and the box was broken", "delivery"),
        ("not bad at all, good value", "jacket"),
        ("这个外套很好，非常喜欢", "jacket"),
        ("物流太慢了，不满意", "delivery"),
        ("客服不错，推荐", "service"),
        ("Terrible service, I am disappointed", "service"),
    ]
}
