/// Which identity keys are read from a profile, and how.
///
/// By default a profile yields: its ``ProfileField/email``, its ``ProfileField/phone``
/// (under ``phone``), every device id in ``CustomerProfile/devices`` and in the
/// ``ProfileField/deviceIDs`` list, and its ``ProfileField/loyaltyID``. External ids are
/// read from the fields named in ``externalIDFields`` (none by default), each tagged with
/// its system's name. Kinds in ``ignoredKinds`` are never used for matching.
public struct IdentityKeyRules: Hashable, Sendable, Codable {
    /// The phone normalisation rule.
    public var phone: PhoneNormalization
    /// Custom fields that hold the person's id in another system, with that system's name.
    public var externalIDFields: [ProfileField: String]
    /// Kinds of key never used for matching (e.g. `[.device]` for shared family tablets).
    public var ignoredKinds: Set<IdentityKey.Kind>

    /// Creates rules; the defaults match on email, phone, devices and loyalty id.
    public init(
        phone: PhoneNormalization = PhoneNormalization(),
        externalIDFields: [ProfileField: String] = [:],
        ignoredKinds: Set<IdentityKey.Kind> = []
    ) {
        self.phone = phone
        self.externalIDFields = externalIDFields
        self.ignoredKinds = ignoredKinds
    }

    /// The profile's identity keys, sorted and without repeats. Empty values give no key.
    /// - Complexity: O(k log k) for k identifiers on the profile.
    public func keys(of profile: CustomerProfile) -> [IdentityKey] {
        var keys: [IdentityKey] = []
        if let email = profile[.email]?.stringValue, let key = IdentityKey.email(email) { keys.append(key) }
        if let phone = profile[.phone]?.stringValue, let key = IdentityKey.phone(phone, rule: self.phone) {
            keys.append(key)
        }
        for device in profile.devices {
            if let key = IdentityKey.device(device.deviceID) { keys.append(key) }
        }
        for id in profile[.deviceIDs]?.listValue ?? [] {
            if let key = IdentityKey.device(id) { keys.append(key) }
        }
        if let loyalty = profile[.loyaltyID], let key = IdentityKey.loyaltyID(loyalty.description) {
            keys.append(key)
        }
        for (field, system) in externalIDFields {
            if let value = profile[field], let key = IdentityKey.external(system: system, id: value.description) {
                keys.append(key)
            }
        }
        if !ignoredKinds.isEmpty { keys.removeAll { ignoredKinds.contains($0.kind) } }
        keys.sort()
        var unique: [IdentityKey] = []
        unique.reserveCapacity(keys.count)
        for key in keys where unique.last != key { unique.append(key) }
        return unique
    }
}
