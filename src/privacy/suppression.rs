//! The suppression of small groups: a figure is shown only for a group with at least
//! `--min-group` answers, and hidden groups are never recoverable by subtraction.

/// Which groups to hide, given how many of each answered the item (answers on the scale).
pub fn suppressed(answered: &[u64], min_group: u64) -> Vec<bool> {
    let mut hidden: Vec<bool> = answered.iter().map(|&n| n < min_group).collect();
    loop {
        let hidden_answers: u64 = (0..answered.len())
            .filter(|&i| hidden[i])
            .map(|i| answered[i])
            .sum();
        if hidden_answers == 0 || hidden_answers >= min_group {
            return hidden;
        }
        let smallest_shown = (0..answered.len())
            .filter(|&i| !hidden[i])
            .min_by_key(|&i| answered[i]);
        match smallest_shown {
            Some(i) => hidden[i] = true,
            None => return hidden,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_groups_stay_hidden_alone_and_together() {
        // Nothing small: nothing hidden.
        assert_eq!(suppressed(&[5, 9, 12], 5), [false, false, false]);
        // One group of one answer: the next smallest is hidden with it.
        assert_eq!(suppressed(&[1, 9, 12], 5), [true, true, false]);
        // Two small groups that together are still under the minimum: a third goes.
        assert_eq!(suppressed(&[1, 2, 9, 12], 5), [true, true, true, false]);
        // A hidden group with no answers reveals nothing.
        assert_eq!(suppressed(&[0, 9, 12], 5), [true, false, false]);
        // Everything small: everything hidden, and the loop ends.
        assert_eq!(suppressed(&[1, 2], 5), [true, true]);
    }
}
