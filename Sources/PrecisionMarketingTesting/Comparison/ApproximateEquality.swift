/// Whether two floating-point values are equal within tolerances, in the manner of
/// swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`.
///
/// True when `a == b` (which covers equal infinities), or when both are finite and
/// `|a − b| <= max(absoluteTolerance, relativeTolerance · max(|a|, |b|))`. NaN is never
/// approximately equal to anything. The default relative tolerance is `sqrt(ε)` (about
/// 1.5e-8 for `Double`): about half the significant digits must agree. Use an absolute
/// tolerance when comparing with values near zero, where relative error is meaningless.
///
/// ```swift
/// #expect(isApproximatelyEqual(mean, 0.8 / 90, relativeTolerance: 0.02))
/// #expect(isApproximatelyEqual(residual, 0, absoluteTolerance: 1e-12))
/// ```
///
/// - Parameters:
///   - absoluteTolerance: The largest difference accepted regardless of magnitude (≥ 0).
///   - relativeTolerance: The largest difference accepted relative to the larger magnitude (0...1).
public func isApproximatelyEqual<Value: BinaryFloatingPoint>(
    _ a: Value, _ b: Value,
    absoluteTolerance: Value = 0,
    relativeTolerance: Value = Value.ulpOfOne.squareRoot()
) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    let scale = Swift.max(a.magnitude, b.magnitude)
    return (a - b).magnitude <= Swift.max(absoluteTolerance, relativeTolerance * scale)
}

/// Whether two arrays have the same length and are element-wise approximately equal (see
/// ``isApproximatelyEqual(_:_:absoluteTolerance:relativeTolerance:)``).
public func isApproximatelyEqual<Value: BinaryFloatingPoint>(
    _ a: [Value], _ b: [Value],
    absoluteTolerance: Value = 0,
    relativeTolerance: Value = Value.ulpOfOne.squareRoot()
) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy {
        isApproximatelyEqual($0, $1, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    }
}
