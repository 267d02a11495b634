//! Column widths for a record table, worked out here rather than by the layout solver: with
//! more columns than fit, ratatui's solver picks among equally good answers by the order of
//! a randomly seeded hash map, so the same journal at the same size could show whole
//! references one run and cut ones the next. Dates and references are never cut; other
//! columns narrow to their minimum first, then the least needed are left out.

/// How wide a column wants to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// A date in the display format: as wide as the longest date it can show.
    Date,
    /// A case reference: as wide as the longest one in the table.
    Reference,
    /// A case kind's key: as wide as the longest one in the table (a longer one than
    /// `KIND_MOST` is cut, with an ellipsis), taking what is left over.
    Kind,
    /// `ideal` characters, narrowing to `min` when space is short.
    Fixed { ideal: u16, min: u16 },
    /// At least `min`; takes whatever is left over.
    Fill { min: u16 },
}

/// The widest a kind's column is made for its longest key (a whole `public-law` was cut to
/// `public-la` at 80 columns).
pub const KIND_MOST: u16 = 16;

/// The widths of a table's columns for `available` columns of screen, `None` for a column
/// left out. `drop` gives each column's place in the order columns are left out (`None`:
/// never). One space separates columns.
pub fn widths(
    columns: &[(Width, Option<u8>)],
    available: u16,
    date: u16,
    reference: u16,
    kind: u16,
) -> Vec<Option<u16>> {
    let ideal = |w: Width| match w {
        Width::Date => date,
        Width::Reference => reference,
        Width::Kind => kind.min(KIND_MOST),
        Width::Fixed { ideal, .. } => ideal,
        Width::Fill { min } => min,
    };
    let min = |w: Width| match w {
        Width::Fixed { min, .. } => min,
        other => ideal(other),
    };
    let mut shown: Vec<Option<u16>> = columns.iter().map(|(w, _)| Some(ideal(*w))).collect();
    let total = |shown: &[Option<u16>]| -> u16 {
        let kept: Vec<u16> = shown.iter().flatten().copied().collect();
        kept.iter().sum::<u16>() + kept.len().saturating_sub(1) as u16
    };
    // Narrow, one character at a time, the column with the most to spare (the first of
    // equals), down to its minimum.
    while total(&shown) > available {
        let narrowest = shown
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.map(|w| (i, w.saturating_sub(min(columns[i].0)))))
            .filter(|(_, spare)| *spare > 0)
            .max_by_key(|(i, spare)| (*spare, std::cmp::Reverse(*i)));
        match narrowest {
            Some((i, _)) => shown[i] = shown[i].map(|w| w - 1),
            None => break,
        }
    }
    // Then leave columns out, in their order.
    let mut order: Vec<(u8, usize)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, (_, drop))| drop.map(|d| (d, i)))
        .collect();
    order.sort_unstable();
    for (_, i) in order {
        if total(&shown) <= available {
            break;
        }
        shown[i] = None;
    }
    // What is left over goes to the filling column (else the last one shown).
    let spare = available.saturating_sub(total(&shown));
    let fill = columns
        .iter()
        .position(|(w, _)| matches!(w, Width::Fill { .. } | Width::Kind))
        .filter(|i| shown[*i].is_some())
        .or_else(|| shown.iter().rposition(Option::is_some));
    if let Some(i) = fill {
        shown[i] = shown[i].map(|w| w + spare);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEADLINES: [(Width, Option<u8>); 5] = [
        (Width::Date, None),
        (Width::Reference, None),
        (Width::Fill { min: 12 }, None),
        (Width::Fixed { ideal: 12, min: 12 }, None),
        (Width::Fixed { ideal: 10, min: 10 }, Some(0)),
    ];

    const CASES: [(Width, Option<u8>); 6] = [
        (Width::Date, None),
        (Width::Reference, None),
        (Width::Kind, None),
        (Width::Fixed { ideal: 4, min: 4 }, None),
        (Width::Date, Some(0)),
        (Width::Fixed { ideal: 13, min: 12 }, None),
    ];

    #[test]
    fn dates_and_references_stay_whole_and_the_rest_gives_way() {
        // Wide: everything at its ideal, the rest to What.
        assert_eq!(
            widths(&DEADLINES, 90, 11, 10, 11),
            [Some(11), Some(10), Some(43), Some(12), Some(10)]
        );
        // An 80-column terminal's table: the Leave column is left out, What keeps 18.
        assert_eq!(
            widths(&DEADLINES, 54, 11, 10, 11),
            [Some(11), Some(10), Some(18), Some(12), None]
        );
        // Cases: Leave narrows first, then Closed is left out.
        assert_eq!(
            widths(&CASES, 54, 11, 10, 11),
            [Some(11), Some(10), Some(13), Some(4), None, Some(12)]
        );
        assert_eq!(
            widths(&CASES, 68, 11, 10, 11),
            [Some(11), Some(10), Some(14), Some(4), Some(11), Some(13)]
        );
        // The list of an 80-column terminal: the longest preset kind, `enforcement`, whole.
        assert_eq!(
            widths(&CASES, 52, 11, 10, 11),
            [Some(11), Some(10), Some(11), Some(4), None, Some(12)]
        );
        // Too narrow for anything but the date and reference: those stay whole.
        let tight = widths(&DEADLINES, 20, 11, 10, 11);
        assert_eq!((tight[0], tight[1]), (Some(11), Some(10)));
    }

    #[test]
    fn the_same_inputs_give_the_same_widths() {
        for available in 20..120 {
            assert_eq!(
                widths(&DEADLINES, available, 11, 10, 11),
                widths(&DEADLINES, available, 11, 10, 11)
            );
            let w = widths(&DEADLINES, available, 11, 10, 11);
            let used: u16 = w.iter().flatten().sum::<u16>() + w.iter().flatten().count() as u16 - 1;
            // Whenever the columns that are never left out fit at their minimum, all fits.
            if available >= 11 + 10 + 12 + 12 + 3 {
                assert!(used <= available, "{available}: {w:?}");
            }
        }
    }
}
