"""Links in an editor's Markdown: every form with an unsafe scheme is refused with its
file, line and field, and a page with such links still builds, with the links defused."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.problems import Problem
from generator.render.safe_links import LinkTarget, link_targets
from generator.validate.catalogue import load_catalogue
from tests.helpers import tarjotin_build

SERVICE = """\
name: Kolmas palvelu
themes: [kuntoutus]
provider: kunta
area: region
what: Jotain.
how: {how}
"""
HOW_LINE = 6

#: (YAML value of a Markdown field, the link as the message shows it, its scheme)
UNSAFE = [
    ("'[a](javascript:alert(1))'", "javascript:alert(1)", "javascript"),
    ("'[a](JaVaScRiPt:alert(1))'", "JaVaScRiPt:alert(1)", "javascript"),
    ("'[a](javascript:x \"t\")'", "javascript:x", "javascript"),
    ("'[a](<javascript:x>)'", "javascript:x", "javascript"),
    ("'![kuva](javascript:x)'", "javascript:x", "javascript"),
    ("'[a](&#106;avascript:x)'", "&#106;avascript:x", "javascript"),
    ("'[a](java&Tab;script:x)'", "java&Tab;script:x", "javascript"),
    ("'<javascript:alert(1)>'", "javascript:alert(1)", "javascript"),
    ("'<vbscript:msgbox(1)>'", "vbscript:msgbox(1)", "vbscript"),
    ('"[a][r]\\n\\n[r]: javascript:alert(1)"', "javascript:alert(1)", "javascript"),
    ('"[a][r]\\n\\n[r]: JaVaScRiPt:alert(1)"', "JaVaScRiPt:alert(1)", "javascript"),
    ('"[a][r]\\n\\n[r]: vbscript:msgbox(1)"', "vbscript:msgbox(1)", "vbscript"),
    ('"[a][r]\\n\\n   [r]: javascript:alert(1)"', "javascript:alert(1)", "javascript"),
    ("\"[a][r]\\n\\n[r]: <javascript:alert(1)> 't'\"", "javascript:alert(1)", "javascript"),
    ('"[a][]\\n\\n[a]: javascript:alert(1)"', "javascript:alert(1)", "javascript"),
    ('"[a]\\n\\n[a]: javascript:alert(1)"', "javascript:alert(1)", "javascript"),
    ('"![kuva][r]\\n\\n[r]: javascript:alert(1)"', "javascript:alert(1)", "javascript"),
    ('"[a][r]\\n\\n[r]: data:text/html,x"', "data:text/html,x", "data"),
    ("'[a](data:text/html;base64,PHNjcmlwdD4=)'", "data:text/html;base64,PHNjcmlwdD4=", "data"),
    # A definition no link uses is still a mistake worth showing.
    ('"Teksti.\\n\\n[r]: javascript:alert(1)"', "javascript:alert(1)", "javascript"),
]


def problems_of(catalogue: Path) -> list[Problem]:
    loaded, problems = load_catalogue(catalogue)
    assert loaded is None, "expected the catalogue to be rejected"
    return problems.sorted()


@pytest.mark.parametrize(("value", "shown", "scheme"), UNSAFE)
def test_unsafe_link_in_any_form_is_refused(
    mini_catalogue: Path, value: str, shown: str, scheme: str
) -> None:
    path = mini_catalogue / "services" / "kolmas.yml"
    path.write_text(SERVICE.format(how=value), encoding="utf-8")
    [problem] = problems_of(mini_catalogue)
    assert (problem.file, problem.line, problem.field) == (path, HOW_LINE, "how")
    assert (
        problem.message
        == f"linkki '{shown}' käyttää muotoa '{scheme}:'; linkkien pitää olla http(s)-osoitteita"
    )


def test_a_control_character_before_the_scheme_is_refused(mini_catalogue: Path) -> None:
    path = mini_catalogue / "services" / "kolmas.yml"
    path.write_text(SERVICE.format(how='"[a][r]\\n\\n[r]: \\x01javascript:alert(1)"'), encoding="utf-8")
    # Reported at the field, whether as the control character or as the link.
    problems = problems_of(mini_catalogue)
    assert {(p.file, p.line, p.field) for p in problems} == {(path, HOW_LINE, "how")}
    # Browsers skip leading control characters, so the link's scheme is javascript:.
    assert link_targets("[a][r]\n\n[r]: \x01javascript:alert(1)") == (
        LinkTarget("\\x01javascript:alert(1)", "javascript"),
    )


def test_unsafe_link_in_a_block_of_the_region_file(mini_catalogue: Path) -> None:
    region = mini_catalogue / "region.yml"
    text = region.read_text(encoding="utf-8")
    intro = "    Tämä on **testiluettelo**.\n"
    assert intro in text
    region.write_text(text.replace(intro, intro + "\n    Katso [tämä][r].\n\n    [r]: javascript:alert(1)\n"))
    [problem] = problems_of(mini_catalogue)
    assert (problem.file, problem.line, problem.field) == (region, 6, "site.intro")
    assert "'javascript:'" in problem.message


@pytest.mark.parametrize(
    "value",
    ['"[Kela][r]\\n\\n[r]: ../kela/"', "'![kuva](kuva.png)'", '"[a][r]\\n\\n[r]: //example.org/"'],
)
def test_relative_link_in_any_form_is_refused(mini_catalogue: Path, value: str) -> None:
    path = mini_catalogue / "services" / "kolmas.yml"
    path.write_text(SERVICE.format(how=value), encoding="utf-8")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.field) == (HOW_LINE, "how")
    assert "on suhteellinen; kirjoita täydellinen https://-osoite" in problem.message


def test_safe_links_in_every_form_pass(mini_catalogue: Path) -> None:
    links = (
        "[a](https://example.org/a) [b](<https://example.org/b c>) [c][r] <https://example.org/d>"
        " [posti](mailto:info@example.org) [puhelin](tel:+358401234567) <info@example.org>"
        " [e](https://example.org/e 'otsikko') ![kuva](https://example.org/f.png)"
        "\\n\\n[r]: https://example.org/c"
    )
    (mini_catalogue / "services" / "kolmas.yml").write_text(
        SERVICE.format(how=f'"{links}"'), encoding="utf-8"
    )
    catalogue, problems = load_catalogue(mini_catalogue)
    assert not problems.sorted()
    assert catalogue is not None


class _Targets(HTMLParser):
    """Every href and src in a page, decoded as a browser decodes attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [value for name, value in attrs if name in ("href", "src") and value is not None]


