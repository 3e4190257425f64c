"""Decap CMS's interface in Finnish.

Decap ships no Finnish locale (3.x: decap-cms-locales has bg … zh_Hant, no fi),
so the form registers this one with ``CMS.registerLocale('fi', …)``. Decap
merges a locale over its English phrases, so a phrase missing here shows in
English rather than breaking; what editors see on the sign-in page, the entry
list, the editor, the workflow board and in validation messages is here.
``%{name}`` is Decap's placeholder syntax. The "required" message is the
validator's own (``tarjotin validate`` says the same of a missing field).
"""

from __future__ import annotations

from typing import Any

from generator.i18n import _


def phrases() -> dict[str, Any]:
    """The Finnish phrases, nested as Decap's locales are."""
    required = _("required field '{name}' is missing").replace("{name}", "%{fieldLabel}")
    return {
        "auth": {
            "login": "Kirjaudu",
            "loggingIn": "Kirjaudutaan…",
            "loginWithGitHub": "Kirjaudu GitHub-tunnuksella",
            "errors": {
                "email": "Kirjoita sähköpostiosoitteesi.",
                "password": "Kirjoita salasanasi.",
            },
        },
        "app": {
            "header": {
                "content": "Sisältö",
                "workflow": "Työnkulku",
                "media": "Tiedostot",
                "quickAdd": "Lisää uusi",
            },
            "app": {
                "errorHeader": "Lomakkeen asetuksia ei voitu ladata",
                "configErrors": "Virheet asetuksissa",
                "checkConfigYml": "Tarkista tiedosto config.yml.",
                "loadingConfig": "Ladataan asetuksia…",
                "waitingBackend": "Odotetaan palvelinta…",
            },
            "notFoundPage": {"header": "Sivua ei löytynyt"},
        },
        "collection": {
            "sidebar": {
                "collections": "Kokoelmat",
                "allCollections": "Kaikki kokoelmat",
                "searchAll": "Hae kaikista",
                "searchIn": "Hae kokoelmasta",
            },
            "collectionTop": {
                "sortBy": "Järjestä",
                "viewAs": "Näytä",
                "viewAsList": "Luettelona",
                "viewAsGrid": "Ruudukkona",
                "newButton": "Uusi: %{collectionLabel}",
                "newButtonAriaLabel": "Luo uusi: %{collectionLabel}",
                "ascending": "Nousevasti",
                "descending": "Laskevasti",
                "searchResults": "Hakutulokset: ”%{searchTerm}”",
                "searchResultsInCollection": "Hakutulokset: ”%{searchTerm}” kokoelmassa %{collection}",
                "filterBy": "Rajaa",
                "groupBy": "Ryhmittele",
            },
            "entries": {
                "loadingEntries": "Ladataan…",
                "cachingEntries": "Ladataan…",
                "longerLoading": "Tämä voi kestää useita minuutteja",
                "noEntries": "Ei tiedostoja",
                "unpublishedHeader": "Julkaisemattomat muutokset",
            },
            "groups": {"other": "Muut", "negateLabel": "Ei %{label}"},
            "defaultFields": {"author": {"label": "Tekijä"}, "updatedOn": {"label": "Päivitetty"}},
        },
        "editor": {
            "editorControl": {"field": {"optional": "valinnainen", "widgetLabel": "%{widgetLabel}"}},
            "editorControlPane": {
                "widget": {
                    "required": required,
                    "regexPattern": "%{fieldLabel}: arvo ei ole oikeassa muodossa.",
                    "processing": "%{fieldLabel}: käsitellään.",
                    "range": "%{fieldLabel}: arvon pitää olla välillä %{minValue}–%{maxValue}.",
                    "min": "%{fieldLabel}: arvon pitää olla vähintään %{minValue}.",
                    "max": "%{fieldLabel}: arvon pitää olla enintään %{maxValue}.",
                    "rangeCount": "%{fieldLabel}: kohtia pitää olla %{minCount}–%{maxCount}.",
                    "rangeCountExact": "%{fieldLabel}: kohtia pitää olla tasan %{count}.",
                    "rangeMin": "%{fieldLabel}: kohtia pitää olla vähintään %{minCount}.",
                    "rangeMax": "%{fieldLabel}: kohtia saa olla enintään %{maxCount}.",
                    "invalidPath": "'%{path}' ei ole kelvollinen polku",
                    "pathExists": "Tiedosto '%{path}' on jo olemassa",
                },
            },
            "editor": {
                "onLeavePage": "Haluatko varmasti poistua sivulta? Tallentamattomat muutokset katoavat.",
                "onUpdatingWithUnsavedChanges": "Tallenna muutokset ennen kuin muutat tilaa.",
                "onPublishingNotReady": "Muuta tilaksi ”Valmis” ennen julkaisemista.",
                "onPublishingWithUnsavedChanges": "Tallenna muutokset ennen julkaisemista.",
                "onPublishing": "Haluatko varmasti julkaista tämän?",
                "onUnpublishing": "Haluatko varmasti perua julkaisun?",
                "onDeleteWithUnsavedChanges": "Haluatko varmasti poistaa tämän julkaistun tiedoston ja "
                "tallentamattomat muutoksesi?",
                "onDeletePublishedEntry": "Haluatko varmasti poistaa tämän julkaistun tiedoston?",
                "onDeleteUnpublishedChangesWithUnsavedChanges": "Tämä poistaa kaikki julkaisemattomat ja "
                "tallentamattomat muutokset. Poistetaanko?",
                "onDeleteUnpublishedChanges": "Kaikki julkaisemattomat muutokset poistetaan. Poistetaanko?",
                "loadingEntry": "Ladataan…",
                "confirmLoadBackup": "Tästä tiedostosta löytyi tallentamaton luonnos. Otetaanko se käyttöön?",
            },
            "editorInterface": {
                "toggleI18n": "Kieliversiot",
                "togglePreview": "Esikatselu",
                "toggleScrollSync": "Vieritä yhdessä",
                "toggleNotes": "Muistiinpanot",
            },
            "editorToolbar": {
                "publishing": "Julkaistaan…",
                "publish": "Julkaise",
                "published": "Julkaistu",
                "unpublish": "Peru julkaisu",
                "duplicate": "Kopioi",
                "unpublishing": "Perutaan julkaisua…",
                "publishAndCreateNew": "Julkaise ja luo uusi",
                "publishAndDuplicate": "Julkaise ja kopioi",
                "deleteUnpublishedChanges": "Poista julkaisemattomat muutokset",
                "deleteUnpublishedEntry": "Poista julkaisematon tiedosto",
                "deletePublishedEntry": "Poista julkaistu tiedosto",
                "deleteEntry": "Poista",
                "saving": "Tallennetaan…",
                "save": "Tallenna",
                "statusInfoTooltipDraft": "Tila on luonnos. Kun muutos on valmis tarkistettavaksi, "
                "muuta tilaksi ”Tarkistettavana”.",
                "statusInfoTooltipInReview": "Muutos on tarkistettavana. Voit yhä muokata sitä.",
                "deleting": "Poistetaan…",
                "updating": "Päivitetään…",
                "status": "Tila: %{status}",
                "backCollection": " Muokkaat kokoelmaa %{collectionLabel}",
                "unsavedChanges": "Tallentamattomia muutoksia",
                "changesSaved": "Muutokset tallennettu",
                "draft": "Luonnos",
                "inReview": "Tarkistettavana",
                "ready": "Valmis",
                "publishNow": "Julkaise nyt",
                "deployPreviewPendingButtonLabel": "Tarkista esikatselu",
                "deployPreviewButtonLabel": "Näytä esikatselu",
                "deployButtonLabel": "Näytä sivustolla",
            },
            "editorWidgets": {
                "markdown": {
                    "bold": "Lihavointi",
                    "italic": "Kursiivi",
                    "strikethrough": "Yliviivaus",
                    "code": "Koodi",
                    "link": "Linkki",
                    "linkPrompt": "Kirjoita linkin osoite (https://…)",
                    "headings": "Otsikot",
                    "quote": "Lainaus",
                    "bulletedList": "Luettelo",
                    "numberedList": "Numeroitu luettelo",
                    "addComponent": "Lisää osa",
                    "richText": "Muotoiltu teksti",
                    "markdown": "Markdown",
                    "toggleMode": {
                        "rich": "Vaihda muotoiltuun tekstiin",
                        "markdown": "Vaihda Markdown-tekstiin",
                    },
                },
                "unknownControl": {"noControl": "Kentälle '%{widget}' ei ole lomakekenttää."},
                "unknownPreview": {"noPreview": "Kentälle '%{widget}' ei ole esikatselua."},
                "datetime": {"now": "Tänään", "clear": "Tyhjennä", "setToNow": "%{fieldLabel}: tämä päivä"},
                "list": {"add": "Lisää: %{item}", "addType": "Lisää: %{item}"},
                "object": {"expand": "Avaa", "collapse": "Sulje"},
            },
        },
        "ui": {
            "default": {"goBackToSite": "Takaisin sivustolle"},
            "errorBoundary": {
                "title": "Virhe",
                "details": "Tapahtui virhe – ",
                "reportIt": "ilmoita siitä GitHubissa.",
                "detailsHeading": "Tiedot",
                "recoveredEntry": {
                    "heading": "Palautettu teksti",
                    "warning": "Kopioi tämä talteen ennen kuin poistut sivulta!",
                    "copyButtonLabel": "Kopioi leikepöydälle",
                },
            },
            "settingsDropdown": {"logOut": "Kirjaudu ulos", "account": "Tilin valinnat"},
            "toast": {
                "onFailToLoadEntries": "Tiedoston lataus epäonnistui: %{details}",
                "onFailToLoadDeployPreview": "Esikatselun lataus epäonnistui: %{details}",
                "onFailToPersist": "Tallennus epäonnistui: %{details}",
                "onFailToDelete": "Poisto epäonnistui: %{details}",
                "onFailToUpdateStatus": "Tilan muutos epäonnistui: %{details}",
                "missingRequiredField": "Pakollinen kenttä puuttuu. Täytä se ennen tallentamista.",
                "entrySaved": "Tallennettu",
                "entryPublished": "Julkaistu",
                "entryUnpublished": "Julkaisu peruttu",
                "onFailToPublishEntry": "Julkaisu epäonnistui: %{details}",
                "onFailToUnpublishEntry": "Julkaisun peruminen epäonnistui: %{details}",
                "entryUpdated": "Tila päivitetty",
                "onDeleteUnpublishedChanges": "Julkaisemattomat muutokset poistettu",
                "onFailToAuth": "%{details}",
                "onLoggedOut": "Sinut on kirjattu ulos. Ota muutoksesi talteen ja kirjaudu uudelleen.",
                "onBackendDown": "Palvelussa on häiriö. Lisätietoja: %{details}",
            },
        },
        "workflow": {
            "workflow": {
                "loading": "Ladataan työnkulkua",
                "workflowHeading": "Työnkulku",
                "newPost": "Uusi",
                "description": "%{smart_count} muutos odottaa tarkistusta, %{readyCount} valmiina "
                "julkaistavaksi. |||| %{smart_count} muutosta odottaa tarkistusta, %{readyCount} valmiina "
                "julkaistavaksi.",
                "dateFormat": "D.M.",
            },
            "workflowCard": {
                "lastChange": "%{date}, %{author}",
                "lastChangeNoAuthor": "%{date}",
                "lastChangeNoDate": "%{author}",
                "deleteChanges": "Poista muutokset",
                "deleteNewEntry": "Poista uusi tiedosto",
                "publishChanges": "Julkaise muutokset",
                "publishNewEntry": "Julkaise uusi tiedosto",
            },
            "workflowList": {
                "onDeleteEntry": "Haluatko varmasti poistaa tämän?",
                "onPublishingNotReadyEntry": "Vain tilassa ”Valmis” olevat voi julkaista. Vedä kortti "
                "Valmis-sarakkeeseen.",
                "onPublishEntry": "Haluatko varmasti julkaista tämän?",
                "draftHeader": "Luonnokset",
                "inReviewHeader": "Tarkistettavana",
                "readyHeader": "Valmiit",
                "currentEntries": "%{smart_count} tiedosto |||| %{smart_count} tiedostoa",
            },
        },
    }
