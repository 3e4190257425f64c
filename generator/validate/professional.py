"""Load and check ``catalogue/professional/``: paths, cases, checklists and the rest.

Each file is checked against its model (``generator.model.professional``); then
every service, path and case id it names must exist. The folder is optional: a
region may publish services only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.load.layout import CatalogueLayout, entry_files
from generator.load.yaml_source import FieldPath, YamlDocument
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
from generator.validate.fields import Checked, read_checked
from generator.validate.reserved import check_not_reserved

M = TypeVar("M", bound=BaseModel)

PATHS_DIR = "paths"
CASES_DIR = "cases"
CHECKLISTS_DIR = "checklists"
GLOSSARY_FILE = "glossary.yml"
PARTICIPATION_FILE = "participation.yml"
WORK_ABILITY_FILE = "work-ability-score.yml"


@dataclass
class ProfessionalFiles:
    """The checked files, before references are resolved."""

    paths: list[Checked[PathFile]] = field(default_factory=list)
    cases: list[Checked[CaseFile]] = field(default_factory=list)
    checklists: list[Checked[ChecklistFile]] = field(default_factory=list)
    glossary: Checked[GlossaryFile] | None = None
    participation: Checked[ParticipationFile] | None = None
    work_ability: Checked[WorkAbilityScoreFile] | None = None


def _read_folder(
    folder: Path, model: type[M], kind: tuple[str, str], problems: Problems, root: Path
) -> list[Checked[M]]:
    entries = []
    for path in entry_files(folder, root, problems):
        if path.suffix != ".yml" or not re.match(SLUG_PATTERN, path.stem):
            problems.add(
                path,
                f"'{path.name}' is not a valid entry file name",
                suggestion="use lowercase letters a–z, digits and hyphens, ending in .yml",
            )
            continue
        check_not_reserved(path, path.stem, kind, problems)
        entry = read_checked(path, model, problems, root)
        if entry is not None:
            entries.append(entry)
    return entries


def read_professional(layout: CatalogueLayout, problems: Problems) -> ProfessionalFiles:
    """Read and check every file under ``professional/`` against its model."""
    root = layout.professional_dir
    files = ProfessionalFiles()
    if not root.is_dir():
        return files
    catalogue = layout.root
    files.paths = _read_folder(
        root / PATHS_DIR, PathFile, ("service path", "service paths"), problems, catalogue
    )
    files.cases = _read_folder(
        root / CASES_DIR, CaseFile, ("client example", "client examples"), problems, catalogue
    )
    files.checklists = _read_folder(
        root / CHECKLISTS_DIR, ChecklistFile, ("checklist", "checklists"), problems, catalogue
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
    files: ProfessionalFiles,
    service_ids: list[str],
    check: Callable[[YamlDocument, FieldPath, str, list[str], str, str], bool],
    problems: Problems,
) -> None:
    """Every service, path and case named must exist; glossary terms are unique."""
    path_ids = [entry.id for entry in files.paths]
    case_ids = [entry.id for entry in files.cases]
    services_where = "catalogue/services/"
    for entry in files.paths:
        for p, phase in enumerate(entry.model.phases):
            for i, service_id in enumerate(phase.services or []):
                check(
                    entry.document,
                    ("phases", p, "services", i),
                    service_id,
                    service_ids,
                    "service",
                    services_where,
                )
        if entry.model.case:
            check(
                entry.document, ("case",), entry.model.case, case_ids, "case", "catalogue/professional/cases/"
            )
    for case in files.cases:
        for i, service_id in enumerate(case.model.services or []):
            check(case.document, ("services", i), service_id, service_ids, "service", services_where)
    for checklist in files.checklists:
        for n, item in enumerate(checklist.model.items):
            for i, service_id in enumerate(item.services or []):
                check(
                    checklist.document,
                    ("items", n, "services", i),
                    service_id,
                    service_ids,
                    "service",
                    services_where,
                )
        for i, service_id in enumerate(checklist.model.services or []):
            check(checklist.document, ("services", i), service_id, service_ids, "service", services_where)
        for i, path_id in enumerate(checklist.model.paths or []):
            check(
                checklist.document, ("paths", i), path_id, path_ids, "path", "catalogue/professional/paths/"
            )
    if files.glossary:
        seen: dict[str, int] = {}
        for i, term in enumerate(files.glossary.model.terms):
            if term.term in seen:
                position = files.glossary.document.locate(("terms", i, "term"))
                first = files.glossary.document.locate(("terms", seen[term.term], "term"))
                problems.add(
                    files.glossary.document.path,
                    f"the term '{term.term}' is defined twice"
                    + (f" (first on line {first[0]})" if first else ""),
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
