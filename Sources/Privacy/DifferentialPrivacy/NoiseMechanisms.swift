#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Laplace mechanism (Dwork, McSherry, Nissim and Smith 2006): adding noise from
/// Laplace(0, Δ₁/ε) to a query of L1 sensitivity Δ₁ gives ε-differential privacy.
public enum LaplaceMechanism {
    /// The noise scale `b = sensitivity / epsilon`.
    /// - Throws: ``PrivacyError`` `.invalidParameter` unless both are positive and finite.
    public static func scale(sensitivity: Double, epsilon: Double) throws -> Double {
        guard sensitivity.isFinite, sensitivity > 0 else { throw PrivacyError(.invalidParameter, "sensitivity \(sensitivity) must be positive and finite") }
        guard epsilon.isFinite, epsilon > 0 else { throw PrivacyError(.invalidParameter, "epsilon \(epsilon) must be positive and finite") }
        return sensitivity / epsilon
    }

    /// One draw from Laplace(0, `scale`) by inversion: `-b · sgn(u) · ln(1 − 2|u|)`, u uniform on (−½, ½).
    public static func noise(scale: Double, using rng: inout some RandomNumberGenerator) -> Double {
        var u = 0.0
        repeat { u = Double.random(in: -0.5..<0.5, using: &rng) } while u == -0.5
        return -scale * (u < 0 ? -1 : 1) * log(1 - 2 * abs(u))
    }
}

/// The Gaussian mechanism (Dwork and Roth 2014, Theorem A.1): noise from N(0, σ²) with
/// `σ = Δ₂ · √(2 ln(1.25/δ)) / ε` gives (ε, δ)-differential privacy for ε < 1.
public enum GaussianMechanism {
    /// The noise standard deviation σ.
    /// - Throws: ``PrivacyError`` `.invalidParameter` unless sensitivity > 0, 0 < ε < 1 and 0 < δ < 1.
    public static func standardDeviation(sensitivity: Double, epsilon: Double, delta: Double) throws -> Double {
        guard sensitivity.isFinite, sensitivity > 0 else { throw PrivacyError(.invalidParameter, "sensitivity \(sensitivity) must be positive and finite") }
        guard epsilon > 0, epsilon < 1 else { throw PrivacyError(.invalidParameter, "epsilon \(epsilon) must be in (0, 1) for the classic Gaussian mechanism") }
        guard delta > 0, delta < 1 else { throw PrivacyError(.invalidParameter, "delta \(delta) must be in (0, 1)") }
        return sensitivity * (2 * log(1.25 / delta)).squareRoot() / epsilon
    }

    /// One draw from N(0, σ²) by the Box–Muller transform.
    public static func noise(standardDeviation sigma: Double, using rng: inout some RandomNumberGenerator) -> Double {
        var u1 = 0.0
        repeat { u1 = Double.random(in: 0..<1, using: &rng) } while u1 == 0
        let u2 = Double.random(in: 0..<1, using: &rng)
        return sigma * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
