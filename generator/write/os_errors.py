"""Say in Finnish, in one line, why the system refused to write a file or folder.

A full disk or a read-only folder is not a bug in the generator: the person running
the build needs the folder and the cause, not a traceback.
"""

from __future__ import annotations

import errno

#: The causes a build meets in practice, as a content editor would understand them.
REASONS = {
    errno.ENOSPC: "levy on täynnä",
    errno.EDQUOT: "levytilakiintiö on täynnä",
    errno.EROFS: "levy on vain luettavissa",
    errno.EACCES: "ei kirjoitusoikeutta",
    errno.EPERM: "ei oikeutta tähän toimintoon",
    errno.EBUSY: "kansio on käytössä, esimerkiksi liitospiste (mount point), jota ei voi korvata",
    errno.EXDEV: "kansio on eri levyllä kuin sen yläkansio, esimerkiksi liitospiste (mount point)",
    errno.EIO: "levyn luku- tai kirjoitusvirhe",
    errno.ENAMETOOLONG: "polku on liian pitkä",
    errno.ENOENT: "kansio tai tiedosto puuttuu",
    errno.ENOTDIR: "polun osa on tiedosto eikä kansio",
    errno.EMFILE: "liian monta avointa tiedostoa",
}


def os_error_reason(error: OSError) -> str:
    """``levy on täynnä (ENOSPC)``: the cause, and the error's symbolic name for a developer."""
    code = error.errno
    reason = REASONS.get(code) if code is not None else None
    name = errno.errorcode.get(code) if code is not None else None
    text = reason or error.strerror or str(error) or type(error).__name__
    return f"{text} ({name})" if name else text
