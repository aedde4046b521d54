//! Positions of YAML nodes, and the check for unknown keys.
//!
//! serde_yaml gives positions for syntax errors only, so streaming passes over saphyr-parser's
//! events do the rest, one job each: `shape` polices keys the format does not know (on every
//! load), `locate` finds the line and column of exactly the nodes that findings point at (only
//! when there are findings). Both share one walker; nothing else is kept, so memory does not
//! grow with the file. saphyr counts columns in characters (not bytes), as editors do on Cyrillic
//! text; its lines are 1-based and its columns 0-based.

use super::model::{Approval, Approved, Direction, Process, Registry, Touchpoint};
use crate::diagnostic::{Position, Segment, YamlPath};
use saphyr_parser::{Event, Parser, ScanError};
use std::borrow::Cow;
use std::collections::HashMap;

/// Where the format allows which keys: the context of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Root,
    Approved,
    ApprovalList,
    Approval,
    DirectionList,
    Direction,
    ProcessList,
    Process,
    TouchpointList,
    Touchpoint,
    AttributeList,
    Attribute,
    ProfileList,
    Profile,
    Channels,
    Procedure,
    Points,
    /// Values the walker does not police (texts, need lists, areas).
    Free,
}

impl Context {
    /// The keys a mapping in this context may have; None when any key goes.
    fn keys(self) -> Option<&'static [&'static str]> {
        match self {
            Context::Root => Some(Registry::KEYS),
            Context::Approved => Some(Approved::KEYS),
            Context::Approval => Some(Approval::KEYS),
            Context::Direction => Some(Direction::KEYS),
            Context::Process => Some(Process::KEYS),
            Context::Touchpoint => Some(Touchpoint::KEYS),
            Context::Attribute => Some(crate::registry::profiles::Attribute::KEYS),
            Context::Profile => Some(crate::registry::profiles::Profile::KEYS),
            Context::Channels => Some(crate::registry::profiles::Channels::KEYS),
            Context::Procedure => Some(super::model::Procedure::KEYS),
            Context::Points => Some(super::model::Points::KEYS),
            _ => None,
        }
    }

    fn child(self, key: &str) -> Context {
        match (self, key) {
            (Context::Root, "approved") => Context::Approved,
            (Context::Root, "approvals") => Context::ApprovalList,
            (Context::Root, "directions") => Context::DirectionList,
            (Context::Direction, "processes") => Context::ProcessList,
            (Context::Process, "touchpoints") => Context::TouchpointList,
            (Context::Root, "segmentation") => Context::AttributeList,
            (Context::Root, "profiles") => Context::ProfileList,
            (Context::Profile, "channels") => Context::Channels,
            (Context::Root, "procedure") => Context::Procedure,
            (Context::Procedure, "points") => Context::Points,
            _ => Context::Free,
        }
    }

    fn item(self) -> Context {
        match self {
            Context::ApprovalList => Context::Approval,
            Context::DirectionList => Context::Direction,
            Context::ProcessList => Context::Process,
            Context::TouchpointList => Context::Touchpoint,
            Context::AttributeList => Context::Attribute,
            Context::ProfileList => Context::Profile,
            _ => Context::Free,
        }
    }
}

/// A key the format does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    pub key: String,
    pub position: Position,
    /// The path of the mapping that holds the key.
    pub parent: YamlPath,
    /// The keys allowed there.
    pub allowed: &'static [&'static str],
}

/// What the policing pass found: the registry's shape as the format allows it.
#[derive(Debug, Default)]
pub struct Shape {
    pub unknown_keys: Vec<UnknownKey>,
    /// Where nesting first went deeper than any registry needs (the subtree is skipped).
    pub too_deep: Option<Position>,
}

/// A registry is 8 levels deep at most; anything far deeper is not a registry.
pub const MAX_DEPTH: usize = 32;

/// A trie of the requested paths, so the walk checks one small node per YAML node.
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    /// Children by mapping key: a node has at most the format's few keys, so a list is fastest.
    keys: Vec<(Cow<'static, str>, usize)>,
    /// Children by sequence index: a list of 200,000 processes may each hold a finding, so
    /// these are hashed (a scan of a list here made the walk quadratic).
    indices: HashMap<usize, usize>,
    position: Option<Position>,
}

impl Trie {
    fn new(paths: &[YamlPath]) -> Self {
        let mut trie = Trie {
            nodes: vec![TrieNode::default()],
        };
        for path in paths {
            let mut node = 0;
            for segment in &path.0 {
                node = match trie.child(node, segment) {
                    Some(child) => child,
                    None => {
                        trie.nodes.push(TrieNode::default());
                        let child = trie.nodes.len() - 1;
                        match segment {
                            Segment::Key(key) => trie.nodes[node].keys.push((key.clone(), child)),
                            Segment::Index(index) => {
                                trie.nodes[node].indices.insert(*index, child);
                            }
                        }
                        child
                    }
                };
            }
        }
        trie
    }

