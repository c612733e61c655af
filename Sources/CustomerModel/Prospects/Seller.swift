/// A seller, salesperson or dealer, tracked like a customer: the seller/dealer database of SEEDS.md §2.
///
/// Orders credit a seller through ``Order/salesperson``, so reports can break results down
/// by salesperson.
public struct Seller: Hashable, Sendable, Codable, Identifiable {
    /// Whether the seller is a person on the staff or an independent dealer.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        /// A salesperson employed by the brand.
        case salesperson
        /// An independent dealer or reseller.
        case dealer
    }

    /// The seller.
    public var id: SalespersonID
    /// The seller's name.
    public var name: String
    /// Salesperson or dealer.
    public var role: Role
    /// The sales region the seller covers, if any.
    public var region: String?
    /// Further attributes with provenance (phone, email, territory, quota, …).
    public var attributes: [ProfileField: Attributed<AttributeValue>]

    /// Creates a seller.
    public init(
        id: SalespersonID, name: String, role: Role = .salesperson, region: String? = nil,
        attributes: [ProfileField: Attributed<AttributeValue>] = [:]
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.region = region
        self.attributes = attributes
    }

    /// The value of a field, if present.
    public subscript(field: ProfileField) -> AttributeValue? { attributes[field]?.value }
}
