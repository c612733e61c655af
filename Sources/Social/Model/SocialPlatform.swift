/// A social platform on which a customer has an identity: WeChat, Weibo, Douyin, or any
/// other by name.
///
/// Encoded as its name (`"wechat"`, `"weibo"`, `"douyin"`, or the other platform's name as
/// given), so a JSON field holds a plain string.
public enum SocialPlatform: Hashable, Sendable, Codable, CustomStringConvertible {
    /// WeChat (open ids per official account or mini-program, a union id across them).
    case wechat
    /// Sina Weibo.
    case weibo
    /// Douyin.
    case douyin
    /// Any other platform, by name (never one of the three names above).
    case other(String)

    /// The platform for a name: the three predefined names (case-insensitive) or `.other`.
    public init(name: String) {
        switch name.lowercased() {
        case "wechat": self = .wechat
        case "weibo": self = .weibo
        case "douyin": self = .douyin
        default: self = .other(name)
        }
    }

    /// The name the platform is encoded as.
    public var name: String {
        switch self {
        case .wechat: return "wechat"
        case .weibo: return "weibo"
        case .douyin: return "douyin"
        case .other(let name): return name
        }
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        self.init(name: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