    fn child(&self, node: usize, segment: &Segment) -> Option<usize> {
        match segment {
            Segment::Key(key) => self.child_by_key(node, key),
            Segment::Index(index) => self.child_by_index(node, *index),
        }
    }

    fn child_by_key(&self, node: usize, key: &str) -> Option<usize> {
        self.nodes[node]
            .keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, c)| *c)
    }

    fn child_by_index(&self, node: usize, index: usize) -> Option<usize> {
        self.nodes[node].indices.get(&index).copied()
    }

    /// The position of the path's node or of its deepest positioned ancestor.
    fn resolve(&self, path: &YamlPath) -> Option<Position> {
        let mut node = 0;
        let mut best = self.nodes[0].position;
        for segment in &path.0 {
            match self.child(node, segment) {
                Some(child) => {
                    node = child;
                    if let Some(position) = self.nodes[node].position {
                        best = Some(position);
                    }
                }
                None => break,
            }
        }
        best
    }
}

enum Frame<'a> {
    Map {
        context: Context,
        trie: Option<usize>,
        /// The key whose value comes next, with its position.
        key: Option<(Cow<'a, str>, Position)>,
    },
    Seq {
        context: Context,
        trie: Option<usize>,
        index: usize,
    },
}

fn position_of(marker: &saphyr_parser::Marker) -> Position {
    Position {
        line: marker.line(),
        column: marker.col() + 1,
    }
}

/// The first job: keys the format does not know, and nesting deeper than a registry goes.
/// Runs on every file as it is loaded.
pub fn shape(text: &str) -> Result<Shape, ScanError> {
    let walked = walk(text, Trie::new(&[]), true)?;
    Ok(Shape {
        unknown_keys: walked.unknown_keys,
        too_deep: walked.too_deep,
    })
}

/// The second job: the position of each requested path's node, or of its deepest ancestor
/// found (a path into an alias resolves to the alias). Runs only when findings need places.
pub fn locate(text: &str, requested: &[YamlPath]) -> Result<Vec<Option<Position>>, ScanError> {
    let walked = walk(text, Trie::new(requested), false)?;
    Ok(requested
        .iter()
        .map(|path| walked.trie.resolve(path))
        .collect())
}

/// What a walk collected, free of the text it walked.
struct Walked {
    trie: Trie,
    unknown_keys: Vec<UnknownKey>,
    too_deep: Option<Position>,
}

/// Walks the document's events once, recording positions in `trie` and, when `police` is set,
/// unknown keys.
fn walk(text: &str, trie: Trie, police: bool) -> Result<Walked, ScanError> {
    // libyaml (serde_yaml) accepts a tab right after a key's colon (`name:\td`); saphyr refuses
    // it inside a block sequence. A tab and a space are one character each, so reading a copy
    // with spaces there keeps every line and column.
    let spaced;
    let text = if text.contains(":\t") {
        spaced = text.replace(":\t", ": ");
        spaced.as_str()
    } else {
        text
    };
    let mut walk = Walk::new(trie, police);
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => walk.event(event, position_of(&span.start)),
            // Past the depth limit the parser's own recursion limit is the usual end: the
            // subtree is reported as too deep, not as a second error.
            Err(_) if walk.too_deep.is_some() => break,
            Err(error) => return Err(error),
        }
    }
    Ok(Walked {
        trie: walk.trie,
        unknown_keys: walk.unknown_keys,
        too_deep: walk.too_deep,
    })
}

/// Where the second document of a multi-document file starts (its `---`).
pub fn second_document(text: &str) -> Option<Position> {
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        if let Event::DocumentStart(..) = event {
            documents += 1;
            if documents == 2 {
                return Some(position_of(&span.start));
            }
        }
    }
    None
}

/// The state of one walk over the events: the open collections, and what the job collects.
struct Walk<'a> {
    trie: Trie,
    /// Whether unknown keys are collected (the shape job).
    police: bool,
    unknown_keys: Vec<UnknownKey>,
    stack: Vec<Frame<'a>>,
    /// Depth of a subtree being skipped (a complex mapping key, or one too deep).
    skipping: usize,
    root_seen: bool,
    too_deep: Option<Position>,
}

