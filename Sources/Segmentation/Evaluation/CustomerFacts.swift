import CustomerModel

/// What a compiled segment reads about customers, by customer index: the columnar
/// ``SegmentPopulation`` for many customers at once, and the live membership engine's
/// per-customer records. Slots are those of the program the facts were bound to.
///
/// Orders, lines and events of a customer are in ascending day order.
protocol CustomerFacts {
    /// The as-of day: windows end before it.
    var asOfDay: Int32 { get }
    /// The code of interaction kind `browse`, or -1 when no event has it.
    var browseKind: Int32 { get }
    func orderRange(_ c: Int) -> Range<Int>
    func orderDay(_ o: Int) -> Int32
    func orderTotal(_ o: Int) -> Int64
    func lineRange(_ c: Int) -> Range<Int>
    func lineDay(_ l: Int) -> Int32
    func lineCategory(_ l: Int) -> Int32
    func lineAmount(_ l: Int) -> Int64
    func eventRange(_ c: Int) -> Range<Int>
    func eventDay(_ e: Int) -> Int32
    func eventKind(_ e: Int) -> Int32
    func eventCategory(_ e: Int) -> Int32
    func attribute(_ slot: Int, _ c: Int) -> AttributeValue?
    /// The birth day number, or nil.
    func birthDay(_ c: Int) -> Int32?
    func hasTag(_ slot: Int, _ c: Int) -> Bool
    /// NaN when missing.
    func score(_ slot: Int, _ c: Int) -> Double
    /// Index in `RFMSegment.allCases`, or 255 when missing.
    func rfmSegment(_ c: Int) -> UInt8
    /// Index in `ValueTier.allCases`, or 255 when missing.
    func valueTier(_ c: Int) -> UInt8
    func hasConsent(_ slot: Int, _ c: Int) -> Bool
    /// The data's code of the program's kind slot (-1: no event has it).
    func kindCode(_ slot: Int) -> Int32
    /// The data's code of the program's category slot (-1: nothing has it).
    func categoryCode(_ slot: Int) -> Int32
    /// Minor units per currency unit (100 for USD).
    var minorUnitsPerUnit: Double { get }
}
