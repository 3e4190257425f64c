"""Load and check ``catalogue/sections.yml``, the tray's sections.

The file is optional. When it is there, every id it names must exist (a
service, or another section as ``parent``), sections nest one level at most,
and a service may be listed in one section only: an error names the file and
line. A service that no section lists still works everywhere else on the
site, so that is a warning, not an error, and given only when the catalogue
has no errors (a new service from ``tarjotin new`` is in no section until an
editor adds it to one).
"""

from __future__ import annotations

from collections.abc import Collection

from generator.i18n import N_, _
from generator.load.layout import CatalogueLayout
from generator.load.yaml_source import FieldPath, YamlDocument
from generator.model.catalogue import Section, Service
from generator.model.sections import SectionsFile
from generator.problems import Problems, Severity
from generator.validate.fields import Checked, read_checked
from generator.validate.references import SECTION, SERVICE, References


def read_sections(layout: CatalogueLayout, problems: Problems) -> Checked[SectionsFile] | None:
    """The checked sections file, or ``None`` when there is none (or it fails its model)."""
    path = layout.sections
    # A link is read (and so refused, with a problem) rather than skipped as if absent.
    if not (path.is_file() or path.is_symlink()):
        return None
    return read_checked(path, SectionsFile, problems, layout.root)


def _add(
    problems: Problems,
    document: YamlDocument,
    loc: FieldPath,
    message: str,
    suggestion: str | None = None,
    severity: Severity = Severity.ERROR,
) -> None:
    position = document.locate(loc)
    problems.add(
        document.path,
        message,
        line=position[0] if position else None,
        column=position[1] if position else None,
        field=".".join(str(part) for part in loc),
        suggestion=suggestion,
        severity=severity,
    )


def _where(document: YamlDocument, loc: FieldPath, words: str) -> str:
    """`` (first on line 12)`` for ``words="(first on line {line})"``; empty when the line is unknown."""
    position = document.locate(loc)
    return " " + _(words).format(line=position[0]) if position else ""


def check_sections(
    checked: Checked[SectionsFile], service_ids: Collection[str], references: References, problems: Problems
) -> None:
    """Ids exist and are unique, sections nest one level, each service is in one section at most."""
    document, sections = checked.document, checked.model.sections
    section_ids = [section.id for section in sections]
    first_index: dict[str, int] = {}
    for i, section in enumerate(sections):
        if section.id in first_index:
            earlier = ("sections", first_index[section.id], "id")
            _add(
                problems,
                document,
                ("sections", i, "id"),
                _("the section id '{id}' is used twice").format(id=section.id)
                + _where(document, earlier, N_("(first on line {line})")),
                _("give each section its own id"),
            )
        else:
            first_index[section.id] = i

    # By an id's first section: a repeated id is already an error of its own.
    parent_of = {section_id: sections[i].parent for section_id, i in first_index.items()}
    for i, section in enumerate(sections):
        if section.parent is None:
            continue
        loc: FieldPath = ("sections", i, "parent")
        if section.parent == section.id:
            _add(problems, document, loc, _("a section cannot be its own parent"))
        elif references.check(document, loc, section.parent, section_ids, SECTION) and parent_of.get(
            section.parent
        ):
            words = {
                "section": section.id,
                "parent": section.parent,
                "grandparent": parent_of[section.parent],
            }
            _add(
                problems,
                document,
                loc,
                _(
                    "the section '{parent}' is itself under '{grandparent}'; sections nest one level only"
                ).format(**words),
                _("put '{section}' under '{grandparent}', or remove the parent of '{parent}'").format(
                    **words
                ),
            )

    listed: dict[str, FieldPath] = {}
    for i, section in enumerate(sections):
        for j, service_id in enumerate(section.services or []):
            loc = ("sections", i, "services", j)
            if not references.check(document, loc, service_id, service_ids, SERVICE):
                continue
            if service_id in listed:
                first = listed[service_id]
                _add(
                    problems,
                    document,
                    loc,
                    _("the service '{service}' is already in the section '{section}'").format(
                        service=service_id, section=sections[int(first[1])].id
                    )
                    + _where(document, first, N_("(on line {line})")),
                    _("a service belongs to one section only; remove it from the other"),
                )
            else:
                listed[service_id] = loc


def warn_unlisted(checked: Checked[SectionsFile], service_ids: Collection[str], problems: Problems) -> None:
    """Warn about each service no section lists.

    Called only for a catalogue without errors, like the freshness warnings: while
    a file is broken, the editor sees what to fix rather than what is incomplete.
    """
    listed = {service_id for section in checked.model.sections for service_id in section.services or []}
    for service_id in service_ids:
        if service_id not in listed:
            _add(
                problems,
                checked.document,
                ("sections",),
                _("the service '{service}' is in no section").format(service=service_id),
                _("add '{service}' to the services of the section the source puts it in").format(
                    service=service_id
                ),
                severity=Severity.WARNING,
            )


def assemble_sections(checked: Checked[SectionsFile], services: dict[str, Service]) -> list[Section]:
    """Resolve ids; call only when :func:`check_sections` found no errors."""
    built = [
        Section(entry=entry, services=[services[i] for i in entry.services or []])
        for entry in checked.model.sections
    ]
    by_id = {section.id: section for section in built}
    for section in built:
        if section.entry.parent is not None:
            section.parent = by_id[section.entry.parent]
            section.parent.children.append(section)
    return built
