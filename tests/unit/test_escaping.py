"""Escaping text from YAML into generated Markdown."""

from __future__ import annotations

import markdown

from generator.render import escaping


def render(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "tables"])


def test_plain_text_shows_literally() -> None:
    value = "Päijät-Sote *tähti* [linkki](x) <b>lihava</b> {: .luokka onclick=x } # 1."
    html = render(f"Teksti: {escaping.text(value)}")
    assert html == (
        "<p>Teksti: Päijät-Sote *tähti* [linkki](x) &lt;b&gt;lihava&lt;/b&gt; {: .luokka onclick=x } # 1.</p>"
    )


def test_editor_markdown_keeps_formatting_but_not_html() -> None:
    source = (
        "Rivi *korostettu* ja [linkki](https://a.fi/).\n\n- yksi\n- <script>x</script>\n\n"
        "Loppu {: onclick=x }"
    )
    html = render(str(escaping.markdown(source)))
    assert "<em>korostettu</em>" in html
    assert '<a href="https://a.fi/">linkki</a>' in html
    assert "<li>&lt;script&gt;x&lt;/script&gt;</li>" in html
    assert "onclick" not in html.replace("{: onclick=x }", "")


def test_attribute_values() -> None:
    assert escaping.attr('a"b<c>&') == "a&#34;b&lt;c&gt;&amp;"
    assert escaping.attr_join(["kuntouttava-tyotoiminta", "a&b"]) == "kuntouttava-tyotoiminta a&amp;b"


def test_markdown_join_escapes_each_item() -> None:
    assert escaping.join(["Päijät-Sote", "*x*"], ", ") == r"Päijät\-Sote, \*x\*"
    # Items already escaped are not escaped twice.
    assert escaping.join([escaping.text("a-b"), "c-d"], " · ") == r"a\-b · c\-d"
    assert escaping.attr_join([escaping.attr("<a>"), "<b>"]) == "&lt;a&gt; &lt;b&gt;"


def test_link_targets_keep_their_characters() -> None:
    target = escaping.md_url("https://fi.wikipedia.org/wiki/Kela_(virasto)?a=1&b=2")
    html = render(f"[Kela]({target})")
    assert html == '<p><a href="https://fi.wikipedia.org/wiki/Kela_(virasto)?a=1&amp;b=2">Kela</a></p>'


def test_finalize_marks_every_value_as_text() -> None:
    assert escaping.finalize(None) == ""
    assert escaping.finalize("a_b") == r"a\_b"
    assert escaping.finalize(escaping.attr("<x>")) == "&lt;x&gt;"
