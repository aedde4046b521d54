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

/// Groups of respondents that may nest (a profile inside a wider profile, any profile inside
/// the total): which to hide so that no shown group minus another shown group nested in it
/// leaves fewer than `min_group` people (survey.md «Who can be recognised»). Each group is the
/// set of its members' cells (`members`, sorted) and its size; `total` is everyone. A group under
/// the minimum is hidden; of two nested groups whose difference is small, the smaller is
/// hidden; a group whose complement in the total is small is hidden.
pub fn suppressed_nested(
    members: &[Vec<usize>],
    sizes: &[u64],
    total: u64,
    min_group: u64,
) -> Vec<bool> {
    let small = |n: u64| n > 0 && n < min_group;
    let mut hidden: Vec<bool> = sizes.iter().map(|&n| n < min_group).collect();
    let within = |a: &[usize], b: &[usize]| a.iter().all(|x| b.binary_search(x).is_ok());
    loop {
        let mut changed = false;
        for a in 0..members.len() {
            if hidden[a] {
                continue;
            }
            // The rest of the total is a group too.
            if small(total.saturating_sub(sizes[a])) {
                hidden[a] = true;
                changed = true;
                continue;
            }
            for b in 0..members.len() {
                if a == b || hidden[b] || sizes[a] > sizes[b] || !within(&members[a], &members[b]) {
                    continue;
                }
                if small(sizes[b] - sizes[a]) {
                    // The smaller of the two goes (on a tie, the later one).
                    let smaller = if sizes[a] < sizes[b] || a > b { a } else { b };
                    hidden[smaller] = true;
                    changed = true;
                    break;
                }
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
        assert_eq!(
            suppressed_nested(&members, &[125, 124, 40], 200, 5),
            [false, true, false]
        );
        // 198 of 200 people in one profile: the other two are recognisable by subtraction.
        assert_eq!(suppressed_nested(&[vec![0]], &[198], 200, 5), [true]);
        // Apart by enough: both shown.
        assert_eq!(
            suppressed_nested(&members, &[125, 100, 40], 200, 5),
            [false, false, false]
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
