import CustomerModel
import Foundation
import Recommendation
import Testing

@Suite("Item catalogue import")
struct ItemCatalogTests {
    static let csv = """
        item_id,category,brand,tags,launch_date,margin,in_stock
        A,tech,acme,technology;gadgets,2024-01-10,0.35,true
        B,tech,zen, technology ,,0.2,
        C,food,acme,healthy-living,,,no
        ,food,x,,,,
        D,,x,,,,
        E,food,x,,2024-13-01,,
        F,food,x,,,abc,
        G,food,x,,,,maybe
        A,food,x,,,,
        H,home,x,,,1.5,
        I,home,x,,
        J,home,"bad,,,,,
        K,home,"quoted, brand",,,,

        """

    @Test func csv_keepsValidRowsAndRejectsEachBadRowWithItsReason() throws {
        let imported = try ItemCatalog.parseCSV(Array(Self.csv.utf8))
        let catalog = imported.catalog
        #expect(imported.report.rowsRead == 13)
        #expect(imported.report.rowsKept == 4)
        #expect(catalog.items.map(\.id) == ["A", "B", "C", "K"])
        #expect(catalog.categories == ["food", "home", "tech"])
        #expect(catalog.itemCategories == [2, 2, 0, 1])
        let rejections = imported.report.rejections.map { "\($0.line) \($0.column ?? "-") \($0.reason)" }
        #expect(rejections == [
            "5 item_id emptyID", "6 category missingField", "7 launch_date invalidDate", "8 margin invalidField",
            "9 in_stock invalidField", "10 item_id duplicateRecord", "11 margin invalidField", "12 - wrongColumnCount",
            "13 - malformedQuoting",
        ])
        let a = try #require(catalog["A"])
        #expect(a == CatalogItem(
            id: "A", category: "tech", attributes: ["brand": "acme"], tags: ["technology", "gadgets"],
            launched: try CalendarDay(iso: "2024-01-10"), margin: 0.35, inStock: true))
        #expect(catalog["B"]?.tags == ["technology"])
        #expect(catalog["B"]?.inStock == true)
        #expect(catalog["C"]?.inStock == false)
        #expect(catalog["C"]?.margin == nil)
        #expect(catalog["K"]?.attributes == ["brand": "quoted, brand"])
        #expect(catalog.categoryIndex(ofItem: "K") == 1)
        #expect(catalog.categoryIndex(ofItem: "Z") == nil)
    }

    @Test func csv_headerErrorsStopTheImport() {
        #expect(throws: ImportError.self) { try ItemCatalog.parseCSV(Array("item_id,brand\nA,x\n".utf8)) }
        #expect(throws: ImportError.self) { try ItemCatalog.parseCSV(Array("item_id,category,category\n".utf8)) }
        #expect(throws: ImportError.self) { try ItemCatalog.parseCSV(Array("\n\n".utf8)) }
        do {
            _ = try ItemCatalog.parseCSV(Array("item_id,brand\n".utf8))
        } catch {
            #expect(error.code == .missingColumn)
        }
    }

    @Test func jsonLines_keepsValidLinesAndRejectsBadOnes() {
        let text = """
            {"item_id":"A","category":"tech","attributes":{"brand":"acme"},"tags":["technology"],"launch_date":"2024-01-10","margin":0.35,"in_stock":true}
            {"item_id":"B","category":"tech","attributes":{"brand":3}}
            not json

            {"item_id":"C","category":"food","in_stock":"no"}
            {"item_id":"D","category":7}
            {"item_id":"E","category":"food","margin":"x"}
            """
        let imported = ItemCatalog.parseJSONLines(Array(text.utf8))
        #expect(imported.report.rowsRead == 6)
        #expect(imported.catalog.items.map(\.id) == ["A", "C"])
        #expect(imported.catalog["A"]?.attributes == ["brand": "acme"])
        #expect(imported.catalog["A"]?.margin == 0.35)
        #expect(imported.catalog["C"]?.inStock == false)
        #expect(imported.report.rejections.map { "\($0.line) \($0.column ?? "-") \($0.reason)" } == [
            "2 attributes.brand invalidField", "3 - malformedJSON", "6 category invalidField", "7 margin invalidField",
        ])
    }

    @Test func catalog_rejectsDuplicateIDsAndAMarginAboveOne() {
        #expect(throws: RecommendationError.self) {
            try ItemCatalog(items: [CatalogItem(id: "A", category: "x"), CatalogItem(id: "A", category: "y")])
        }
        #expect(throws: RecommendationError.self) { try ItemCatalog(items: [CatalogItem(id: "A", category: "x", margin: 30)]) }
    }

    @Test func catalogItem_roundTripsThroughJSON() throws {
        let item = CatalogItem(id: "A", category: "tech", attributes: ["brand": "acme"], tags: ["t"], launched: try CalendarDay(iso: "2024-01-10"), margin: 0.3)
        let decoded = try JSONDecoder().decode(CatalogItem.self, from: JSONEncoder().encode(item))
        #expect(decoded == item)
    }
}
