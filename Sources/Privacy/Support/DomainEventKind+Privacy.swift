import CustomerModel

extension DomainEventKind {
    /// A consent record was appended (details: `purpose`, `channel`, `decision`, `method`).
    public static let consentChanged = DomainEventKind("consentChanged")
    /// Access to personal data was refused (details: `purpose`, `missing`).
    public static let accessDenied = DomainEventKind("accessDenied")
    /// Everything held about a customer was exported (details: `stores`, `records`).
    public static let dataExported = DomainEventKind("dataExported")
    /// A customer was erased from every registered store (details: `stores`, `records`).
    public static let customerErased = DomainEventKind("customerErased")
    /// A retention purge deleted data older than its policy (details: `category`, `records`).
    public static let retentionPurged = DomainEventKind("retentionPurged")
    /// An audit record was appended to the audit log (details: `action`, `actor`, `purpose`, `sequence`, `hash`).
    public static let auditRecorded = DomainEventKind("auditRecorded")
    /// A planned message was held back by the contact policy (details: `channel`, `reasons`);
    /// emitted by the caller that plans messages (the facade), with the reasons of a ``ContactDecision``.
    public static let contactSuppressed = DomainEventKind("contactSuppressed")
}
