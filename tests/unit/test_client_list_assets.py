"""The client list's and the eligibility check's data and scripts agree with the one scheme.

clientlist.js runs on every page, where no template hands it an address or a word:
it keeps the list page's path and its few words itself. These tests pin them to
generator/site/urls.py and labels.py, check that mkdocs.yml loads the scripts in the
order they need, and that the pages' JSON data is safe inside <script>.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from generator.render.pages import render_pages
from generator.render.professional_data import condition_key, eligibility_data
from generator.site import urls
from generator.site.labels import FINNISH
from generator.validate.catalogue import require_catalogue

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "docs" / "assets" / "javascripts"


def script(name: str) -> str:
    return (SCRIPTS / name).read_text(encoding="utf-8")


def test_clientlist_js_writes_the_list_pages_address_of_the_scheme() -> None:
    [path] = re.findall(r'var LIST_PATH = "([^"]+)";', script("clientlist.js"))
    assert path == urls.served_path(urls.CLIENT_LIST)
    # The site's root is two folders above the script, which is served from the assets.
    assert (
        "assets/javascripts/clientlist.js"
        in yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))[
            "extra_javascript"
        ]
    )
    assert 'new URL("../../", SCRIPT' in script("clientlist.js")


def test_clientlist_js_words_are_the_labels() -> None:
    block = re.search(r"var WORDS = \{(.*?)\};", script("clientlist.js"), re.S)
    assert block is not None
    words = dict(re.findall(r'(\w+): "([^"]*)"', block[1]))
    assert words == {key: getattr(FINNISH, key) for key in words}
    assert set(words) == {"list_add", "list_remove", "list_header", "list_header_count"}


def test_mkdocs_loads_the_scripts_in_order() -> None:
    config = yaml.safe_load(
        (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", "")
    )
    scripts = config["extra_javascript"]
    # tarjotin.js defines onEveryPage; eligibility.js asks clientlist.js to add its buttons.
    assert scripts.index("assets/javascripts/tarjotin.js") < scripts.index("assets/javascripts/clientlist.js")
    assert scripts.index("assets/javascripts/clientlist.js") < scripts.index(
        "assets/javascripts/eligibility.js"
    )
    assert "assets/stylesheets/professional.css" in config["extra_css"]


def test_the_data_blocks_are_escaped_for_a_script_element(mini_catalogue: Path) -> None:
    service = mini_catalogue / "services" / "eka.yml"
    text = service.read_text(encoding="utf-8")
    text = text.replace("name: Eka palvelu", 'name: "Eka </script><!-- & palvelu"')
    text += 'eligibility:\n  requirements: ["asuu <b>alueella</b>"]\n'
    service.write_text(text, encoding="utf-8")
    catalogue, _ = require_catalogue(mini_catalogue)
    pages = {page.path: page.markdown for page in render_pages(catalogue)}
    for path, block in (
        (urls.CLIENT_LIST, "tarjotin-client-list-data"),
        (urls.ELIGIBILITY_CHECK, "tarjotin-check-data"),
    ):
        [data] = re.findall(
            rf'<script type="application/json" id="{block}">(.*?)</script>', pages[path], re.S
        )
        assert "<" not in data and ">" not in data and "&" not in data
        names = [s["name"] for s in json.loads(data)["services"]]
        assert "Eka </script><!-- & palvelu" in names
    # The requirement is offered as a checkbox, escaped as the page's own HTML.
    assert "asuu &lt;b&gt;alueella&lt;/b&gt;" in pages[urls.ELIGIBILITY_CHECK]


def test_the_check_asks_only_what_the_criteria_use(default_catalogue) -> None:  # type: ignore[no-untyped-def]
    current = [s for s in default_catalogue.services if s.entry.validity is None]
    data = eligibility_data(urls.ELIGIBILITY_CHECK, current, FINNISH, "Päijät-Häme")
    assert data["asks"] == {"age": True, "unemployed": True, "benefits": True, "benefit_days": True}
    texts = [condition["text"] for condition in data["conditions"]]
    assert len(texts) == len(set(texts)) and "työtön" in texts
    # A condition's key is its text's: a shared check keeps working while the text is kept.
    assert condition_key("työtön") == condition_key("työtön") != condition_key("työtön työnhakija")
    typ = next(s for s in data["services"] if s["id"] == "typ")
    assert typ["area"] == ["lahti"] and typ["kenelle"] == "../../palvelut/typ/#kenelle"
    assert [c.get("benefit_days_min") for c in typ["criteria"]] == [300, None, None]
    ohjaamo = next(s for s in data["services"] if s["id"] == "ohjaamo-lahti")
    assert (ohjaamo["min_age"], ohjaamo["max_age"], ohjaamo["ages"]) == (15, 29, "15–29-vuotiaille")
    # Ohjaamo has no Kenelle? text nor an eligibility section (its ages are in the facts).
    assert ohjaamo["kenelle"] == "../../palvelut/ohjaamo-lahti/"
    ktt = next(s for s in data["services"] if s["id"] == "kuntouttava-tyotoiminta")
    assert ktt["kenelle"] == "../../palvelut/kuntouttava-tyotoiminta/#kenelle"
