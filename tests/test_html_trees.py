"""The HTML stage reads two trees: lxml's to choose the content root, report what lies outside it and cut
the chrome inside it; BeautifulSoup's, of the cut root alone, to walk. These tests hold the shortcuts to
their promise: the same blocks and dropped lines as BeautifulSoup's walker over the whole page.
"""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from pipeline.stages import html
from pipeline.stages.html import _Walker, html_blocks
from pipeline.stages.html_outside import outside_lines
from pipeline.stages.html_select import content_root, outside_title
from pipeline.types import Dropped
from tests.conftest import ROOT

PROSE = "<p>" + "Glassblowers shape molten glass into vessels at the bench each day. " * 3 + "</p>"
MENU = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/j'>Jobs</a></li></ul></nav>"


def _panes(inside: str, around: str = "") -> str:
    return (f"<html><head><title>Glassblowers | Craft Careers</title></head><body>{MENU}"
            f"<div class='site-header'><h1>Craft Careers</h1></div>{around}"
            f"<div id='panes'><div id='t1'><article>{PROSE}{inside}</article></div>"
            f"<div id='t2'><article>{PROSE}</article></div></div>"
            f"<footer><p>Contact us</p><p>Privacy</p></footer></body></html>")


PAGES = [
    pytest.param(_panes(""), id="plain-panes"),
    pytest.param(_panes("<div class='chart'><p>Employment 2024</p><p>Note: all workers</p><span>42</span></div>"),
                 id="chart-with-note-inside-the-root"),
    pytest.param(_panes("<ul><li>Blow glass <nav class='menu'><ul><li>More</li></ul></nav></li></ul>"),
                 id="chrome-holding-the-only-nested-list-of-a-list-item"),
    pytest.param(_panes("<div class='post-header'><div class='share'><h1>Glassblowers</h1></div><p>By staff</p>"
                        "</div>"), id="header-word-and-an-h1-inside-chrome"),
    pytest.param(_panes("<div>Bench <span style='display:none'>hidden</span> work <img src='x.png'> and "
                        "<b>annealing</b><button>Buy</button> ovens</div>"), id="inline-runs-and-silent-elements"),
    pytest.param(_panes("<form><p>Sign up</p><select><option>A</option></select></form><p>After the form</p>"),
                 id="form-inside-the-root"),
    pytest.param(_panes("<p>Kilns <button>Buy now</button> today</p><ul><li>Item <select><option>A</option>"
                        "<option>B</option></select><ul><li>x</li></ul></li></ul>"),
                 id="silent-elements-in-text-read-as-words"),
    pytest.param(_panes("<div>\n <b>Kiln</b> <i>work</i>\n<p>Para</p> <span>tail</span><!-- c --> <em>run</em> "
                        "</div><ul>\n <li>a</li>\n <li><b>b</b> <b>c</b></li></ul>"),
                 id="blank-text-between-runs-and-blocks"),
    pytest.param(_panes("<h2>Pay <a class='about-link' href='#'>About this section</a></h2>"
                        "<table><tr><th>Industry</th><th>Median</th></tr><tr><td>Studios "
                        "<span class='tooltip'>?</span></td><td>$41,000</td></tr></table>"),
                 id="chrome-in-headings-and-cells"),
    pytest.param(_panes("<div aria-hidden='true'><p>Skip</p></div><div hidden><p>Also</p></div><p>Seen</p>"),
                 id="hidden-blocks"),
    pytest.param(_panes("<p><b>Duties</b></p><p><strong>Work environment</strong><aside>Ad</aside></p>"),
                 id="bold-headings"),
    pytest.param(_panes("<div>" * 420 + "<nav>Deep menu</nav>deep text" + "</div>" * 420),
                 id="deeper-than-the-walker-reads-blocks"),
    pytest.param(_panes("<p>Kiln <b>loading</b> &amp; <a href='#'>firing</a><!-- note --> &lt;rules&gt;</p>"
                        "<p>Glaze <ruby>yu<rt>ruby text</rt></ruby> <i>mixing</i><template>t</template></p>"
                        "<p><strong>Pay.</strong> Kiln workers <em>earn</em> more.</p><ul><li>Fire <dd>kilns</dd>"
                        " <span>daily</span></li></ul>"), id="paragraphs-read-as-words"),
    pytest.param(_panes("<table><thead class='table-header'><tr><td><h1>Kilns</h1> <b>x</b></td></tr></thead>"
                        "<tr><th>Kiln <a>A</a></th><td><p>Gas <b>fired</b></p><table><tr><td>y <i>z</i></td></tr>"
                        "</table></td></tr></table>"), id="cells-read-as-words"),
    pytest.param(_panes("<h2>Firing <a href='#'>kilns</a> <span class='tooltip'>?</span></h2><h3>Glazing <b>"
                        "ware</b><img src='x.png'></h3><h4><i>Loading</i> <!-- c --> carts</h4>"),
                 id="headings-read-as-words"),
    pytest.param(_panes("", around="<div>Before <b>the</b> panes<!-- c --> text<p>A paragraph</p>tail</div>"
                                   "<aside class='sidebar'><a>Glassblower vs. Potter: Which Is Right?</a></aside>"
                                   "<table><tr><td>Cell</td><td></td></tr></table><h3>Outside heading "
                                   "<span class='share'>Share</span></h3><summary>More <p>x</p></summary>"),
                 id="text-around-the-root"),
    pytest.param("<html><body><header><h1>Glass Weekly</h1></header><main><h2>Glassblowers</h2>"
                 f"{PROSE}<div class='related-posts'><a>Potter vs. Glassblower</a></div></main>"
                 "<div class='newsletter'>Subscribe</div></body></html>", id="main"),
    pytest.param(f"<html><body><div id='w'><div id='c'>{PROSE}{PROSE}<div class='share'>Share</div></div>"
                 f"<div id='f'><a href='/a'>A</a> <a href='/b'>B</a></div></div></body></html>",
                 id="div-soup"),
    pytest.param(f"<html><body>{PROSE}</body></html>", id="body-only"),
    pytest.param("", id="empty"),
    pytest.param("<?xml version='1.0' encoding='utf-8'?><html><body><article>" + PROSE + "</article></body></html>",
                 id="xml-declaration"),
]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))


