from __future__ import annotations

from datetime import date

from tensionwatch.ingest import IngestOptions, iter_records

from .conftest import Writer, one_article, one_problem

PARAGRAPHS = """
<p>Residents said a group of men attacked a shop owner on Saturday night in the centre of
the town, leaving him with serious injuries.</p>
<p>Police arrested two suspects and opened a criminal case for hooliganism motivated by
ethnic hatred, officials said on Sunday.</p>
<p>The victim, a 34-year-old man, remains in hospital in stable condition according to
doctors at the regional hospital.</p>
"""

PAGE = f"""<!DOCTYPE html><html><head><title>Shop owner attacked</title>
<meta property="article:published_time" content="2024-03-25T10:00:00Z">
<link rel="canonical" href="https://example.org/news/attack">
</head><body><nav>Home | World | Sport</nav><article><h1>Shop owner attacked</h1>
{PARAGRAPHS}</article><footer>Copyright Example News</footer></body></html>"""

HOSTILE = f"""<html><head><title>Hostile</title><script>alert(1)</script>
<style>body {{ display: none }}</style></head>
<body onload="alert('onload')"><article>
<script>alert(1)</script><script type="text/javascript">document.cookie</script>
<img src="x" onerror="alert('onerror')">
{PARAGRAPHS.replace("<p>", '<p onclick="steal()">', 1)}
<a href="javascript:alert(2)">click</a><iframe src="javascript:alert(3)"></iframe>
</article></body></html>"""


def test_html_main_text_title_date_url(write: Writer) -> None:
    path = write("page.html", PAGE)
    article = one_article(iter_records([path], IngestOptions(published=date(2000, 1, 1))))
    assert article.title == "Shop owner attacked"
    assert article.published == date(2024, 3, 25)
    assert article.url == "https://example.org/news/attack"
    assert article.source == str(path)
    assert "Police arrested two suspects" in article.text
    assert "Home | World" not in article.text
    assert "Copyright" not in article.text


def test_html_hostile_markup_does_not_leak(write: Writer) -> None:
    article = one_article(iter_records([write("hostile.htm", HOSTILE)], IngestOptions()))
    assert "Police arrested two suspects" in article.text
    for leaked in ("alert", "onerror", "onload", "onclick", "steal", "cookie", "javascript"):
        assert leaked not in article.text
    assert "<" not in article.text


def test_html_default_published_when_page_has_no_date(write: Writer) -> None:
    page = f"<html><body><article>{PARAGRAPHS}</article></body></html>"
    article = one_article(
        iter_records([write("p.html", page)], IngestOptions(published=date(2024, 4, 1)))
    )
    assert article.published == date(2024, 4, 1)


def test_html_no_extractable_text(write: Writer) -> None:
    page = "<html><head><script>alert(1)</script></head><body><div> </div></body></html>"
    path = write("empty.html", page)
    problem = one_problem(iter_records([path], IngestOptions()))
    assert (problem.source, problem.code, problem.fatal) == (str(path), "TW108", True)
    assert problem.reason == "no text extracted from HTML"
