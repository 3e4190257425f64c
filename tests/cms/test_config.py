"""The form editor's configuration covers every field of every model, with the model's rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from generator.cms.config import FILES, FOLDERS, REFERENCES, Backend, cms_config, field_label
from generator.cms.site import backend_for, config_text, read_site_settings
from generator.edit.kinds import child_model
from generator.model.entries import ServiceEntry
from generator.model.schemas import SCHEMAS

CATALOGUE = Path("catalogue")


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    # Through the YAML text, as the CMS reads it.
    text = config_text(cms_config(CATALOGUE, backend=Backend("alue/palvelutarjotin")))
    assert "&id" not in text, "no YAML aliases in the configuration"
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def _collections(config: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Top-level form fields of each file kind, by its model's name."""
    found = {}
    for collection in config["collections"]:
        if "folder" in collection:
            kind = next(k for k in FOLDERS if collection["folder"] == f"catalogue/{k.folder}")
            found[kind.model.__name__] = collection["fields"]
        for file in collection.get("files", []):
            file_kind = next(k for k in FILES if file["file"] == f"catalogue/{k.file}")
            found[file_kind.model.__name__] = file["fields"]
    return found


def _missing(
    model: type[BaseModel], fields: list[dict[str, Any]], path: str = "", *, in_optional: bool = False
) -> list[str]:
    """Every model field (nested models too) without a form field of the same name.

    A field the model requires is required in the form too, except inside an
    optional object (Decap would refuse the object left empty; the hint says it).
    """
    by_name = {f["name"]: f for f in fields}
    missing = []
    for name, info in model.model_fields.items():
        where = f"{model.__name__}.{path}{name}"
        if name not in by_name:
            missing.append(where)
            continue
        form = by_name[name]
        expected = info.is_required() and not in_optional
        assert form["required"] is expected, f"{where}: required should be {expected}"
        assert form["label"], where
        if info.is_required() and in_optional:
            assert "Pakollinen, jos" in form["hint"], where
        child = child_model(model, name)
        if child is not None:
            nested = form.get("fields")
            assert nested is not None, f"{where} is a {child.__name__} but its form field has no fields"
            is_list = form["widget"] == "list"
            optional = False if is_list else in_optional or not info.is_required()
            missing += _missing(child, nested, f"{path}{name}.", in_optional=optional)
    return missing


def test_every_file_kind_with_a_schema_is_a_collection(config: dict[str, Any]) -> None:
    editable = {kind.model for kind in FOLDERS} | {kind.model for kind in FILES}
    assert set(SCHEMAS.values()) == editable
    assert set(_collections(config)) == {model.__name__ for model in editable}


def test_every_model_field_has_a_form_field(config: dict[str, Any]) -> None:
    collections = _collections(config)
    models = {kind.model for kind in FOLDERS} | {kind.model for kind in FILES}
    missing = [where for model in models for where in _missing(model, collections[model.__name__])]
    assert missing == []


def test_a_model_field_without_a_form_field_is_caught() -> None:
    """The coverage check itself fails on a field the form lacks."""
    fields = [
        f for f in cms_config(CATALOGUE, backend=Backend())["collections"][0]["fields"] if f["name"] != "why"
    ]
    assert _missing(ServiceEntry, fields) == ["ServiceEntry.why"]


def _service_fields(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in _collections(config)["ServiceEntry"]}


def test_service_collection_is_one_yaml_file_per_service(config: dict[str, Any]) -> None:
    services = next(c for c in config["collections"] if c["name"] == "services")
    assert services["folder"] == "catalogue/services"
    assert (services["extension"], services["format"]) == ("yml", "yaml")
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {**config["backend"], "name": "github", "open_authoring": True}
    assert config["locale"] == "fi"


