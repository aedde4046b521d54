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

/// Groups of respondents that may nest (a profile inside a wider profile, inside a group another
/// run shows with `--by`, inside the total): which to hide so that no shown group minus another
/// shown group nested in it leaves fewer than `min_group` people (survey.md «Who can be
/// recognised»). Each group is the set of its members' cells (`members`, sorted) and its size;
/// `fixed` groups are shown elsewhere and cannot be hidden here (another run's `--by` groups):
/// they only constrain. `total` is everyone. A group under the minimum is hidden; of two nested
/// groups whose difference is small, the one that can be hidden goes (the smaller of two that
/// can); a group whose complement in the total is small is hidden.
pub fn suppressed_nested(
    members: &[Vec<usize>],
    sizes: &[u64],
    fixed: &[bool],
    total: u64,
    min_group: u64,
) -> Vec<bool> {
    let small = |n: u64| n > 0 && n < min_group;
    let mut hidden: Vec<bool> = sizes
        .iter()
        .zip(fixed)
        .map(|(&n, &f)| !f && n < min_group)
        .collect();
    // A fixed group too small to be shown anywhere constrains nothing.
    let shown_fixed: Vec<bool> = sizes
        .iter()
        .zip(fixed)
        .map(|(&n, &f)| f && n >= min_group)
        .collect();
    let within = |a: &[usize], b: &[usize]| a.iter().all(|x| b.binary_search(x).is_ok());
    let counts = |i: usize, hidden: &[bool]| if fixed[i] { shown_fixed[i] } else { !hidden[i] };
    loop {
        let mut changed = false;
        for a in 0..members.len() {
            if fixed[a] || hidden[a] {
                continue;
            }
            if small(total.saturating_sub(sizes[a])) {
                hidden[a] = true;
                changed = true;
            }
        }
        for a in 0..members.len() {
            for b in 0..members.len() {
                if a == b || !counts(a, &hidden) || !counts(b, &hidden) {
                    continue;
                }
                if sizes[a] > sizes[b]
                    || !within(&members[a], &members[b])
                    || !small(sizes[b] - sizes[a])
                {
                    continue;
                }
                let goes = match (fixed[a], fixed[b]) {
                    (false, _) => a,
                    (true, false) => b,
                    (true, true) => continue,
                };
                hidden[goes] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nested_group_one_person_apart_is_hidden_and_so_is_a_small_complement() {
        // Profile 0 (groups 0, 1: 125 people) holds profile 1 (group 0: 124 people).
        let members = vec![vec![0, 1], vec![0], vec![2]];
        let free = [false, false, false];
        assert_eq!(
            suppressed_nested(&members, &[125, 124, 40], &free, 200, 5),
            [false, true, false]
        );
        // 198 of 200 people in one profile: the other two are recognisable by subtraction.
        assert_eq!(
            suppressed_nested(&[vec![0]], &[198], &[false], 200, 5),
            [true]
        );
        // Apart by enough: both shown.
        assert_eq!(
            suppressed_nested(&members, &[125, 100, 40], &free, 200, 5),
            [false, false, false]
        );
        // A profile of 27 inside a «--by» group of 30 another run shows: the profile goes.
        assert_eq!(
            suppressed_nested(&[vec![0], vec![0, 1]], &[27, 30], &[false, true], 60, 5),
            [true, false]
        );
    }

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
