import Campaigns
import CustomerModel
import Privacy
import Segmentation
import Social

/// Every store the ``MarketingEngine`` reads and writes: the customer database, the
/// privacy state and the derived state of the other modules. Each is a protocol, so a
/// service passes its own (the PostgreSQL adapter implements them all); ``inMemory()``
/// gives the embedded default the demo, the tool and tests use.
public struct MarketingStores: Sendable {
    /// Profiles.
    public var customers: any CustomerStore
    /// Orders with their lines.
    public var orders: any OrderStore
    /// Interaction events (campaign responses included).
    public var interactions: any InteractionStore
    /// The consent ledger.
    public var consents: any ConsentStore
    /// Messages sent, for frequency caps and fatigue.
    public var contactHistory: any ContactHistoryStore
    /// The hash-chained audit log.
    public var auditLog: any AuditLogStore
    /// Keyed-hash fingerprints of erased people.
    public var suppressions: any SuppressionStore
    /// Who is in which segment.
    public var segmentMemberships: any SegmentMembershipStore
    /// Automation occasions that fired (birthday greetings, reminders).
    public var automationLedger: any AutomationLedger
    /// Social events (shares, referrals, follows, mentions, community activity).
    public var socialEvents: any SocialEventStore

    /// Creates the set from the stores a service already has.
    public init(
        customers: any CustomerStore, orders: any OrderStore, interactions: any InteractionStore,
        consents: any ConsentStore, contactHistory: any ContactHistoryStore, auditLog: any AuditLogStore,
        suppressions: any SuppressionStore, segmentMemberships: any SegmentMembershipStore,
        automationLedger: any AutomationLedger, socialEvents: any SocialEventStore = InMemorySocialEventStore()
    ) {
        self.customers = customers
        self.orders = orders
        self.interactions = interactions
        self.consents = consents
        self.contactHistory = contactHistory
        self.auditLog = auditLog
        self.suppressions = suppressions
        self.segmentMemberships = segmentMemberships
        self.automationLedger = automationLedger
        self.socialEvents = socialEvents
    }

    /// A fresh set of in-memory stores.
    public static func inMemory() -> MarketingStores {
        MarketingStores(
            customers: InMemoryCustomerStore(), orders: InMemoryOrderStore(), interactions: InMemoryInteractionStore(),
            consents: InMemoryConsentStore(), contactHistory: InMemoryContactHistoryStore(),
            auditLog: InMemoryAuditLogStore(), suppressions: InMemorySuppressionStore(),
            segmentMemberships: InMemorySegmentMembershipStore(), automationLedger: InMemoryAutomationLedger())
    }

    /// Every store that holds personal data, as erasure and export see them (the customer
    /// store aside: ``DataSubjectRights`` adds it itself). The audit log is not erased:
    /// it holds pseudonyms only and must stay verifiable.
    var personalDataStores: [any PersonalDataStore] {
        [
            PersonalDataStores.orders(orders), PersonalDataStores.interactions(interactions),
            PersonalDataStores.consents(consents), PersonalDataStores.contactHistory(contactHistory),
            PersonalDataStores.segmentMemberships(segmentMemberships),
            PersonalDataStores.automationLedger(automationLedger), PersonalDataStores.socialEvents(socialEvents),
        ]
    }
}
