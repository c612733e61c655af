#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing
@testable import Social

@Suite("Social event import")
struct SocialEventImportTests {
    @Test func validLinesBecomeEventsAndBadLinesRejections() {
        let text = """
            {"event_id":"e1","kind":"share","customer_id":"c1","platform":"wechat","occurred_at":"2024-03-01T10:15:00Z","referral_code":"A-1","open_id":"o-1","union_id":"u-1","device_id":"d1"}
            {"event_id":"e2","kind":"first_order","customer_id":"c2","platform":"Douyin","occurred_at":"2024-03-02","amount":"59.90","currency":"CNY","provenance":{"method":"socialPlatform","channel":"online","observed_at":"2024-03-02T00:00:00Z"}}

            {"event_id":"e3","kind":"share","customer_id":"c1","platform":"weibo","occurred_at":"2024-03-01T10:15:00Z"}
            {"event_id":"e4","kind":"poke","customer_id":"c1","platform":"weibo","occurred_at":"2024-03-01"}
            {"event_id":"e5","kind":"follower_count","customer_id":"c1","platform":"xhs","occurred_at":"2024-03-01","follower_count":-3}
            {"event_id":"e1","kind":"like","customer_id":"c1","platform":"weibo","occurred_at":"2024-03-01"}
            not json
            {"event_id":"e6","kind":"first_order","customer_id":"c2","platform":"wechat","occurred_at":"2024-03-02","amount":"-1","currency":"CNY"}
            {"event_id":"e7","kind":"mention","customer_id":"c3","platform":"xhs","occurred_at":"2024-03-05T08:00:00+08:00","text":"love it","topic":"brand"}
            {"event_id":"e8","kind":"community_join","customer_id":"c3","platform":"wechat","occurred_at":"1800-01-01","community_id":"g1"}
            """
        let result = JSONLinesSocialEventImporter().parse(Array(text.utf8))
        #expect(result.records.map(\.id) == ["e1", "e2", "e7"])
        #expect(result.report.rowsRead == 10)
        #expect(result.report.rowsKept == 3)
        let rejections = result.report.rejections.map { "\($0.line):\($0.column ?? "-"):\($0.reason)" }
        #expect(rejections == [
            "4:referral_code:missingField", "5:kind:invalidField", "6:follower_count:invalidField",
            "7:event_id:duplicateRecord", "8:-:malformedJSON", "9:amount:negativeAmount", "11:occurred_at:dateOutOfRange",
        ])
        let share = result.records[0]
        #expect(share.kind == .share)
        #expect(share.platform == .wechat)
        #expect(share.identity == SocialIdentity(platform: .wechat, openID: "o-1", unionID: "u-1", customerID: "c1"))
        #expect(share.deviceID == "d1")
        #expect(share.occurredAt.timeIntervalSince1970 == 1_709_288_100)
        let order = result.records[1]
        #expect(order.platform == .douyin)
        #expect(order.orderAmount == Money(minorUnits: 5_990, currency: .cny))
        #expect(order.provenance?.method == .socialPlatform)
        let mention = result.records[2]
        #expect(mention.platform == .other("xhs"))
        #expect(mention.occurredAt.timeIntervalSince1970 == 1_709_596_800)
    }

    @Test func identityDirectoryResolvesAccountsAndReportsConflicts() {
        let directory = SocialIdentityDirectory([
            SocialIdentity(platform: .wechat, openID: "o1", unionID: "u1", customerID: "c1"),
            SocialIdentity(platform: .weibo, openID: "w1", customerID: "c2"),
            SocialIdentity(platform: .weibo, openID: "w1", customerID: "c3"),
        ])
        #expect(directory.customer(platform: .wechat, openID: "o1") == "c1")
        #expect(directory.customer(platform: .wechat, openID: "other-app", unionID: "u1") == "c1")
        #expect(directory.customer(platform: .weibo, openID: "w1") == nil)
        #expect(directory.conflicts.map(\.customerID) == ["c3"])
        #expect(directory.accountCount == 1)
    }
}
