"""Load and check ``catalogue/professional/``: paths, cases, checklists and the rest.

Each file is checked against its model (``generator.model.professional``); then
every service, path and case id it names must exist. The folder is optional: a
region may publish services only.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.i18n import _
from generator.load.layout import CatalogueLayout, entry_files
from generator.load.yaml_source import YamlDocument
from generator.model.catalogue import (
    Case,
    Checklist,
    Professional,
    Service,
    ServicePath,
)
from generator.model.entries import SLUG_PATTERN
from generator.model.professional import (
    CaseFile,
    ChecklistFile,
    GlossaryFile,
    ParticipationFile,
    PathFile,
    WorkAbilityScoreFile,
)
from generator.problems import Problems
from generator.validate.fields import Checked, read_checked, read_entry
from generator.validate.references import CASE, SERVICE, SERVICE_PATH, References, check_written
from generator.validate.reserved import CASE_KIND, CHECKLIST_KIND, PATH_KIND, ReservedKind, check_not_reserved

M = TypeVar("M", bound=BaseModel)

PATHS_DIR = "paths"
CASES_DIR = "cases"
CHECKLISTS_DIR = "checklists"
GLOSSARY_FILE = "glossary.yml"
PARTICIPATION_FILE = "participation.yml"
WORK_ABILITY_FILE = "work-ability-score.yml"


@dataclass
class ProfessionalFiles:
    """The checked files, before references are resolved.

    ``documents`` holds every file that is YAML, with or without field errors, by
    folder, and ``ids`` every properly named entry file's id: both are what the
    references are checked with, so that a file with errors still counts.
    """

    documents: dict[str, list[YamlDocument]] = field(default_factory=dict)
    ids: dict[str, list[str]] = field(default_factory=dict)
    paths: list[Checked[PathFile]] = field(default_factory=list)
    cases: list[Checked[CaseFile]] = field(default_factory=list)
    checklists: list[Checked[ChecklistFile]] = field(default_factory=list)
    glossary: Checked[GlossaryFile] | None = None
    participation: Checked[ParticipationFile] | None = None
    work_ability: Checked[WorkAbilityScoreFile] | None = None


def _read_folder(
    files: ProfessionalFiles,
    folder: Path,
    model: type[M],
    kind: ReservedKind,
    problems: Problems,
    root: Path,
) -> list[Checked[M]]:
    entries = []
    documents = files.documents.setdefault(folder.name, [])
    ids = files.ids.setdefault(folder.name, [])
    for path in entry_files(folder, root, problems):
        if path.suffix != ".yml" or not re.match(SLUG_PATTERN, path.stem):
            problems.add(
                path,
                _("'{name}' is not a valid entry file name").format(name=path.name),
                suggestion=_("use lowercase letters a–z, digits and hyphens, ending in .yml"),
            )
            continue
        ids.append(path.stem)
        check_not_reserved(path, path.stem, kind, problems)
        document, entry = read_entry(path, model, problems, root)
        if document is not None:
            documents.append(document)
        if document is not None and entry is not None:
            entries.append(Checked(document, entry))
    return entries


def read_professional(layout: CatalogueLayout, problems: Problems) -> ProfessionalFiles:
    """Read and check every file under ``professional/`` against its model."""
    root = layout.professional_dir
    files = ProfessionalFiles()
    if not root.is_dir():
        return files
    catalogue = layout.root
    files.paths = _read_folder(files, root / PATHS_DIR, PathFile, PATH_KIND, problems, catalogue)
    files.cases = _read_folder(files, root / CASES_DIR, CaseFile, CASE_KIND, problems, catalogue)
    files.checklists = _read_folder(
        files, root / CHECKLISTS_DIR, ChecklistFile, CHECKLIST_KIND, problems, catalogue
    )
    for name, model, attribute in (
        (GLOSSARY_FILE, GlossaryFile, "glossary"),
        (PARTICIPATION_FILE, ParticipationFile, "participation"),
        (WORK_ABILITY_FILE, WorkAbilityScoreFile, "work_ability"),
    ):
        if (root / name).is_file():
            setattr(files, attribute, read_checked(root / name, model, problems, catalogue))
    return files


def check_references(
    files: ProfessionalFiles, service_ids: Collection[str], references: References, problems: Problems
) -> None:
    """Every service, path and case named must exist; glossary terms are unique.

    Checked on every file's data as written, so a file with a field error has its
    references checked too, against the ids of every properly named file.
    """
    path_ids = files.ids.get(PATHS_DIR, [])
    case_ids = files.ids.get(CASES_DIR, [])
    for document in files.documents.get(PATHS_DIR, []):
        check_written(
            references,
            document,
            [(("phases", "*", "services", "*"), service_ids, SERVICE), (("case",), case_ids, CASE)],
        )
    for document in files.documents.get(CASES_DIR, []):
        check_written(references, document, [(("services", "*"), service_ids, SERVICE)])
    for document in files.documents.get(CHECKLISTS_DIR, []):
        check_written(
            references,
            document,
            [
                (("items", "*", "services", "*"), service_ids, SERVICE),
                (("services", "*"), service_ids, SERVICE),
                (("paths", "*"), path_ids, SERVICE_PATH),
            ],
        )
    if files.glossary:
        seen: dict[str, int] = {}
        for i, term in enumerate(files.glossary.model.terms):
            if term.term in seen:
                position = files.glossary.document.locate(("terms", i, "term"))
                first = files.glossary.document.locate(("terms", seen[term.term], "term"))
                message = _("the term '{term}' is defined twice").format(term=term.term)
                if first:
                    message += " " + _("(first on line {line})").format(line=first[0])
                problems.add(
                    files.glossary.document.path,
                    message,
                    line=position[0] if position else None,
                    field=f"terms.{i}.term",
                )
            else:
                seen[term.term] = i


def assemble(files: ProfessionalFiles, services: dict[str, Service]) -> Professional:
    """Resolve references; call only when :func:`check_references` found nothing wrong."""

    def resolve(ids: list[str] | None) -> list[Service]:
        return [services[i] for i in ids or []]

    cases = [
        Case(id=e.id, source=e.document.path, entry=e.model, services=resolve(e.model.services))
        for e in files.cases
    ]
    case_by_id = {case.id: case for case in cases}
    paths = [
        ServicePath(
            id=e.id,
            source=e.document.path,
            entry=e.model,
            phase_services=[resolve(phase.services) for phase in e.model.phases],
            case=case_by_id.get(e.model.case) if e.model.case else None,
        )
        for e in files.paths
    ]
    path_by_id = {path.id: path for path in paths}
    checklists = [
        Checklist(
            id=e.id,
            source=e.document.path,
            entry=e.model,
            item_services=[resolve(item.services) for item in e.model.items],
            services=resolve(e.model.services),
            paths=[path_by_id[p] for p in e.model.paths or []],
        )
        for e in files.checklists
    ]
    return Professional(
        paths=paths,
        cases=cases,
        checklists=checklists,
        work_ability=files.work_ability.model if files.work_ability else None,
        participation=files.participation.model if files.participation else None,
        glossary=list(files.glossary.model.terms) if files.glossary else [],
    )
