//! Privacy in one room (Smolensk 5.2: the survey is anonymous): who is a person (a column's
//! header, a value's shape), the masks for free text (names where a respondent introduces
//! themself, phones, e-mails, identifiers), and the suppression of small groups. Every value
//! from a user's file that reaches an output passes through [`shown`] or [`mask_contacts`]
//! before it leaves its domain: the survey, the journal and the rules call this module, and
//! none decides by itself; the renderers never import it (they get values already masked).

mod headers;
mod suppression;
mod values;

pub use headers::looks_personal;
pub use suppression::suppressed;
pub use values::*;
