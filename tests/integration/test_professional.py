"""The professionals' pages of the default site, checked from the built HTML."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model.catalogue import Catalogue
from generator.render.glossary import explained

PHASES = [
    "Ennen yhteydenottoa",
    "Tunnistaminen",
    "Yhteinen arviointi",
    "Yhteinen suunnitelma",
    "Vastuutyöntekijä",
    "Toteutus",
    "Seuranta ja arviointi",
]


def page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text()


def test_counts_of_the_professional_material(default_catalogue: Catalogue) -> None:
    professional = default_catalogue.professional
    assert len(professional.paths) == 4
    assert sorted(case.entry.name for case in professional.cases) == [
        "Jaakko",
        "Maija",
        "Mari",
        "Nadina",
        "Petri",
        "Saara",
        "Tiina",
    ]
    assert len(professional.checklists) == 4
    assert len(professional.glossary) >= 16
    assert professional.work_ability is not None and professional.work_ability.threshold == 7
    assert professional.participation is not None


def test_service_paths_are_numbered_steps(default_site: Path, default_catalogue: Catalogue) -> None:
    paths = {p.id: p for p in default_catalogue.professional.paths}
    html = page(default_site, "ammattilaisille", "palvelupolut", "tyokyvyn-tuki-sote-keskuksessa")
    steps = re.findall(r'<span class="tarjotin-step__number" aria-hidden="true">(\d+)</span>', html)
    assert steps == [str(n) for n in range(1, 8)]
    titles = re.findall(r'<span class="tarjotin-visually-hidden">Vaihe \d+:</span> ([^<]+)</h2>', html)
    assert titles == PHASES
    assert html.count(">Asiakkaan näkökulma</h3>") == 7
    assert html.count(">Ammattilaisen näkökulma</h3>") == 7
    for link in paths["tyokyvyn-tuki-sote-keskuksessa"].entry.links or []:
        assert link.url in html
    tym = page(default_site, "ammattilaisille", "palvelupolut", "tym")
    assert 'href="../../asiakasesimerkit/maija/"' in tym
    assert len(re.findall('class="tarjotin-step"', tym)) == len(paths["tym"].entry.phases)
    assert 'href="../../../palvelut/kela/"' in tym  # phases link to the services involved


def test_each_service_page_lists_the_cases_that_use_it(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    professional = default_catalogue.professional
    for service in default_catalogue.services:
        html = page(default_site, "palvelut", service.id)
        cases = professional.cases_using(service)
        for case in cases:
            assert f'href="../../ammattilaisille/asiakasesimerkit/{case.id}/"' in html, (service.id, case.id)
        assert ("Asiakasesimerkit, joissa palvelua käytetään" in html) == bool(cases)
    kela_cases = {c.id for c in professional.cases_using(default_catalogue.services_by_id["kela"])}
    assert "maija" in kela_cases


def test_case_page(default_site: Path) -> None:
    html = page(default_site, "ammattilaisille", "asiakasesimerkit", "maija")
    assert "<h1" in html and "Maija, 27 v" in html
    for heading in ("Tausta", "Tavoitteet", "Palvelut"):
        assert f">{heading}</h2>" in html
    assert 'href="../../../palvelut/tyottomien-terveydenhoitaja/"' in html
    assert 'href="../../palvelupolut/tym/"' in html


def test_referral_table_compares_every_current_service(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    html = page(default_site, "ammattilaisille")
    rows = re.findall(r'<tr data-service="([^"]+)" data-access="([^"]*)"', html)
    listed = {service_id for service_id, _ in rows}
    assert "typ" in listed and "kuntakokeilu" in listed
    assert dict(rows)["typ"] == "self referral"
    typ_row = html[html.index('<tr data-service="typ"') :]
    typ_row = typ_row[: typ_row.index("</tr>")]
    assert "on saanut työmarkkinatukea 300 päivää" in typ_row
    assert "TE-asiantuntija" in typ_row
    assert "Lahti" in typ_row
    assert re.search(r'<form[^>]*id="tarjotin-referral-filters"[^>]*hidden', html)  # JS shows it


def test_structured_eligibility_beside_the_source_text(default_site: Path) -> None:
    html = page(default_site, "palvelut", "typ")
    assert "Kuka voi käyttää palvelua" in html
    assert "on täyttänyt 25 vuotta ja ollut työttömänä yhtäjaksoisesti 12 kuukautta" in html
    assert "(vähintään 25 v · työttömänä yhtäjaksoisesti vähintään 12 kk)" in html
    assert "työmarkkinatuki · etuutta vähintään 300 päivää" in html
    # The source's own text stays on the page.
    assert "Palvelun asiakkaana ovat ne lahtelaiset työttömät" in html


def test_checklists_are_real_checkboxes_with_their_responders(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    for checklist in default_catalogue.professional.checklists:
        html = page(default_site, "ammattilaisille", "tunnistaminen", checklist.id)
        boxes = re.findall(r'<input type="checkbox" name="kohta"', html)
        assert len(boxes) == len(checklist.entry.items), checklist.id
        assert "<form" in html and "action=" not in html.split('id="tarjotin-checklist"')[1].split(">")[0]
    kela = page(default_site, "ammattilaisille", "tunnistaminen", "kuntoutusasiakasyhteistyo-kelan-kanssa")
    assert '<li data-service="kela">' in kela


def test_work_ability_question(default_site: Path) -> None:
    html = page(default_site, "ammattilaisille", "tunnistaminen")
    assert len(re.findall(r'<input type="radio" name="tyokyky" value="\d+">', html)) == 11
    assert 'data-threshold="7"' in html
    assert "Vastauksen ollessa 7 tai alempi" in html


def test_glossary_page_and_abbreviations_everywhere(default_site: Path, default_catalogue: Catalogue) -> None:
    # Terms the sources do not explain stay in glossary.yml but are not listed.
    terms = explained(default_catalogue.professional.glossary)
    html = page(default_site, "ammattilaisille", "sanasto")
    listed = re.findall(r"<dt><strong>(?:<abbr[^>]*>)?([^<]+)", html)
    assert sorted(listed) == sorted(term.term for term in terms)
    assert html.count("<dd>") == len(terms)
    plain = page(default_site, "palvelut", "kuntouttava-tyotoiminta")
    assert "aktivointisuunnitelma" in plain and '">aktivointisuunnitelma</abbr>' not in plain
    # Abbreviations are written out where a page first uses them, never marked up
    # (tests/integration/test_citizen_pages.py has the details).
    kela = page(default_site, "palvelut", "kela")
    assert "Kela (Kansaneläkelaitos)" in kela
    home = (default_site / "index.html").read_text()
    assert "<abbr" not in home and "<abbr" not in kela


def test_participation_page(default_site: Path, default_catalogue: Catalogue) -> None:
    participation = default_catalogue.professional.participation
    assert participation is not None and participation.table is not None
    html = page(default_site, "ammattilaisille", "osallisuus")
    for column in participation.table.columns:
        assert column in html
    for heading in ("Mitä?", "Miksi?", "Miten?", "Kenelle?"):
        assert f">{heading}</h2>" in html
