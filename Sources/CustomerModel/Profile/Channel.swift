/// A channel of contact or interaction: email, SMS, app push, a store, a social platform.
///
/// Extensible: the common channels of SEEDS.md §7 are predefined; any other name works.
public struct Channel: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: Channel, rhs: Channel) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public static let email = Channel("email")
    public static let edm = Channel("edm")
    public static let sms = Channel("sms")
    public static let phone = Channel("phone")
    public static let callCentre = Channel("callCentre")
    public static let directMail = Channel("directMail")
    public static let appPush = Channel("appPush")
    public static let app = Channel("app")
    public static let web = Channel("web")
    public static let inStore = Channel("inStore")
    public static let socialMedia = Channel("socialMedia")
    public static let wechat = Channel("wechat")
    public static let weibo = Channel("weibo")
    public static let douyin = Channel("douyin")
    public static let liveStream = Channel("liveStream")
    public static let chatbot = Channel("chatbot")
    public static let ecommercePlatform = Channel("ecommercePlatform")
}
