import Campaigns
import CustomerModel
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Automation triggers")
struct AutomationTests {
    static func day(_ iso: String) throws -> CalendarDay { try CalendarDay(iso: iso) }

    @Test func everyRuleFiresOncePerOccasion() async throws {
        let runner = try AutomationRunner(triggers: [
            .welcome(withinDays: 2), .birthday(daysBefore: 3), .repurchaseReminder(daysBefore: 5),
            .browseWithoutPurchase(minimumBrowses: 3), .churnWarning(cooldownDays: 30), .leadFollowUp(afterDays: 7),
            .newProductTrial, .periodicPromotion(everyDays: 14, activeWithinDays: 90), .giftCard(minimumSpend: 1000),
        ])
        let today = try Self.day("2026-03-10")
        let facts = [
            AutomationFacts(
                customerID: "a", firstOrderOn: try Self.day("2026-03-09"), lastOrderOn: try Self.day("2026-03-09"),
                birthday: try MonthDay(month: 3, day: 12), spendLastYear: 1500,
                repurchaseDue: ["coffee": try Self.day("2026-03-14"), "filters": try Self.day("2026-04-30")],
                browsesWithoutPurchase: ["tea": 4, "cups": 1], newProductsOfInterest: ["grinder"]),
            AutomationFacts(
                customerID: "b", signedUpOn: try Self.day("2025-01-01"), churnWarning: true,
                leadStage: LeadStageEntry(stage: .hot, since: try Self.day("2026-03-01"))),
        ]
        let ledger = InMemoryAutomationLedger()
        let first = try await runner.run(facts, on: today, ledger: ledger)
        #expect(first.map(\.trigger) == [
            "welcome", "birthday", "repurchaseReminder", "browseWithoutPurchase", "newProductTrial", "periodicPromotion",
            "giftCard", "churnWarning", "leadFollowUp",
        ])
        #expect(first.first { $0.trigger == "repurchaseReminder" }?.occasion == "repurchase|a|coffee|2026-03-14")
        // However often it runs, nothing fires twice.
        #expect(try await runner.run(facts, on: today, ledger: ledger).isEmpty)
        #expect(try await runner.run(facts, on: today.adding(days: 1), ledger: ledger).isEmpty)
        // A new order starts a new browse cycle; a new promotion period starts after 14 days.
        var later = facts[0]
        later.lastOrderOn = try Self.day("2026-03-20")
        let cycle = try await runner.run([later], on: try Self.day("2026-03-21"), ledger: ledger)
        #expect(cycle.map(\.trigger) == ["browseWithoutPurchase", "periodicPromotion"])
        #expect(await ledger.keys(ofCustomer: "b").count == 2)
    }

    @Test func birthdaysAcrossTheYearEndAndLeapDays() throws {
        let runner = try AutomationRunner(triggers: [.birthday(daysBefore: 3)])
        let newYear = AutomationFacts(customerID: "n", birthday: try MonthDay(month: 1, day: 1))
        #expect(runner.candidates([newYear], on: try Self.day("2026-12-30")).map(\.occasion) == ["birthday|n|2027"])
        #expect(runner.candidates([newYear], on: try Self.day("2026-12-27")).isEmpty)
        let leap = AutomationFacts(customerID: "l", birthday: try MonthDay(month: 2, day: 29))
        #expect(runner.candidates([leap], on: try Self.day("2027-02-28")).map(\.detail) == ["birthday on 2027-02-28"])
        #expect(runner.candidates([leap], on: try Self.day("2028-02-29")).map(\.detail) == ["birthday on 2028-02-29"])
        #expect(throws: CampaignError.self) { try MonthDay(month: 2, day: 30) }
        #expect(throws: CampaignError.self) { try AutomationRunner(triggers: [.churnWarning(cooldownDays: 0)]) }
    }

    @Test func windowsAndCooldowns() throws {
        let runner = try AutomationRunner(triggers: [.welcome(withinDays: 2), .churnWarning(cooldownDays: 30)])
        let late = AutomationFacts(customerID: "w", firstOrderOn: try Self.day("2026-03-01"))
        #expect(runner.candidates([late], on: try Self.day("2026-03-04")).isEmpty)
        let churning = AutomationFacts(customerID: "c", churnWarning: true)
        let keys = try ["2026-01-01", "2026-01-05", "2026-03-01"].map { runner.candidates([churning], on: try Self.day($0))[0].occasion }
        // Day numbers 20454 and 20458 share the 30-day period 681 (20430–20459); 1 March is a later one.
        #expect(keys[0] == keys[1] && keys[1] != keys[2])
    }
}

@Suite("Automation ledger")
struct AutomationLedgerTests {
    @Test func inMemoryLedgerConforms() async throws {
        try await AutomationLedgerConformance { InMemoryAutomationLedger() }.run()
    }
}
