import CustomerModel

/// The shares of deliberately dirty customer profiles, so that data-quality measures and
/// identity resolution have something to find.
///
/// Each customer falls in at most one class, decided by one uniform draw from its own
/// stream: below `missingFields` it misses 1–3 of name, email, phone, birth date and
/// postcode; below `missingFields + malformedEmail` its email is malformed; below the sum
/// of all three it duplicates an earlier clean customer (same name and postcode, the same
/// email in different letter case, the same phone in another format). The defaults are 5%,
/// 2% and 1%.
public struct DirtyDataShares: Hashable, Sendable {
    /// Share of profiles with missing fields (0.05).
    public var missingFields: Double
    /// Share of profiles with a malformed email (0.02).
    public var malformedEmail: Double
    /// Share of profiles that duplicate another customer's identity (0.01).
    public var duplicateIdentity: Double

    /// Creates the shares; they must be non-negative and sum to at most 1.
    public init(missingFields: Double = 0.05, malformedEmail: Double = 0.02, duplicateIdentity: Double = 0.01) {
        self.missingFields = missingFields
        self.malformedEmail = malformedEmail
        self.duplicateIdentity = duplicateIdentity
    }

    /// No dirty data at all.
    public static let none = DirtyDataShares(missingFields: 0, malformedEmail: 0, duplicateIdentity: 0)

    var isValid: Bool {
        let shares = [missingFields, malformedEmail, duplicateIdentity]
        return shares.allSatisfy { $0.isFinite && $0 >= 0 } && shares.reduce(0, +) <= 1
    }
}

/// Which customers were made dirty, and how: the answer key for data-quality and
/// identity-resolution tests.
public struct DirtyDataManifest: Hashable, Sendable {
    /// Customers with missing fields, and which fields are missing.
    public var missingFields: [CustomerID: [ProfileField]]
    /// Customers whose email is malformed.
    public var malformedEmails: Set<CustomerID>
    /// Duplicate identities: each key is a customer whose identity copies the value's.
    public var duplicates: [CustomerID: CustomerID]

    /// Creates a manifest.
    public init(
        missingFields: [CustomerID: [ProfileField]] = [:],
        malformedEmails: Set<CustomerID> = [],
        duplicates: [CustomerID: CustomerID] = [:]
    ) {
        self.missingFields = missingFields
        self.malformedEmails = malformedEmails
        self.duplicates = duplicates
    }

    /// Every customer with any dirty data.
    public var dirtyCustomers: Set<CustomerID> {
        Set(missingFields.keys).union(malformedEmails).union(duplicates.keys)
    }
}