#: A hand-written page is not validated: the renderer alone must make it safe.
HAND_WRITTEN = """\
# Vaaralliset linkit

[viitelinkki][js] ja [kirjainkoko][mixed] ja [vbs][vb] ja [ohjausmerkki][ctrl]
ja [välilyönnit][spaces] ja ![viitekuva][js] ja [data][data] ja
[suora](javascript:alert(1)) ja [otsikolla](javascript:alert(1) "otsikko") ja
[kulmasuluissa](<javascript:alert(1)>) ja ![kuva](javascript:alert(1)) ja
[merkkiviittaus](&#106;avascript:alert(1)) ja [turvallinen](https://example.org/) loppuu.

[js]: javascript:alert(1)
[mixed]: JaVaScRiPt:alert(1)
[vb]: vbscript:msgbox(1)
[ctrl]: \x01javascript:alert(1)
   [spaces]: javascript:alert(1)
[data]: data:text/html,<script>alert(1)</script>
"""


def test_a_page_with_unsafe_links_builds_without_them(mini_project: Path, tmp_path: Path) -> None:
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  - generator.render.safe_links\n", encoding="utf-8"
    )
    (mini_project / "docs" / "vaara.md").write_text(HAND_WRITTEN, encoding="utf-8")
    site = tmp_path / "site"
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 0, result.output
    page = (site / "vaara" / "index.html").read_text(encoding="utf-8")
    parser = _Targets()
    parser.feed(page)
    # What a browser would run: control characters and spaces do not count.
    seen = ["".join(c for c in target if c > " ").lower() for target in parser.targets]
    unsafe = [t for t in seen if t.startswith(("javascript:", "vbscript:", "data:"))]
    assert unsafe == []
    assert "https://example.org/" in seen
    body = page[page.index("<h1") :]
    # The words stay on the page, as text instead of links.
    for word in ("viitelinkki", "kirjainkoko", "ohjausmerkki", "välilyönnit", "kulmasuluissa", "kuva"):
        assert f"<span>{word}</span>" in body
    assert "loppuu." in body
