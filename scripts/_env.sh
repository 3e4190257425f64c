# Shared by scripts/build and scripts/test: a project-local virtualenv with the
# package installed (editable), created on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

ensure_venv() {
  local extras="$1"
  local stamp="$VENV/.installed-$extras"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "› creating $VENV" >&2
    "$PYTHON" -m venv "$VENV"
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo "› installing Python dependencies ($extras)" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT[$extras]"
    touch "$stamp"
  fi
}

# Debian's Voikko (libvoikko1 and its Finnish dictionary voikko-fi) splits Finnish
# compound words for the search index. The site builds without it, with a warning, so
# a machine where apt-get cannot run (not root, no sudo) only loses that.
ensure_voikko() {
  if [ -e /usr/lib/voikko/5/mor-standard/mor.vfst ] && ldconfig -p 2>/dev/null | grep libvoikko.so.1 >/dev/null; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "› Voikko is missing and apt-get needs root: search is built without compound splitting" >&2
      return 0
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "› Voikko is missing (install libvoikko and its Finnish dictionary): search is built without compound splitting" >&2
    return 0
  fi
  echo "› installing Voikko (libvoikko1, voikko-fi) from Debian's packages" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libvoikko1 voikko-fi >/dev/null
}