def test_fields_carry_the_models_finnish_rules(config: dict[str, Any]) -> None:
    fields = _service_fields(config)
    assert [f["name"] for f in _collections(config)["ServiceEntry"]] == list(ServiceEntry.model_fields)
    assert fields["what"]["label"] == "Mitä?" and fields["what"]["widget"] == "markdown"
    assert fields["for_whom"]["label"] == "Kenelle?"
    assert fields["what"]["hint"] == ServiceEntry.model_fields["what"].description
    assert fields["name"]["required"] is True and fields["why"]["required"] is False
    assert fields["last_reviewed"]["widget"] == "datetime"
    assert (
        fields["last_reviewed"]["format"] == "YYYY-MM-DD" and fields["last_reviewed"]["time_format"] is False
    )
    routes = {f["name"]: f for f in fields["access"]["fields"]}["routes"]
    assert routes["widget"] == "select" and routes["multiple"] is True and routes["min"] == 1
    assert [o["value"] for o in routes["options"]] == ["self", "referral", "decision"]
    assert routes["options"][0]["label"] == "Voit ottaa itse yhteyttä"
    contact = {f["name"]: f for f in fields["contacts"]["fields"]}
    assert contact["url"]["widget"] == "string"
    assert fields["area"]["widget"] == "tarjotin-area"


def test_references_are_relations_to_the_catalogue(config: dict[str, Any]) -> None:
    fields = _service_fields(config)
    assert fields["themes"]["widget"] == "relation" and fields["themes"]["multiple"] is True
    assert fields["themes"]["value_field"] == "themes.*.id"
    assert fields["provider"]["file"] == "providers" and fields["provider"]["multiple"] is False
    assert fields["related"]["collection"] == "services"
    collections = {c["name"]: c for c in config["collections"]}
    settings_files = {f["name"] for f in collections["asetukset"]["files"]}
    for field in REFERENCES.values():
        target = collections[field["collection"]]
        assert "file" not in field or field["file"] in settings_files
        assert target


def test_patterns_and_numbers_follow_the_schema(config: dict[str, Any]) -> None:
    themes = _collections(config)["ThemesFile"][0]
    theme_id = {f["name"]: f for f in themes["fields"]}["id"]
    assert theme_id["pattern"][0] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert "pienet kirjaimet" in theme_id["pattern"][1]
    region = {f["name"]: f for f in _collections(config)["RegionFile"]}
    interval = region["review_interval_months"]
    assert (interval["widget"], interval["value_type"], interval["min"], interval["max"]) == (
        "number",
        "int",
        1,
        60,
    )


@pytest.mark.parametrize(
    ("name", "description", "label"),
    [
        ("what", "Mitä? Mikä palvelu on.", "Mitä?"),
        ("title", "Linkin teksti, esim. sivun otsikko.", "Linkin teksti"),
        ("routes", "Miten palveluun pääsee: self = …", "Miten palveluun pääsee"),
        (
            "until",
            "Viimeinen päivä, jona palvelu on saatavilla (VVVV-KK-PP).",
            "Viimeinen päivä, jona palvelu on saatavilla (VVVV-KK-PP)",
        ),
    ],
)
def test_labels(name: str, description: str, label: str) -> None:
    assert field_label(name, description) == label


def test_repository_and_sign_in_come_from_mkdocs_yml(tmp_path: Path) -> None:
    mkdocs = tmp_path / "mkdocs.yml"
    mkdocs.write_text(
        "site_name: Testi\nrepo_url: https://github.com/alue/palvelutarjotin\n"
        "extra:\n  cms_base_url: https://kirjautuminen.example.fi\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    backend = backend_for(read_site_settings(mkdocs))
    assert backend == Backend(repo="alue/palvelutarjotin", base_url="https://kirjautuminen.example.fi")
    github = cms_config(CATALOGUE, backend=backend)["backend"]
    assert (github["repo"], github["base_url"]) == (
        "alue/palvelutarjotin",
        "https://kirjautuminen.example.fi",
    )
    assert backend_for(read_site_settings(tmp_path / "missing.yml")) == Backend()
