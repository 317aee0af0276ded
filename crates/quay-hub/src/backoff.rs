//! Retry delays: exponential with full jitter (a random delay between zero and the
//! exponential bound), so many counters coming back after a hub outage do not all knock
//! at once. The random draw comes in as a value in [0, 1): the function stays pure.

use std::time::Duration;

pub const BASE: Duration = Duration::from_secs(2);
pub const CAP: Duration = Duration::from_secs(300);

/// The delay before retry number `attempt` (0 = first retry).
pub fn delay(attempt: u32, draw: f64) -> Duration {
    let bound = BASE.saturating_mul(2u32.saturating_pow(attempt.min(20))).min(CAP);
    // Never less than 200 ms: a tight loop against a failing hub helps nobody.
    bound.mul_f64(draw.clamp(0.0, 1.0)).max(Duration::from_millis(200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_then_caps() {
        let cases = [(0, 1.0, 2), (1, 1.0, 4), (3, 1.0, 16), (7, 1.0, 256), (8, 1.0, 300), (40, 1.0, 300)];
        for (attempt, draw, secs) in cases {
            assert_eq!(delay(attempt, draw), Duration::from_secs(secs), "attempt {attempt}");
        }
        assert_eq!(delay(5, 0.5), Duration::from_secs(32));
        assert_eq!(delay(5, 0.0), Duration::from_millis(200));
    }
}
