import CustomerModel

/// What is known about a customer when choosing the channel to contact them on.
public struct ChannelFacts: Sendable, Hashable, Codable {
    /// Channels the customer consented to for this purpose (from the consent ledger).
    public var consented: Set<Channel>
    /// The channel the customer said they prefer, if any.
    public var preferred: Channel?
    /// Past contacts and responses per channel.
    public var history: [Channel: ProportionCount]
    /// Age in years, when known.
    public var age: Int?

    /// Creates facts.
    public init(consented: Set<Channel>, preferred: Channel? = nil, history: [Channel: ProportionCount] = [:], age: Int? = nil) {
        self.consented = consented
        self.preferred = preferred
        self.history = history
        self.age = age
    }
}

/// Channels to favour by age: SEEDS.md §7's rule (younger customers through social media,
/// older through mail or phone) as data a user can replace.
public struct AgeChannelRule: Sendable, Hashable, Codable {
    /// An age band with its channels, most suitable first.
    public struct Band: Sendable, Hashable, Codable {
        /// The youngest age of the band.
        public var fromAge: Int
        /// Channels in order of preference.
        public var channels: [Channel]

        /// Creates a band.
        public init(fromAge: Int, channels: [Channel]) {
            self.fromAge = fromAge
            self.channels = channels
        }
    }

    /// Bands by increasing ``Band/fromAge``; an age uses the last band that starts at or below it.
    public var bands: [Band]

    /// Creates a rule.
    public init(bands: [Band]) { self.bands = bands.sorted { $0.fromAge < $1.fromAge } }

    /// Under 35: social media, app push, SMS; 35–54: email, SMS, app push; 55 and over:
    /// direct mail, phone, email.
    public static let `default` = AgeChannelRule(bands: [
        Band(fromAge: 0, channels: [.socialMedia, .appPush, .sms]),
        Band(fromAge: 35, channels: [.email, .sms, .appPush]),
        Band(fromAge: 55, channels: [.directMail, .phone, .email]),
    ])

    /// The channels for `age`, most suitable first.
    public func channels(forAge age: Int) -> [Channel] {
        bands.last { $0.fromAge <= age }?.channels ?? []
    }
}

/// Picks the channel for each customer: consent first, then the customer's own
/// preference, then what they responded to, then the age rule, then the cheapest.
///
/// 1. Only channels with consent and a configured cost are candidates; none: no contact.
/// 2. The preferred channel, when it is a candidate.
/// 3. With at least ``minimumContacts`` past contacts on the candidates, the candidate with
///    the highest expected net value, rate × ``responseValue`` − cost, where the rate is the
///    past response rate shrunk toward ``priorRate`` with ``priorStrength`` pseudo-contacts
///    ((responses + strength · prior) / (contacts + strength)).
/// 4. The first candidate the age rule lists for the customer's age.
/// 5. The cheapest candidate (ties by channel name).
public struct ChannelChoice: Sendable, Hashable, Codable {
    /// How a channel was chosen.
    public enum Reason: String, Sendable, Hashable, Codable {
        case preference, pastResponse, ageRule, cheapest
        /// No consented channel with a cost: the customer is not contacted.
        case noConsentedChannel
    }

    /// The decision for one customer.
    public struct Decision: Sendable, Hashable, Codable {
        /// The channel, or nil when there is none to use.
        public var channel: Channel?
        /// Why.
        public var reason: Reason

        /// Creates a decision.
        public init(channel: Channel?, reason: Reason) {
            self.channel = channel
            self.reason = reason
        }
    }

    /// Cost per contact of each channel that can be used.
    public var costs: [Channel: Double]
    /// The age rule.
    public var ageRule: AgeChannelRule
    /// The value of one response, for the past-response rule.
    public var responseValue: Double
    /// The response rate assumed before any history.
    public var priorRate: Double
    /// How many pseudo-contacts the prior weighs.
    public var priorStrength: Double
    /// Past contacts needed before history decides.
    public var minimumContacts: Int

    /// Creates a chooser.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a negative or non-finite cost or
    ///   value, a prior rate outside [0, 1] or a negative strength.
    public init(
        costs: [Channel: Double], ageRule: AgeChannelRule = .default, responseValue: Double = 50,
        priorRate: Double = 0.02, priorStrength: Double = 20, minimumContacts: Int = 5
    ) throws(CampaignError) {
        for (channel, cost) in costs where !(cost.isFinite && cost >= 0) {
            throw CampaignError(.invalidParameter, "channel \(channel) costs \(cost); costs must be finite and non-negative")
        }
        guard responseValue.isFinite, responseValue >= 0, priorRate >= 0, priorRate <= 1, priorStrength >= 0,
              priorStrength.isFinite
        else {
            throw CampaignError(.invalidParameter, "response value \(responseValue), prior rate \(priorRate) or strength \(priorStrength) is invalid")
        }
        self.costs = costs
        self.ageRule = ageRule
        self.responseValue = responseValue
        self.priorRate = priorRate
        self.priorStrength = priorStrength
        self.minimumContacts = minimumContacts
    }

    /// The channel for a customer.
    /// - Complexity: O(channels).
    public func choose(for facts: ChannelFacts) -> Decision {
        let candidates = costs.keys.filter { facts.consented.contains($0) }.sorted()
        guard !candidates.isEmpty else { return Decision(channel: nil, reason: .noConsentedChannel) }
        if let preferred = facts.preferred, candidates.contains(preferred) {
            return Decision(channel: preferred, reason: .preference)
        }
        let contacts = candidates.reduce(0) { $0 + (facts.history[$1]?.trials ?? 0) }
        if contacts >= minimumContacts {
            func net(_ channel: Channel) -> Double {
                let past = facts.history[channel]
                let rate = (Double(past?.successes ?? 0) + priorStrength * priorRate)
                    / (Double(past?.trials ?? 0) + priorStrength)
                return rate * responseValue - (costs[channel] ?? 0)
            }
            // max(by:) keeps the first of equal values: ties go to the channel name first in order.
            if let best = candidates.max(by: { net($0) < net($1) }) {
                return Decision(channel: best, reason: .pastResponse)
            }
        }
        if let age = facts.age, let first = ageRule.channels(forAge: age).first(where: candidates.contains) {
            return Decision(channel: first, reason: .ageRule)
        }
        let cheapest = candidates.min { (costs[$0] ?? 0, $0) < (costs[$1] ?? 0, $1) }
        return Decision(channel: cheapest, reason: .cheapest)
    }
}
