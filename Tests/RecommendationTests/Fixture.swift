import CustomerModel
import Foundation
import Testing

/// The fixture files of this target (see Fixtures/make_references.py for how the reference
/// files were made from the peers in ../shared/peers).
enum Fixture {
    static func bytes(_ name: String, _ ext: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    /// tx_10k.csv (the peers' 10,000-customer file, seed 42) as a snapshot, built once.
    static let tx10k: CustomerSnapshot? = {
        guard let url = Bundle.module.url(forResource: "tx_10k", withExtension: "csv", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let built = try? SnapshotBuilder.build(csv: [UInt8](data))
        else { return nil }
        return built.snapshot
    }()

    /// The rows of a reference CSV file, split at commas, without the header and `#` lines.
    static func rows(_ name: String) throws -> [[Substring]] {
        let text = String(decoding: try bytes(name, "csv"), as: UTF8.self)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }
}