def _pages() -> list[Any]:
    return [*PAGES, *(pytest.param(p.read_text(encoding="utf-8"), id=p.name) for p in FIXTURES)]


@pytest.mark.parametrize("page", _pages())
def test_cutting_the_root_for_beautifulsoup_changes_nothing(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cut = html_blocks(page)
    monkeypatch.setattr(html, "prune_root", lambda root: None)
    assert cut == html_blocks(page)


def _remove_keeping_tail(el: Any) -> None:
    """Take ``el`` out of its tree as BeautifulSoup's ``extract`` does: the text after it stays."""
    parent, tail = el.getparent(), el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


@pytest.mark.parametrize("page", _pages())
def test_the_outside_is_reported_as_the_walker_would(page: str) -> None:
    markup = html.SILENT_BODIES.sub(r"<\1></\1>", page)
    doc = html._document(markup)
    if doc is None:
        return
    root = content_root(doc)
    if root.tag in ("body", "html"):
        return
    h1 = outside_title(doc, root)
    body = doc.find("body")
    lines = outside_lines(body, [root, h1])
    for el in (h1, root):
        if el is not None:
            _remove_keeping_tail(el)
    walker = _Walker()
    soup = BeautifulSoup(etree.tostring(body, method="html", encoding="unicode"), "lxml",
                         multi_valued_attributes=None)
    walker.walk(soup.body)
    assert lines == [Dropped(b.text, "outside_article") for b in walker.blocks if b.text] + walker.dropped
