"""Built pages lose the indentation between their tags, and nothing a reader sees."""

from __future__ import annotations

from pathlib import Path

from orgspec.site.compact import compact_html, compact_pages
from tests.visible import page_text

PAGE = """<html>
  <body>
    <nav>
      <ul>
        <li>
          <a href="a.html">
            First   post\t\x20
          </a>
        </li>
        <li><a href="b.html">Second</a> <a href="c.html">third</a></li>
      </ul>
    </nav>
    <article class="md-content__inner">
      <p>Some   text,
         over two lines</p>
      <pre><code>line one
    <span>indented</span>
</code></pre>
      <textarea>
   kept
      </textarea>
      <script>
        var a = 1
        <!-- -->
      </script>
    </article>
  </body>
</html>
"""

COMPACTED = """<html>
<body>
<nav>
<ul>
<li>
<a href="a.html">
First   post
</a>
</li>
<li><a href="b.html">Second</a> <a href="c.html">third</a></li>
</ul>
</nav>
<article class="md-content__inner">
<p>Some   text,
         over two lines</p>
<pre><code>line one
    <span>indented</span>
</code></pre>
<textarea>
   kept
      </textarea>
<script>
        var a = 1
        <!-- -->
      </script>
</article>
</body>
</html>
"""


def test_blank_space_between_tags_becomes_one_line_end() -> None:
    assert compact_html(PAGE) == COMPACTED


def test_compacting_twice_changes_nothing() -> None:
    assert compact_html(COMPACTED) == COMPACTED


def test_the_pages_of_a_site_are_compacted_in_place_and_read_the_same(tmp_path: Path) -> None:
    page = tmp_path / "handbook" / "posts" / "a.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(PAGE, encoding="utf-8")
    before = page_text(page)
    assert compact_pages(tmp_path) == 1
    assert page.read_text(encoding="utf-8") == COMPACTED
    assert page_text(page) == before
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == PAGE
    assert compact_pages(tmp_path) == 0
