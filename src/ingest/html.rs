//! HTML pages to documents.
//!
//! Takes the text of an HTML page; gives a document: the page's own metadata
//! (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`, `og:site_name` for the
//! outlet, `og:title`, the canonical URL) and its main content as text blocks placed on the line
//! of the HTML file where each block's element starts, so sentence lines point into the HTML.
//!
//! Parsing is html5ever's (through scraper), never regexes. Main content: the page's article
//! container when it has one (`itemprop=articleBody`, a single `<article>`, `<main>`,
//! `role=main`), else the whole body by elimination. Either way navigation, headers outside
//! articles, footers, asides, forms, scripts and styles, elements whose class or id says menu,
//! sidebar, share or comments, and link-dense blocks are dropped. The text then goes through the
//! same dateline, post-splitting and boilerplate rules as a text page. Traversal is iterative,
//! so deeply nested markup cannot overflow the stack.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, QualName};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use super::boilerplate::{classify, is_boilerplate, LineKind};
use super::dates::parse_date_value;
use super::text::{split_body, LineMap, Meta};
use super::{assemble, limits, path_id, DateOrigin, Document, Published};
use crate::error::{Diagnostic, Location};

/// Builds the document of an HTML page.
pub(crate) fn document(path: &Path, source: &str, diagnostics: &mut Vec<Diagnostic>) -> Document {
    let source = match depth_cut(source, limits::MAX_HTML_DEPTH) {
        Some(cut) => {
            let kept = source.get(..cut).unwrap_or_default();
            let line = 1 + kept.bytes().filter(|&b| b == b'\n').count();
            diagnostics.push(Diagnostic::warning(
                Location::new(path, line, 0),
                format!(
                    "elements nested deeper than the {} limit; the page is read up to here",
                    limits::MAX_HTML_DEPTH
                ),
            ));
            kept
        }
        None => source,
    };
    let (html, lines) = parse(source);
    let meta = metadata(&html);
    let blocks = content_blocks(&html, &lines);
    let text_lines = place(&blocks);
    let refs: Vec<&str> = text_lines.iter().map(String::as_str).collect();
    let body = split_body(&refs, 1, LineMap::PerLine);
    assemble(path, path_id(path), meta, body, diagnostics)
}

/// Elements that have no end tag, or whose end tag is usually left out: they do not nest.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "!doctype",
];

/// The byte offset where element nesting first goes deeper than `max`, estimated by a scan of
/// the tags. html5ever's scope checks cost time in proportion to the nesting depth for every
/// tag, so a hostile page of a million nested elements would take hours; such a page is cut at
/// the limit instead (real pages nest a few dozen deep).
fn depth_cut(source: &str, max: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let at = i + offset;
        let rest = bytes.get(at + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            let end = source
                .get(at..)
                .and_then(|r| r.find("-->"))
                .map_or(bytes.len(), |e| at + e + 3);
            i = end;
            continue;
        }
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            let name: String = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .map(|b| char::from(b.to_ascii_lowercase()))
                .collect();
            let tag_end = rest.iter().position(|&b| b == b'>');
            let self_closing = tag_end
                .and_then(|e| e.checked_sub(1))
                .and_then(|e| rest.get(e))
                == Some(&b'/');
            if !self_closing && !NON_NESTING.contains(&name.as_str()) {
                depth += 1;
                if depth > max {
                    return Some(at);
                }
            }
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                let end = source
                    .get(at..)
                    .map(str::to_ascii_lowercase)
                    .and_then(|r| r.find(&close))
                    .map_or(bytes.len(), |e| at + e);
                i = end;
                continue;
            }
        }
        i = at + 1;
    }
    None
}

/// A tree sink that records the source line of every element as html5ever creates it.
struct LineSink {
    html: Html,
    line: u64,
    lines: HashMap<NodeId, usize>,
}

impl TreeSink for LineSink {
    type Handle = NodeId;
    type Output = Self;

