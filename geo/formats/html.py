"""A saved web page as the plain text a reader sees, without the page's navigation.

The page is parsed with BeautifulSoup (Python's own ``html.parser``, so no extra parser is
needed); scripts, styles, forms, navigation, sidebars, share buttons and the site's header and
footer are dropped; block elements (paragraphs, list items, divisions, line breaks) become
line breaks and runs of spaces one space.  The result is read like any copied text
(geo/formats/detect.py), and it is the text every entry's offsets index: the thread's stored
``text``.  Markup inside a comment is never run, only its words are kept.

>>> page = "<html><nav>Main</nav><p>Azaz <b>fell</b>.</p><script>x()</script></html>"
>>> page_text(page)
'Azaz fell.'
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

__all__ = ["looks_like_html", "page_text", "page_title"]

DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "aside", "form",
                "iframe", "button", "input", "select", "textarea", "head", "img", "video",
                "audio", "canvas", "object", "embed")
# class or id words of page parts that are not the post or its comments
_FURNITURE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|sidebar|widget|widgets|breadcrumbs?|share|sharing"
    r"|social|related|cookie|banner|advert|ads|pagination|respond|screen-reader-text|skip-link"
    r"|site-header|site-footer|masthead|colophon|comment-form|reply-form|wpd-form"
    r"|wpd-comment-footer|wpd-vote|footer-nav|module)(?:$|[-_])", re.IGNORECASE)
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
    "details", "summary"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def looks_like_html(text: str) -> bool:
    """A whole saved page (or a fragment of one): starts with a doctype or an html tag."""
    head = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<?xml") and "<html" in head:
        return True
    return head.startswith(("<div", "<article", "<section", "<body", "<ol", "<ul")) \
        and head.count("</") >= 3


def _is_furniture(tag: Tag) -> bool:
    if tag.name in DROPPED_TAGS:
        return True
    if tag.name in ("header", "footer") and not _mentions_comment(tag):
        return True  # the site's header and footer (a comment's own header says "comment")
    words = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    return bool(words.strip()) and any(_FURNITURE.search(w) for w in words.split())


def _mentions_comment(tag: Tag) -> bool:
    words = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")]).lower()
    return "comment" in words or "entry" in words or "post" in words


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _pieces(root: Tag) -> list[str]:
    """Text pieces and line breaks in reading order (iteratively: pages nest deeply)."""
    out: list[str] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            out.append(node)  # a line-break marker pushed below
        elif isinstance(node, (Comment, Doctype)):
            continue
        elif isinstance(node, NavigableString):
            out.append(_SPACES.sub(" ", str(node).replace("\n", " ")))
        elif isinstance(node, Tag):
            if node is not root and _is_furniture(node):
                continue
            if node.name == "br":
                out.append("\n")
                continue
            block = node.name in BLOCK_TAGS
            if block:
                stack.append("\n\n" if node.name in ("p", "blockquote", "pre") else "\n")
            stack.extend(reversed(list(node.children)))
            if block:
                stack.append("\n")
    return out


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _mark_quotations(soup: BeautifulSoup) -> BeautifulSoup:
    """A blockquote's words between quotation marks: the plain text then shows, as the page
    did, that they are someone else's (and the quote finder can trace them)."""
    for quote in soup.find_all(["blockquote", "q"]):
        if quote.get_text(strip=True):
            quote.insert(0, "\u201c")
            quote.append("\u201d")
    return soup


def fragment_text(html: str) -> str:
    """The words of an HTML fragment (a comment's message in an export), paragraphs kept."""
    return _tidy("".join(_pieces(_mark_quotations(_soup(html)))))


def page_text(html: str) -> str:
    """The reading text of a saved page (see the module's docstring)."""
    soup = _mark_quotations(_soup(html))
    root = soup.body or soup
    return _tidy("".join(_pieces(root)))


def page_title(html: str) -> str:
    """The page's own title: its og:title, its entry heading, or its <title>."""
    soup = _soup(html)
    meta = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(meta, Tag) and meta.get("content"):
        return " ".join(str(meta["content"]).split())
    for selector in (".entry-title", ".entry-header", ".post-title", "h1"):
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return " ".join(found.get_text(" ").split())
    if soup.title is not None and soup.title.string:
        return " ".join(soup.title.string.split())
    return ""


# A comment element and its author's name, per comment system: WordPress core, wpDiscuz,
# Disqus's embed.  A reply is a comment element inside another one.
COMMENT_ELEMENTS = (("li.comment, article.comment", ".comment-author .fn, .comment-author"),
                    ("div.wpd-comment", ".wpd-comment-author"),
                    ("li.post", ".author"))


def page_replies(html: str) -> list[tuple[str, str]]:
    """(author, parent's author or "") for each nested comment element, in page order; empty
    when the page has no comment elements we know."""
    soup = _soup(html)
    for element_selector, author_selector in COMMENT_ELEMENTS:
        elements = soup.select(element_selector)
        if not elements:
            continue
        known = set(map(id, elements))
        pairs = []
        for element in elements:
            author = element.select_one(author_selector)
            parent = next((p for p in element.parents if id(p) in known), None)
            parent_author = parent.select_one(author_selector) if parent is not None else None
            pairs.append((_words(author), _words(parent_author)))
        return pairs
    return []


def _words(tag: Tag | None) -> str:
    if tag is None:
        return ""
    text = " ".join(tag.get_text(" ").split())
    return re.sub(r"\s+(?:says|said|wrote)\s*:?$", "", text, flags=re.IGNORECASE)
