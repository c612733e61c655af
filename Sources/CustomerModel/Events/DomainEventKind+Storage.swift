extension DomainEventKind {
    /// Orders of a customer were deleted from an ``OrderStore`` (details: `count`, `store`).
    public static let ordersDeleted = DomainEventKind("ordersDeleted")
    /// Interactions of a customer were deleted from an ``InteractionStore`` (details: `count`, `store`).
    public static let interactionsDeleted = DomainEventKind("interactionsDeleted")
    /// A prospect was added to a ``ProspectStore`` (details: `prospectID`, `store`).
    public static let prospectCreated = DomainEventKind("prospectCreated")
    /// A stored prospect changed (details: `prospectID`, `store`).
    public static let prospectUpdated = DomainEventKind("prospectUpdated")
    /// A prospect was deleted (details: `prospectID`, `store`).
    public static let prospectDeleted = DomainEventKind("prospectDeleted")
}