    fn finish(self) -> Self {
        self
    }
    fn parse_error(&mut self, msg: Cow<'static, str>) {
        self.html.parse_error(msg);
    }
    fn get_document(&mut self) -> NodeId {
        self.html.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> ExpandedName<'a> {
        self.html.elem_name(target)
    }
    fn create_element(
        &mut self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> NodeId {
        let id = self.html.create_element(name, attrs, flags);
        self.lines
            .insert(id, usize::try_from(self.line).unwrap_or(usize::MAX));
        id
    }
    fn create_comment(&mut self, text: StrTendril) -> NodeId {
        self.html.create_comment(text)
    }
    fn create_pi(&mut self, target: StrTendril, data: StrTendril) -> NodeId {
        self.html.create_pi(target, data)
    }
    fn append(&mut self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.html.append(parent, child);
    }
    fn append_based_on_parent_node(
        &mut self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.html
            .append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &mut self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.html
            .append_doctype_to_document(name, public_id, system_id);
    }
    fn get_template_contents(&mut self, target: &NodeId) -> NodeId {
        self.html.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.html.same_node(x, y)
    }
    fn set_quirks_mode(&mut self, mode: QuirksMode) {
        self.html.set_quirks_mode(mode);
    }
    fn append_before_sibling(&mut self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.html.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&mut self, target: &NodeId, attrs: Vec<Attribute>) {
        self.html.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&mut self, target: &NodeId) {
        self.html.remove_from_parent(target);
    }
    fn reparent_children(&mut self, node: &NodeId, new_parent: &NodeId) {
        self.html.reparent_children(node, new_parent);
    }
    fn set_current_line(&mut self, line: u64) {
        self.line = line;
    }
}

/// Parses a page, giving the tree and the 1-based source line of each element.
fn parse(source: &str) -> (Html, HashMap<NodeId, usize>) {
    let sink = LineSink {
        html: Html::new_document(),
        line: 1,
        lines: HashMap::new(),
    };
    let sink = html5ever::parse_document(sink, Default::default()).one(source);
    (sink.html, sink.lines)
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(html: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    html.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_string)
}

fn first_text(html: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    html.select(&sel)
        .map(|e| normalize_space(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// The page's own metadata: date, outlet, title and canonical URL.
fn metadata(html: &Html) -> Meta {
    let json_ld = json_ld(html);
    let find_ld = |key: &str| json_ld.iter().find_map(|v| find_key(v, key));
    let date_candidates = [
        first_attr(
            html,
            r#"meta[property="article:published_time"]"#,
            "content",
        ),
        first_attr(html, r#"meta[name="article:published_time"]"#, "content"),
        find_ld("datePublished"),
        first_attr(html, r#"meta[itemprop="datePublished"]"#, "content"),
        first_attr(
            html,
            r#"meta[name="date"], meta[name="pubdate"], meta[name="publish-date"], meta[name="DC.date.issued"], meta[name="dc.date"]"#,
            "content",
        ),
        first_attr(html, "time[pubdate][datetime]", "datetime"),
        first_attr(html, "time[datetime]", "datetime"),
    ];
    let published = date_candidates
        .iter()
        .flatten()
        .find_map(|v| parse_date_value(v))
        .map(|date| Published {
            date,
            origin: DateOrigin::Header,
        });
    let source = first_attr(html, r#"meta[property="og:site_name"]"#, "content")
        .or_else(|| {
            json_ld.iter().find_map(|v| {
                let publisher = find_value(v, "publisher")?;
                find_key(publisher, "name")
            })
        })
        .or_else(|| first_attr(html, r#"meta[name="application-name"]"#, "content"));
    let title = first_attr(html, r#"meta[property="og:title"]"#, "content")
        .or_else(|| find_ld("headline"))
        .or_else(|| first_text(html, "title"))
        .or_else(|| first_text(html, "h1"));
    let url = first_attr(html, r#"link[rel="canonical"]"#, "href")
        .or_else(|| first_attr(html, r#"meta[property="og:url"]"#, "content"));
    Meta {
        source,
        url,
        title,
        published,
    }
}

/// The JSON-LD blocks of a page that parse (serde_json bounds nesting, so hostile blocks fail
/// cleanly and are ignored).
fn json_ld(html: &Html) -> Vec<serde_json::Value> {
    let Some(sel) = selector(r#"script[type="application/ld+json"]"#) else {
        return Vec::new();
    };
    html.select(&sel)
        .filter_map(|e| serde_json::from_str(&e.text().collect::<String>()).ok())
        .collect()
}

/// The first value under `key` anywhere in a JSON tree, breadth-first and iterative.
fn find_value<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    let mut queue = std::collections::VecDeque::from([value]);
    while let Some(v) = queue.pop_front() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(found) = map.get(key) {
                    return Some(found);
                }
                queue.extend(map.values());
            }
            serde_json::Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}

/// Like [`find_value`], for a string value.
fn find_key(value: &serde_json::Value, key: &str) -> Option<String> {
    match find_value(value, key)? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Object(_) | serde_json::Value::Array(_) => {
            find_value(find_value(value, key)?, "name").and_then(|v| v.as_str().map(str::to_string))
        }
        _ => None,
    }
}

fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements whose whole subtree is never content.
const SKIPPED: &[&str] = &[
    "nav", "footer", "aside", "script", "style", "form", "noscript", "iframe", "svg", "button",
    "select", "template", "object", "embed", "canvas", "dialog", "menu", "head",
];

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "header",
    "address",
    "hr",
    "br",
    "body",
    "center",
];

/// Class or id words that mark page furniture.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[-_\s])(?:nav|navbar|navigation|menu|sidebar|footer|comments?|comment-list|share|sharing|social|related|breadcrumbs?|cookie|banner|advert|ads?|widget|subscribe|newsletter|promo|popup|masthead|skip-link|pagination|byline-share)(?:$|[-_\s])",
    )
    .expect("static regex")
});

/// One block of text and the source line where its element starts.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    line: usize,
    text: String,
}

/// The element whose text is the page's main content.
fn content_root(html: &Html) -> ElementRef<'_> {
    for css in [
        r#"[itemprop="articleBody"]"#,
        "article",
        "main",
        r#"[role="main"]"#,
    ] {
        if let Some(sel) = selector(css) {
            let found: Vec<ElementRef> = html.select(&sel).collect();
            if let [only] = found.as_slice() {
                if only.text().map(str::len).sum::<usize>() >= 200 {
                    return *only;
                }
            }
        }
    }
    selector("body")
        .and_then(|sel| html.select(&sel).next())
        .unwrap_or_else(|| html.root_element())
}

fn is_furniture(element: &scraper::node::Element, inside_article: bool) -> bool {
    let name = element.name();
    if SKIPPED.contains(&name) || (name == "header" && !inside_article) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || matches!(
            element.attr("role"),
            Some("navigation" | "banner" | "contentinfo" | "complementary")
        )
    {
        return true;
    }
    element.attr("class").is_some_and(|c| FURNITURE.is_match(c))
        || element.attr("id").is_some_and(|c| FURNITURE.is_match(c))
}

/// Walks the content root and gives its text blocks, furniture and link-dense blocks dropped.
fn content_blocks(html: &Html, lines: &HashMap<NodeId, usize>) -> Vec<Block> {
    let root = content_root(html);
    let mut blocks = Vec::new();
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    let mut article_depth = 0usize;
    let mut block_lines: Vec<usize> = vec![lines.get(&root.id()).copied().unwrap_or(1)];
    let mut current = String::new();
    let mut current_line = 0usize;
    let mut link_chars = 0usize;
    let articles = selector("article").map_or(0, |sel| root.select(&sel).count());

    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    if skip_depth > 0 || is_furniture(element, article_depth > 0) {
                        skip_depth += 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "article" {
                        article_depth += 1;
                        // On a page of several articles, each article's own machine-readable
                        // date becomes a date line at its start, so the post split sees it.
                        if articles >= 2 {
                            if let Some(date) = ElementRef::wrap(node).and_then(article_date) {
                                flush(&mut blocks, &mut current, &mut link_chars, current_line);
                                let line = lines.get(&node.id()).copied().unwrap_or(current_line);
                                blocks.push(Block {
                                    line,
                                    text: date.to_string(),
                                });
                            }
                        }
                    }
                    if name == "a" {
                        link_depth += 1;
                    }
                    if BLOCKS.contains(&name) {
                        flush(&mut blocks, &mut current, &mut link_chars, current_line);
                        block_lines.push(lines.get(&node.id()).copied().unwrap_or(current_line));
                    }
                }
                Node::Text(text) if skip_depth == 0 => {
                    if current.trim().is_empty() && !text.trim().is_empty() {
                        current_line = block_lines.last().copied().unwrap_or(1);
                    }
                    current.push_str(text);
                    if link_depth > 0 {
                        link_chars += normalize_space(text).chars().count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "article" {
                        article_depth = article_depth.saturating_sub(1);
                    }
                    if name == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&name) {
                        flush(&mut blocks, &mut current, &mut link_chars, current_line);
                        block_lines.pop();
                        current_line = block_lines.last().copied().unwrap_or(current_line);
                    }
                }
            }
        }
    }
    flush(&mut blocks, &mut current, &mut link_chars, current_line);
    blocks
}

/// Ends the current block: keeps its text unless it is empty or mostly link text (a menu, a
/// list of related links).
fn flush(blocks: &mut Vec<Block>, current: &mut String, link_chars: &mut usize, line: usize) {
    let text = normalize_space(current);
    let total = text.chars().count();
    let dense = total > 0 && *link_chars * 2 > total && text.split_whitespace().count() < 40;
    if !text.is_empty() && !dense {
        blocks.push(Block { line, text });
    }
    current.clear();
    *link_chars = 0;
}

/// The date of an article from its first `<time datetime>`.
fn article_date(article: ElementRef<'_>) -> Option<chrono::NaiveDate> {
    let sel = selector("time[datetime]")?;
    article
        .select(&sel)
        .filter_map(|t| t.value().attr("datetime"))
        .find_map(parse_date_value)
}

/// Lays blocks out as text lines, each on its source line (text line k is file line k + 1).
/// Blocks that share a source line (minified HTML) share the text line, joined with U+2029 so
/// sentences still break between them; a date block keeps a line of its own (moving one line
/// down if it must) so that post splitting sees it.
fn place(blocks: &[Block]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = 0usize;
    let mut last_was_date = false;
    for block in blocks {
        if is_boilerplate(&block.text) {
            continue;
        }
        let is_date = matches!(
            classify(&block.text),
            LineKind::LeadDate { .. } | LineKind::TrailDate(_)
        );
        let mut line = block.line.max(last).max(1);
        if line == last && (is_date || last_was_date) {
            line += 1;
        }
        while out.len() < line {
            out.push(String::new());
        }
        if let Some(slot) = out.get_mut(line - 1) {
            if !slot.is_empty() {
                slot.push('\u{2029}');
            }
            slot.push_str(&block.text);
        }
        last = line;
        last_was_date = is_date;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_the_line_of_their_element() {
        let page = "<html><body>\n<nav><a href=/>Home</a></nav>\n<p>First paragraph here.</p>\n\n<p>Second\nparagraph.</p>\n</body></html>";
        let (html, lines) = parse(page);
        let blocks = content_blocks(&html, &lines);
        assert_eq!(
            blocks,
            [
                Block {
                    line: 3,
                    text: "First paragraph here.".into()
                },
                Block {
                    line: 5,
                    text: "Second paragraph.".into()
                },
            ]
        );
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit() {
        let page = format!("{}text{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        let cut = depth_cut(&page, 1000).unwrap();
        assert_eq!(cut, 1000 * "<div>".len());
        let mut diagnostics = Vec::new();
        let doc = document(Path::new("deep.html"), &page, &mut diagnostics);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0].message.contains("nested deeper"));
        assert!(doc.posts.iter().all(|p| p.text.is_empty()));
    }

    #[test]
    fn ordinary_pages_are_not_cut() {
        let page = "<!doctype html><html><head><script>if (a<b && c<d) {}</script></head><body><ul><li>a<li>b</ul><p>x<br>y<img src=a.png></body></html>";
        assert_eq!(depth_cut(page, 3), None);
    }
}
