#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Social

/// Writes social events in the JSON Lines form that ``Social/JSONLinesSocialEventImporter``
/// reads, one event per line (for fixtures, the demo and files for `precision social`).
///
/// Times are written as UTC date-times with whole seconds; provenance is not written.
public enum SocialEventsJSONLinesWriter {
    /// The events as JSON Lines bytes.
    /// - Complexity: O(total size).
    public static func write(_ events: [SocialEvent]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(events.count * 160)
        for event in events {
            var fields: [(String, String)] = [
                ("event_id", quoted(event.id.rawValue)), ("kind", quoted(event.kind.rawValue)),
                ("customer_id", quoted(event.customerID.rawValue)), ("platform", quoted(event.platform.name)),
                ("occurred_at", quoted(timestamp(event.occurredAt))),
            ]
            func add(_ key: String, _ value: String?) { if let value { fields.append((key, quoted(value))) } }
            add("open_id", event.openID)
            add("union_id", event.unionID)
            add("target_customer_id", event.targetCustomerID?.rawValue)
            add("content_id", event.contentID)
            add("referral_code", event.referralCode)
            add("community_id", event.communityID)
            if let count = event.followerCount { fields.append(("follower_count", String(count))) }
            add("text", event.text)
            add("topic", event.topic)
            if let amount = event.orderAmount {
                add("amount", amount.decimalString)
                add("currency", amount.currency.code)
            }
            add("device_id", event.deviceID)
            add("address", event.networkAddress)
            out.append(UInt8(ascii: "{"))
            for (k, (key, value)) in fields.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: quoted(key).utf8)
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: value.utf8)
            }
            out.append(contentsOf: "}\n".utf8)
        }
        return out
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of the whole second at or before `date`.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - day * 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(CalendarDay(dayNumber: Int32(day)))T\(two(rest / 3_600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