impl<'a> Walk<'a> {
    fn new(trie: Trie, police: bool) -> Self {
        Walk {
            trie,
            police,
            unknown_keys: Vec::new(),
            stack: Vec::new(),
            skipping: 0,
            root_seen: false,
            too_deep: None,
        }
    }

    fn event(&mut self, event: Event<'a>, here: Position) {
        let (starts, ends) = match &event {
            Event::MappingStart(..) | Event::SequenceStart(..) => (true, false),
            Event::MappingEnd | Event::SequenceEnd => (false, true),
            Event::Scalar(..) | Event::Alias(..) => (false, false),
            _ => return,
        };
        if self.skipping > 0 {
            self.skip(starts, ends);
            return;
        }
        if ends {
            self.stack.pop();
            finish_value(&mut self.stack);
            return;
        }
        // Is this node a mapping key?
        if let Some(Frame::Map { key: None, .. }) = self.stack.last() {
            let unknown = self.police.then_some(&mut self.unknown_keys);
            if read_key(&mut self.stack, event, here, starts, unknown) {
                self.skipping = 1;
            }
            return;
        }
        // A value: find its context and trie node, record its position.
        let Some((context, trie)) =
            place_value(&self.stack, &mut self.trie, here, &mut self.root_seen)
        else {
            return;
        };
        if starts && self.stack.len() >= MAX_DEPTH {
            self.too_deep.get_or_insert(here);
            self.skipping = 1;
            return;
        }
        match event {
            Event::MappingStart(..) => self.stack.push(Frame::Map {
                context,
                trie,
                key: None,
            }),
            Event::SequenceStart(..) => self.stack.push(Frame::Seq {
                context,
                trie,
                index: 0,
            }),
            _ => finish_value(&mut self.stack),
        }
    }

    /// Inside a skipped subtree: only its depth is followed, to know where it ends.
    fn skip(&mut self, starts: bool, ends: bool) {
        if starts {
            self.skipping += 1;
        } else if ends {
            self.skipping -= 1;
            if self.skipping == 0 {
                finish_value(&mut self.stack);
            }
        }
    }
}

/// A mapping key: checked against the keys the format allows there, and held for its value.
/// True for a complex key (no format key is one), whose subtree the caller skips.
fn read_key<'a>(
    stack: &mut [Frame<'a>],
    event: Event<'a>,
    here: Position,
    starts: bool,
    unknown_keys: Option<&mut Vec<UnknownKey>>,
) -> bool {
    let Some(Frame::Map { context, .. }) = stack.last() else {
        return false;
    };
    let context = *context;
    let (held, complex) = match event {
        Event::Scalar(value, ..) => {
            if let Some(unknown_keys) = unknown_keys
                && let Some(allowed) = context.keys()
                && !allowed.contains(&value.as_ref())
            {
                unknown_keys.push(UnknownKey {
                    key: value.to_string(),
                    position: here,
                    parent: current_path(stack),
                    allowed,
                });
            }
            (value, false)
        }
        _ => (Cow::Borrowed("?"), starts),
    };
    if let Some(Frame::Map { key, .. }) = stack.last_mut() {
        *key = Some((held, here));
    }
    complex
}

/// A value's context and trie node, its position recorded when a finding asked for it; None
/// for a second root (a later document), which the walk ignores.
fn place_value(
    stack: &[Frame],
    trie: &mut Trie,
    here: Position,
    root_seen: &mut bool,
) -> Option<(Context, Option<usize>)> {
    match stack.last() {
        None => {
            if *root_seen {
                return None;
            }
            *root_seen = true;
            trie.nodes[0].position = Some(here);
            Some((Context::Root, Some(0)))
        }
        Some(Frame::Map {
            context,
            trie: parent,
            key,
        }) => {
            let (key, key_position) = key
                .as_ref()
                .map(|(k, p)| (k.as_ref(), *p))
                .unwrap_or(("?", here));
            let node = parent.and_then(|p| trie.child_by_key(p, key));
            if let Some(node) = node {
                // A value on its key's line is pointed at directly; a block below its key
                // is pointed at by the key, which is where the reader looks.
                let position = if here.line == key_position.line {
                    here
                } else {
                    key_position
                };
                trie.nodes[node].position = Some(position);
            }
            Some((context.child(key), node))
        }
        Some(Frame::Seq {
            context,
            trie: parent,
            index,
        }) => {
            let node = parent.and_then(|p| trie.child_by_index(p, *index));
            if let Some(node) = node {
                trie.nodes[node].position = Some(here);
            }
            Some((context.item(), node))
        }
    }
}

