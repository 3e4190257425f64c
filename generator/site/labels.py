"""The words the site and its open data use, in one place.

Every short Finnish text that the page templates and the exports share, or that
a region may want to word differently, is a field of :class:`Labels`, named by
a stable English key. The templates read them through the ``labels`` global
(``{{ labels.what }}``), the exports from :func:`labels_for`, so an access
route's label (``access_self`` …) is the same in its card, in the tables and in
the HSDS file; a service page reads its routes as one sentence of alternatives
(``access_way_self`` …, :meth:`Labels.access_sentence`).
A region changes any of them with ``labels:`` in region.yml
(``labels: {access_self: Ota itse yhteyttä}``); another language would be
another set of defaults. The templates keep only their longer prose (paragraphs
and sentences with links in them), which a region changes by overriding the template.

A label may hold placeholders such as ``{date}``, filled by :func:`fill`; a
region's wording must keep the same placeholders.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

#: ``{name}`` in a label: where :func:`fill` puts a value.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Labels:
    """The site's labels; the defaults are the Finnish ones."""

    # --- page titles (also the navigation's) -----------------------------------------
    page_home: str = "Etusivu"
    page_services: str = "Kaikki palvelut"
    page_themes: str = "Teemat"
    page_municipalities: str = "Kunnat"
    page_further_reading: str = "Lisätietoa"
    page_professional: str = "Ammattilaiselle"
    page_paths: str = "Palvelupolut"
    page_cases: str = "Asiakasesimerkit"
    page_checklists: str = "Tuen tarpeen tunnistaminen"
    page_glossary: str = "Sanasto"
    page_open_data: str = "Avoin data"
    page_search: str = "Haku"
    page_tray: str = "Koko palvelutarjotin"
    page_field_reference: str = "Kenttäopas"

    # --- a service's sections ----------------------------------------------------------
    what: str = "Mitä?"
    why: str = "Miksi?"
    how: str = "Miten?"
    for_whom: str = "Kenelle?"

    # --- how to get in -----------------------------------------------------------------
    access_self: str = "Voit ottaa itse yhteyttä"
    access_referral: str = "Tarvitset ohjauksen tai lähetteen"
    access_decision: str = "Tarvitset palvelupäätöksen"
    #: Short forms for filters, cards and the professionals' table.
    access_short_self: str = "Ei lähetettä"
    access_short_referral: str = "Ohjaus tai lähete"
    access_short_decision: str = "Palvelupäätös"
    #: What each route means, for the HSDS taxonomy terms.
    access_term_self: str = "Asiakas voi ottaa itse yhteyttä palveluun; lähetettä ei tarvita."
    access_term_referral: str = "Palveluun tarvitaan ammattilaisen ohjaus tai lähete."
    access_term_decision: str = "Palveluun tarvitaan palvelupäätös."
    access_heading: str = "Näin pääset palveluun"
    access_fact: str = "Miten pääset palveluun"
    access_card: str = "Pääsy"
    access_filter: str = "Miten palveluun pääsee"
    referral_from: str = "Ohjaus tai lähete"
    decision_by: str = "Päätöksen tekee"
    #: Where the source does not say how to get in (the professionals' table, the list).
    access_unknown: str = "Lähde ei kerro"
    access_unknown_long: str = "Lähde ei kerro, miten palveluun pääsee."

    # --- facts of a service --------------------------------------------------------------
    area: str = "Alue"
    whole_region: str = "Koko {region}"
    #: The same in the professionals' table, where the column says it is an area.
    whole_region_short: str = "Koko alue"
    provider: str = "Järjestäjä"
    themes: str = "Teemat"
    age: str = "Ikä"
    ages_for_range: str = "{min}–{max}-vuotiaille"
    min_age_for: str = "vähintään {min}-vuotiaille"
    max_age_for: str = "enintään {max}-vuotiaille"
    ages: str = "{min}–{max} v"
    min_age: str = "vähintään {min} v"
    max_age: str = "enintään {max} v"
    available: str = "Saatavilla"
    until: str = "{date} asti"
    available_until: str = "Palvelu on saatavilla {date} asti"
    ended: str = "Palvelu on päättynyt"
    ended_until: str = "Palvelu on päättynyt: se oli saatavilla {date} asti"
    ended_page: str = "Tätä palvelua ei enää ole tarjolla: se oli saatavilla {date} asti."
    ended_see_related: str = "Katso myös liittyvät palvelut sivun lopussa."
    ended_note: str = "palvelu on päättynyt"
    reviewed: str = "Tiedot tarkistettu {date}"

    # --- who may use a service -----------------------------------------------------------
    eligibility: str = "Kuka voi käyttää palvelua"
    eligibility_all: str = "Kaikkien näiden pitää täyttyä"
    eligibility_any: str = "Riittää, että yksi näistä täyttyy"
    eligibility_also_any: str = "Lisäksi riittää, että yksi näistä täyttyy"
    eligibility_conditions: str = "Ehdot"
    eligibility_alternatives: str = "Vaihtoehtoiset ehdot"
    unemployed_months: str = "työttömänä yhtäjaksoisesti vähintään {months} kk"
    benefit_days: str = "etuutta vähintään {days} päivää"
    benefit_tyomarkkinatuki: str = "työmarkkinatuki"
    benefit_peruspaivaraha: str = "peruspäiväraha"
    benefit_ansiopaivaraha: str = "ansiopäiväraha"
    benefit_toimeentulotuki: str = "toimeentulotuki"

    # --- contacts and links --------------------------------------------------------------
    contacts: str = "Yhteystiedot"
    address: str = "Osoite"
    phone: str = "Puhelin"
    phone_short: str = "puh."
    email: str = "Sähköposti"
    website: str = "Verkkosivu"
    opening_hours: str = "Aukioloajat"
    links: str = "Linkit"
    related: str = "Liittyvät palvelut"

    # --- the citizens' pages: ways in, next steps, freshness -----------------------------
    #: The routes as alternatives in one sentence: "Palveluun pääsee ottamalla itse
    #: yhteyttä tai ammattilaisen ohjaamana." (``Labels.access_sentence``).
    access_ways: str = "Palveluun pääsee {ways}."
    access_way_self: str = "ottamalla itse yhteyttä"
    access_way_referral: str = "ammattilaisen ohjaamana"
    access_way_decision: str = "palvelupäätöksellä"
    or_word: str = "tai"
    next_step: str = "Seuraava askel"
    next_provider: str = "Järjestäjän verkkosivut"
    next_links: str = "Lisätietoa palvelusta"
    next_referral: str = "Palveluun voi ohjata"
    next_guidance: str = "Etkö tiedä, mikä palvelu sopii sinulle?"
    next_section: str = "Muut saman osion palvelut"
    #: A service without ``last_reviewed``, with and without the region's ``site.source``.
    unreviewed_source: str = (
        "Tiedot ovat aineistosta {source} ({year}), eikä niitä ole tarkistettu sen jälkeen."
    )
    unreviewed: str = "Tietoja ei ole tarkistettu."
    #: The home page's line on the whole catalogue.
    catalogue_unreviewed_source: str = (
        "Palvelujen tiedot ovat aineistosta {source} ({year}), eikä niitä ole tarkistettu sen jälkeen."
    )
    catalogue_unreviewed: str = "Palvelujen tietoja ei ole tarkistettu."
    catalogue_reviewed: str = "Palveluista {reviewed}/{total} on tarkistettu, viimeksi {date}."
    catalogue_others_source: str = "Muiden tiedot ovat aineistosta {source} ({year})."
    page_sections: str = "Palvelutarjottimen osiot"
    sections_intro: str = "Palvelut samoissa osioissa kuin alkuperäisessä palvelutarjottimessa."
    section_links: str = "Osion linkit"
    section_parent: str = "Osa osiota"
    section_empty: str = "Osiossa ei tällä hetkellä ole palveluita."
    no_services: str = "Tällä hetkellä ei ole palveluita."
    other_services: str = "Muut palvelut"
    in_sections: str = "Palvelut osioittain"
    themes_intro: str = "Palvelut on ryhmitelty teemoihin. Sama palvelu voi kuulua useaan teemaan."
    #: A theme's services on the home page's tile, and a theme without any.
    theme_count: str = "Palveluita: {count}"
    theme_empty: str = "Teemaan ei vielä ole palveluita."
    theme_empty_links: str = "Teeman sivulla on lisätietoa-linkkejä."
    theme_empty_page: str = (
        "Tähän teemaan ei tällä hetkellä ole palveluita. Alla on lisätietoa-linkkejä, ja "
        "kaikki palvelut löydät palvelutarjottimen osioista:"
    )
    #: What the filters' page says when JavaScript is off: a shared filtered link
    #: (?teema=…&kunta=…) shows every service.
    filters_noscript: str = (
        "Palvelujen rajaus toimii vain, kun JavaScript on käytössä. Nyt sivulla näkyvät kaikki "
        "palvelut, vaikka linkissä olisi valintoja. Teemojen ja kuntien omat sivut toimivat ilman "
        "JavaScriptiä:"
    )
    municipality_intro: str = (
        "Palveluita: {count}. Ne on ryhmitelty palvelutarjottimen osioihin. Palvelut, jotka ovat "
        "saatavilla vain osassa aluetta, on merkitty."
    )
    only_in: str = "Vain {area}"
    glossary_intro: str = (
        "Lyhenteet ja käsitteet, joita palvelujen kuvauksissa käytetään. Sivujen teksteissä lyhenne "
        "kirjoitetaan auki, kun se esiintyy sivulla ensimmäisen kerran."
    )
    print_button: str = "Tulosta"
    tray_intro: str = (
        "Tällä sivulla ovat kaikki palvelut palvelutarjottimen osioittain, jotta voit tulostaa ne "
        "paperille. Jokainen palvelu on mukana kerran. Tiedot ovat samat kuin palvelujen omilla "
        "sivuilla {date}."
    )

    # --- the professionals' material -----------------------------------------------------
    case_title: str = "{name}, {age} v"
    service_in_paths: str = "Palvelupolut, joissa palvelu on mukana:"
    service_in_cases: str = "Asiakasesimerkit, joissa palvelua käytetään:"
    path_link: str = "Palvelupolku"
    path_client_view: str = "Asiakkaan näkökulma"
    path_professional_view: str = "Ammattilaisen näkökulma"
    path_phase_services: str = "Palvelut tässä vaiheessa"
    case_coordinator_tasks: str = "Koordinoivan työntekijän tehtävät:"
    case_notes: str = "Lisätiedot"
    more_info: str = "Lisätietoa"
    #: Which of the region's source documents a page of the professionals' material is from.
    source_note: str = "Lähde: aineisto {source}."
    professional_more: str = "Muuta ammattilaisille:"
    #: The professionals' table of every service: its caption, columns and filters.
    table_caption: str = "Palvelut ja niihin pääsy"
    table_service: str = "Palvelu"
    table_access: str = "Miten pääsee"
    table_for_whom: str = "Kenelle"
    table_filters: str = "Rajaa taulukkoa"
    table_search: str = "Hae taulukosta"
    one_of: str = "Yksi näistä:"

    # --- the client's service list (asiakkaan palvelulista) -------------------------------
    #: The words clientlist.js writes on every page are mirrored there and pinned by
    #: tests/unit/test_client_list_assets.py; the list page hands the region's own to it.
    page_client_list: str = "Asiakkaan palvelulista"
    list_add: str = "Lisää palvelulistalle"
    list_remove: str = "Poista palvelulistalta"
    list_header: str = "Palvelulista"
    list_header_count: str = "{count} palvelua"
    list_count: str = "Listalla on {count} palvelua."
    list_empty: str = "Listalla ei ole vielä palveluita."
    list_note: str = "Muistiinpano asiakkaalle"
    list_note_all: str = "Muistiinpano koko listalle (esim. seuraava tapaaminen)"
    list_print: str = "Tulosta asiakkaalle"
    list_copy: str = "Kopioi linkki"
    list_copied: str = "Linkki on kopioitu. Se sisältää vain palvelut, ei muistiinpanoja."
    list_copy_failed: str = "Kopioi linkki tästä kentästä:"
    list_link_label: str = "Linkki tähän listaan"
    list_share: str = "Jaa"
    list_share_title: str = "Palvelulista"
    list_clear: str = "Tyhjennä lista"
    list_cleared: str = "Lista ja muistiinpanot on poistettu tästä selaimesta."
    list_removed: str = "{name} poistettiin listalta."
    list_opened_shared: str = "Avasit jaetun listan: {count} palvelua."
    list_restore: str = "Palauta tällä laitteella ollut lista"
    list_restored: str = "Aiempi lista on palautettu."
    list_not_offered: str = "Jaetussa linkissä oli palveluita, joita ei enää ole tarjolla: {count}."
    list_next_step: str = "Seuraava askel"
    list_service_page: str = "Palvelun tiedot"
    list_printed: str = "Tulostettu {date}"
    list_qr: str = "QR-koodi: {url}"
    list_get_in: str = "Näin pääsee palveluun"

    # --- "Sopiiko asiakkaalle?" ---------------------------------------------------------
    page_eligibility_check: str = "Sopiiko asiakkaalle?"
    check_meets: str = "Täyttää ehdot"
    check_maybe: str = "Saattaa sopia – tarkista"
    check_fails: str = "Ei täytä"
    check_no_criteria: str = "Lähde ei kerro ehtoja"
    check_met: str = "Täyttyy"
    check_failed: str = "Ei täyty"
    check_to_check: str = "Tarkista"
    check_no_criteria_reason: str = (
        "Palvelun tiedoissa ei ole ehtoja, joihin asiakkaan tietoja voisi verrata."
    )
    check_none_of: str = "Mikään vaihtoehtoisista ehdoista ei täyty"
    check_one_of: str = "yksi vaihtoehtoisista ehdoista"
    check_read: str = "Lue palvelun oma Kenelle?-teksti"
    check_summary: str = (
        "{meets} täyttää ehdot, {maybe} saattaa sopia, {fails} ei täytä, {unknown} ei kerro ehtoja."
    )
    check_age: str = "Ikä (vuotta)"
    check_home: str = "Kotikunta"
    check_unknown: str = "Ei tiedossa"
    check_unemployed: str = "Työttömänä yhtäjaksoisesti (kuukautta)"
    check_benefits: str = "Etuus, jota asiakas saa"
    check_no_benefit: str = "ei mitään näistä"
    check_benefit_days: str = "Etuutta saatu (päivää)"
    check_other: str = "Muut ehdot, jotka täyttyvät"
    check_fact_age: str = "ikä {age} v"
    check_fact_home: str = "kotikunta {name}"
    check_fact_unemployed: str = "työttömänä {months} kk"
    check_fact_benefits: str = "etuus: {benefits}"
    check_fact_benefit_days: str = "etuutta {days} päivää"
    check_need_age: str = "ikä"
    check_need_home: str = "kotikunta"
    check_need_unemployed: str = "työttömyyden kesto"
    check_need_benefits: str = "etuus"
    check_need_benefit_days: str = "etuuspäivien määrä"
    check_area: str = "saatavilla: {area}"

    # --- search and filters --------------------------------------------------------------
    search_label: str = "Hae palvelua"
    search_button: str = "Hae"
    search_placeholder: str = "Esim. kuntoutus, nuoret, mielenterveys"
    search_form: str = "Palveluhaku"
    search_filter_theme: str = "Rajaa teeman mukaan"
    search_more: str = "Näytä lisää tuloksia"
    #: Shown when a search finds nothing: the words nearest to those typed, other ways in.
    search_closest: str = "Lähimmät hakusanat"
    search_browse: str = "Selaa teemoittain"
    search_all: str = "Kaikki palvelut A–Ö"
    filters_label: str = "Rajaa palveluita"
    filter_theme: str = "Teema"
    filters_none: str = "Valinnoilla ei löytynyt palveluita. Kokeile poistaa jokin valinta."
    municipality: str = "Kunta"
    all_municipalities: str = "Kaikki kunnat"
    clear_choices: str = "Tyhjennä valinnat"
    service_count: str = "Palveluita: {count}"

    # --- the changes feed and issue reports ----------------------------------------------
    feed_title: str = "{site} – uudet ja päivitetyt palvelut"
    feed_description: str = (
        "Palvelut, jotka on lisätty tai joiden tiedot on tarkistettu, uusin tarkistus ensin. "
        "Palvelut, joille ei ole kirjattu tarkistuspäivää, ovat lopussa aakkosjärjestyksessä."
    )
    municipality_term: str = "{name}, kuntanumero {code}"
    issue_title: str = "Virhe tai muutosehdotus: {name}"
    issue_service: str = "Palvelu: {name}"
    issue_file: str = "Tiedosto: {file}"
    issue_prompt: str = "Kerro, mikä tiedoissa on väärin tai mitä pitäisi muuttaa:"

    def access(self, route: str) -> str:
        """How to get in by ``route`` (``self``, ``referral``, ``decision``)."""
        return str(getattr(self, f"access_{route}"))

    def access_sentence(self, routes: list[str]) -> str:
        """The routes as alternatives in one sentence; empty without routes.

        "Palveluun pääsee ottamalla itse yhteyttä, ammattilaisen ohjaamana tai
        palvelupäätöksellä." Routes are alternatives (any one gets a client in), so they
        read as such, in the order :data:`ACCESS_ROUTES` lists them.
        """
        ways = [str(getattr(self, f"access_way_{route}")) for route in ACCESS_ROUTES if route in routes]
        if not ways:
            return ""
        joined = ways[0] if len(ways) == 1 else f"{', '.join(ways[:-1])} {self.or_word} {ways[-1]}"
        return fill(self.access_ways, ways=joined)

    def access_short(self, route: str) -> str:
        return str(getattr(self, f"access_short_{route}"))

    def access_term(self, route: str) -> str:
        return str(getattr(self, f"access_term_{route}"))

    def benefit(self, benefit: str) -> str:
        """A benefit named in eligibility criteria (``tyomarkkinatuki`` …)."""
        return str(getattr(self, f"benefit_{benefit}"))

    @property
    def access_routes(self) -> dict[str, str]:
        """Every route with its short label, in the order filters list them."""
        return {route: self.access_short(route) for route in ACCESS_ROUTES}

    def date(self, value: date) -> str:
        return finnish_date(value)

    def age_limits(self, min_age: int | None, max_age: int | None) -> str:
        """``25–29 v``, ``vähintään 25 v`` or ``enintään 29 v``; empty without limits."""
        return self._ages(min_age, max_age, self.ages, self.min_age, self.max_age)

    def ages_for(self, min_age: int | None, max_age: int | None) -> str:
        """``25–29-vuotiaille`` and so on: whom a service is for by age."""
        return self._ages(min_age, max_age, self.ages_for_range, self.min_age_for, self.max_age_for)

    @staticmethod
    def _ages(min_age: int | None, max_age: int | None, both: str, lower: str, upper: str) -> str:
        if min_age is not None and max_age is not None:
            return fill(both, min=min_age, max=max_age)
        if min_age is not None:
            return fill(lower, min=min_age)
        return fill(upper, max=max_age) if max_age is not None else ""


#: The access routes in the order the site lists them.
ACCESS_ROUTES = ("self", "referral", "decision")

#: The Finnish labels, as the generator ships them.
FINNISH = Labels()

#: Every label's key, in the order above.
KEYS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Labels))


def default(key: str) -> str:
    """The shipped wording of the label ``key``."""
    return str(getattr(FINNISH, key))


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders in a label."""
    return set(PLACEHOLDER.findall(text))


def fill(label: str, **values: object) -> str:
    """``label`` with each ``{name}`` replaced by its value, in one pass.

    One pass, so a value that itself contains ``{…}`` (a name from YAML) is left as
    written; a placeholder without a value stays too.
    """
    return PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], label)


def labels_for(overrides: Mapping[str, str] | None = None) -> Labels:
    """The Finnish labels with a region's own wording (region.yml ``labels:``) put in."""
    return dataclasses.replace(FINNISH, **overrides) if overrides else FINNISH


def finnish_date(value: date) -> str:
    """``2024-05-03`` → ``3.5.2024``, as Finnish public-sector sites write dates."""
    return f"{value.day}.{value.month}.{value.year}"
