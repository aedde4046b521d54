//! The statistics of a tally: Wilson's interval for a share (with the finite-population
//! correction when the headcount is known) and the two-proportion z-test between years.

use statrs::function::erf::erfc;

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson's 95% interval for `successes` of `n`, as shares in [0, 1]. With `population`, the
/// variance is scaled by the finite-population correction (N − n) / (N − 1), so that asking
/// everyone leaves no uncertainty.
pub fn wilson(successes: u64, n: u64, population: Option<u64>) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let p = successes as f64 / n_f;
    let correction = match population {
        Some(total) if total > 1 => ((total as f64 - n_f) / (total as f64 - 1.0)).max(0.0),
        _ => 1.0,
    };
    let z2 = Z95 * Z95 * correction;
    let denominator = 1.0 + z2 / n_f;
    let center = (p + z2 / (2.0 * n_f)) / denominator;
    let half = (z2 * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f))).sqrt() / denominator;
    Some(((center - half).max(0.0), (center + half).min(1.0)))
}

/// Two-sided p-value of the two-proportion z-test (pooled variance).
pub fn two_proportion_p(x1: u64, n1: u64, x2: u64, n2: u64) -> Option<f64> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1f + n2f);
    let variance = pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f);
    if variance <= 0.0 {
        // Both years all satisfied (or all not): no difference to test.
        return Some(1.0);
    }
    let z = (x2 as f64 / n2f - x1 as f64 / n1f) / variance.sqrt();
    Some(erfc(z.abs() / std::f64::consts::SQRT_2))
}

/// Rounds to one decimal, as the spec prints shares.
pub fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_the_textbook_example() {
        // 81 of 263: Wilson 95% interval 0.2553..0.3662 (Newcombe 1998, example values).
        let (low, high) = wilson(81, 263, None).unwrap();
        assert!((low - 0.2553).abs() < 5e-4, "{low}");
        assert!((high - 0.3662).abs() < 5e-4, "{high}");
        assert_eq!(wilson(0, 0, None), None);
    }

    #[test]
    fn asking_everyone_leaves_no_uncertainty() {
        let (low, high) = wilson(30, 40, Some(40)).unwrap();
        assert!((low - 0.75).abs() < 1e-12 && (high - 0.75).abs() < 1e-12);
        let (wide_low, _) = wilson(30, 40, None).unwrap();
        let (narrow_low, _) = wilson(30, 40, Some(80)).unwrap();
        assert!(narrow_low > wide_low);
    }

    #[test]
    fn z_test_matches_a_hand_computation() {
        // 60/100 vs 45/100: pooled 0.525, se = sqrt(0.525*0.475*0.02) = 0.070622,
        // z = -0.15/0.070622 = -2.1240, p = 0.03367.
        let p = two_proportion_p(60, 100, 45, 100).unwrap();
        assert!((p - 0.03367).abs() < 1e-4, "{p}");
        assert_eq!(two_proportion_p(10, 10, 5, 5), Some(1.0));
    }
}