/// The first key that repeats within one mapping, with its position.
pub fn first_duplicate_key(text: &str) -> Option<(String, Position)> {
    // Per open collection: None for a sequence, the keys seen so far and whether a key is
    // awaited for a mapping.
    let mut stack: Vec<Option<(Vec<String>, bool)>> = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let awaiting_key = matches!(stack.last(), Some(Some((_, true))));
        match event {
            Event::Scalar(value, ..) if awaiting_key => {
                if let Some(Some((seen, awaiting))) = stack.last_mut() {
                    if seen.iter().any(|k| k == value.as_ref()) {
                        return Some((value.to_string(), position_of(&span.start)));
                    }
                    seen.push(value.to_string());
                    *awaiting = false;
                }
                continue;
            }
            Event::MappingStart(..) => {
                mark_value_done(&mut stack);
                stack.push(Some((Vec::new(), true)));
            }
            Event::SequenceStart(..) => {
                mark_value_done(&mut stack);
                stack.push(None);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Scalar(..) | Event::Alias(..) => mark_value_done(&mut stack),
            _ => {}
        }
    }
    None
}

/// A mapping's value has been seen (or started): the next scalar is a key again.
fn mark_value_done(stack: &mut [Option<(Vec<String>, bool)>]) {
    if let Some(Some((_, awaiting))) = stack.last_mut() {
        *awaiting = true;
    }
}

/// A value ended: its mapping waits for the next key, its sequence moves to the next item.
fn finish_value(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { index, .. }) => *index += 1,
        None => {}
    }
}

/// The path of the innermost open mapping or sequence.
fn current_path(stack: &[Frame]) -> YamlPath {
    let mut segments = Vec::new();
    for frame in stack.iter().take(stack.len().saturating_sub(1)) {
        match frame {
            Frame::Map { key, .. } => segments.push(Segment::Key(Cow::Owned(
                key.as_ref().map(|(k, _)| k.to_string()).unwrap_or_default(),
            ))),
            Frame::Seq { index, .. } => segments.push(Segment::Index(*index)),
        }
    }
    YamlPath(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
organization: Министерство
directions:
  - name: Бухгалтерский учет
    processes:
      - name: Заработная плата
        touchpoints:
          - point: Телефонная связь
            channel: digital
            needs: [info, consultaton]
          - pont: Кабинет
";

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_positions_of_requested_nodes_in_characters() {
        let tp = YamlPath::root()
            .key("directions")
            .index(0)
            .key("processes")
            .index(0)
            .key("touchpoints")
            .index(0);
        let requested = vec![
            tp.key("channel"),
            tp.key("needs").index(1),
            tp.clone(),
            YamlPath::root().key("organization"),
            tp.key("needs").index(7),
        ];
        let positions = locate(SAMPLE, &requested).unwrap();
        assert_eq!(positions[0], at(8, 22));
        assert_eq!(positions[1], at(9, 27));
        assert_eq!(positions[2], at(7, 13));
        // Cyrillic values: the column counts characters, not bytes.
        assert_eq!(positions[3], at(1, 15));
        // A missing node resolves to its deepest ancestor.
        assert_eq!(positions[4], at(9, 20));
    }

    #[test]
    fn reports_unknown_keys_with_their_place() {
        let shape = shape(SAMPLE).unwrap();
        assert_eq!(shape.unknown_keys.len(), 1);
        let unknown = &shape.unknown_keys[0];
        assert_eq!(unknown.key, "pont");
        assert_eq!(
            unknown.position,
            Position {
                line: 10,
                column: 13
            }
        );
        assert_eq!(
            unknown.parent.to_string(),
            "directions[0].processes[0].touchpoints[1]"
        );
        assert!(unknown.allowed.contains(&"point"));
    }

    #[test]
    fn a_tab_after_a_colon_is_read_as_serde_yaml_reads_it() {
        let text = "organization:\tМин\ndirections:\n  - name:\td\n    processes: [{name:\tp}]\n";
        let requested = vec![YamlPath::root().key("directions").index(0).key("name")];
        assert!(shape(text).unwrap().unknown_keys.is_empty());
        let positions = locate(text, &requested).unwrap();
        assert_eq!(positions[0], at(3, 11));
    }

    #[test]
    fn the_second_document_is_found_at_its_marker() {
        let text = "organization: a\ndirections: []\n---\norganization: b\n";
        assert_eq!(second_document(text), at(3, 1));
        assert_eq!(second_document("organization: a\n"), None);
    }

    #[test]
    fn block_values_point_at_their_key() {
        let requested = vec![YamlPath::root().key("directions")];
        let positions = locate(SAMPLE, &requested).unwrap();
        assert_eq!(positions[0], at(2, 1));
    }
}
