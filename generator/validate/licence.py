"""The open data's licence: only the region can grant one.

A catalogue may be transcribed from material the project does not own (the default one
from the region's slide deck), so the generator never assumes a licence. Without
``data_licence`` in ``region.yml`` the open-data page and the exports say that none
has been stated, and ``tarjotin validate`` warns: publishing so is allowed, but nobody
may reuse the data.
"""

from __future__ import annotations

from generator.i18n import _
from generator.load.layout import CatalogueLayout
from generator.model.catalogue import Catalogue
from generator.problems import Problems, Severity


def licence_warnings(catalogue: Catalogue) -> Problems:
    """A warning on ``region.yml`` when it states no data licence."""
    problems = Problems()
    if catalogue.region.data_licence is None:
        problems.add(
            CatalogueLayout(catalogue.root).region,
            _(
                "the open data has no licence, so it is not reusable: the open-data page and the "
                "exports say that no licence has been stated"
            ),
            field="data_licence",
            suggestion=_(
                "when the region has decided on a licence, set data_licence (title and url) in region.yml"
            ),
            severity=Severity.WARNING,
        )
    return problems
