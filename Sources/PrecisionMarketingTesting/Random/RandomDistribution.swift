#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A probability distribution that draws samples from any random number generator.
///
/// The distributions of this module are implemented here, not taken from the platform, and
/// use only integer arithmetic, `+ - * /`, `squareRoot()` (correctly rounded by IEEE 754),
/// and the C library's `log` and `exp`. Given the same generator state they produce
/// bit-identical samples wherever the C library's `log` and `exp` agree, which they do for
/// the current glibc and Apple libm on the inputs met in practice.
public protocol RandomDistribution: Sendable {
    /// The type of one sample.
    associatedtype Sample

    /// Draws one sample.
    func sample(using generator: inout some RandomNumberGenerator) -> Sample
}

extension RandomDistribution {
    /// Draws `count` samples into a new array.
    /// - Complexity: O(`count`) samples.
    public func samples(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Sample] {
        var result: [Sample] = []
        result.reserveCapacity(Swift.max(0, count))
        for _ in 0..<Swift.max(0, count) { result.append(sample(using: &generator)) }
        return result
    }
}

/// An error for distribution parameters that define no distribution (a negative scale, a
/// probability outside (0, 1], an empty weight table).
public struct DistributionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A parameter is out of its domain or not finite.
        public static let invalidParameter = Code("invalidParameter")
        /// A weight table is empty or sums to zero.
        public static let emptySupport = Code("emptySupport")
    }

    /// The kind of failure.
    public let code: Code
    /// Which parameter, with which value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
        if !condition { throw DistributionError(.invalidParameter, message()) }
    }
}

/// The only transcendental functions the distributions use, in one place: the C
/// library's natural logarithm and exponential.
enum PortableMath {
    static func logarithm(_ x: Double) -> Double { log(x) }
    static func exponential(_ x: Double) -> Double { exp(x) }
}
