"""The form editor's JavaScript, installed from the npm registry at the versions pinned here.

``generator/cms/package.json`` and ``package-lock.json`` pin Decap CMS, its
local proxy (decap-server) and the YAML library our file format uses. ``npm
ci`` installs exactly the locked versions into ``.tarjotin-cache/cms/<hash>/``
(the hash of both files, so a changed pin installs afresh and an unchanged one
never again); the site gets copies of the built files, so nothing is fetched
from a CDN when an editor opens the form. A region updates the pin with ``npm
install decap-cms@X --save-exact`` in ``generator/cms/`` (developer-docs/cms.md).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
PINS = ("package.json", "package-lock.json")
#: Where the installs live, beside the other caches of the project (gitignored).
DEFAULT_CACHE = Path(".tarjotin-cache") / "cms"
_READY = ".installed"


class BundleError(Exception):
    """npm is missing or the install failed; the message says what to do."""


@dataclass(frozen=True)
class Bundle:
    """An installed copy of the pinned packages."""

    folder: Path

    @property
    def modules(self) -> Path:
        return self.folder / "node_modules"

    @property
    def decap_dist(self) -> Path:
        return self.modules / "decap-cms" / "dist"

    @property
    def yaml_dist(self) -> Path:
        return self.modules / "yaml" / "browser" / "dist"

    @property
    def server_script(self) -> Path:
        return self.modules / "decap-server" / "dist" / "index.js"

    def version(self, package: str) -> str:
        import json

        data = json.loads((self.modules / package / "package.json").read_text(encoding="utf-8"))
        return str(data["version"])


def pin_hash() -> str:
    digest = hashlib.sha256()
    for name in PINS:
        digest.update((PACKAGE_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def npm_available() -> bool:
    return shutil.which("npm") is not None and shutil.which("node") is not None


def ensure_bundle(cache: Path = DEFAULT_CACHE, *, quiet: bool = True) -> Bundle:
    """The pinned packages, installed with ``npm ci`` if this pin is not installed yet.

    Raises:
        BundleError: npm is not on PATH, or ``npm ci`` failed (its output is in the message).
    """
    folder = cache / pin_hash()
    bundle = Bundle(folder.resolve())
    if (folder / _READY).exists():
        return bundle
    if not npm_available():
        raise BundleError(
            "Node.js and npm are needed for the form editor (/yllapito/) but were not found; "
            "install them (Debian: apt-get install nodejs npm) and run `tarjotin edit install`."
        )
    folder.mkdir(parents=True, exist_ok=True)
    for name in PINS:
        shutil.copyfile(PACKAGE_DIR / name, folder / name)
    # --ignore-scripts: nothing here needs an install script, and none should run.
    command = ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
    environment = {**os.environ, "NPM_CONFIG_UPDATE_NOTIFIER": "false"}
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=environment, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()[-15:]
        raise BundleError("`npm ci` failed in {}:\n{}".format(folder, "\n".join(output)))
    (folder / _READY).write_text(pin_hash() + "\n", encoding="utf-8")
    return bundle


def copy_decap(bundle: Bundle, target: Path) -> list[str]:
    """Copy Decap's browser bundle (main file, its lazily loaded chunks, wasm) into ``target``.

    Source maps (25 MB) are left out; the licence file goes with the code.
    Returns the names copied.
    """
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(bundle.decap_dist.iterdir()):
        name = path.name
        keep = name == "decap-cms.js" or name.endswith(".decap-cms.js") or name.endswith(".wasm")
        keep = keep or name == "decap-cms.js.LICENSE.txt"
        if keep and path.is_file():
            shutil.copyfile(path, target / name)
            copied.append(name)
    yaml_target = target / "vendor" / "yaml"
    if yaml_target.exists():
        shutil.rmtree(yaml_target)
    shutil.copytree(bundle.yaml_dist, yaml_target)
    shutil.copyfile(bundle.modules / "yaml" / "LICENSE", yaml_target / "LICENSE")
    return copied
