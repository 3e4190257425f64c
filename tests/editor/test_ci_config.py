"""The pull-request checks, the Pages publishing and the pre-commit hooks are well-formed and
run commands that exist."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from generator.cli import main
from tests.editor.conftest import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"
PRE_COMMIT = PROJECT / ".pre-commit-config.yaml"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines() -> list[str]:
    """Every shell command line of the workflows and the pre-commit hooks."""
    lines = [
        line.strip()
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for step in steps(load(path))
        for line in step.get("run", "").splitlines()
    ]
    lines += [hook["entry"] for repo in load(PRE_COMMIT)["repos"] for hook in repo["hooks"]]
    return lines


def test_workflows_follow_the_github_actions_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
        + [str(path) for path in sorted(WORKFLOWS.glob("*.yml"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(PRE_COMMIT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: How a command line runs `tarjotin`: itself, or through the pre-commit hooks' wrapper.
TARJOTIN = re.compile(r"(tarjotin|scripts/tarjotin-hook)\b")


@pytest.mark.parametrize("line", [line for line in run_lines() if TARJOTIN.match(line)])
def test_every_tarjotin_command_line_is_accepted(line: str) -> None:
    name, *args = shlex.split(line)[1:]
    command = main.get_command(click.Context(main), name)
    assert command is not None, f"no command '{name}'"
    command.make_context(name, list(args))  # raises on an unknown option or a bad value


def test_pull_requests_validate_build_check_links_and_accessibility() -> None:
    workflow = load(WORKFLOWS / "check.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key "on" as true
    commands = "\n".join(step.get("run", "") for step in steps(workflow))
    for expected in (
        "tarjotin validate --format github",
        "tarjotin fmt --check",
        "tarjotin build --strict",
        "tarjotin links --site-dir site",
        "apt-get install -y -qq chromium",
    ):
        assert expected in commands
    [test_run] = [line for line in commands.splitlines() if "pytest" in line]
    test_file = next(part for part in shlex.split(test_run) if part.endswith(".py"))
    assert (PROJECT / test_file).is_file(), f"{test_file} does not exist"
    assert "GITHUB_STEP_SUMMARY" in commands


def test_main_is_published_to_github_pages() -> None:
    workflow = load(WORKFLOWS / "publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert "actions/upload-pages-artifact" in uses
    assert "actions/deploy-pages" in uses
    build = next(step for step in steps(workflow) if "tarjotin build" in step.get("run", ""))
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-pages"))
    assert f"--site-dir {upload['with']['path']}" in build["run"]


def test_the_hooks_see_the_catalogue_files() -> None:
    hooks = {hook["id"]: hook for repo in load(PRE_COMMIT)["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"tarjotin-fmt", "tarjotin-validate"}
    files = sorted(p.relative_to(PROJECT).as_posix() for p in (PROJECT / "catalogue").rglob("*.yml"))
    for hook in hooks.values():
        pattern = re.compile(hook["files"])
        assert all(pattern.search(name) for name in files), hook["id"]
    assert re.search(hooks["tarjotin-validate"]["files"], "schemas/service.schema.json")
    assert not re.search(hooks["tarjotin-fmt"]["files"], "mkdocs.yml")
    assert hooks["tarjotin-validate"]["pass_filenames"] is False


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_the_hooks_run_without_an_activated_virtualenv(tmp_path: Path) -> None:
    """As the guide says: scripts/build, then `git commit` runs the checks; no PATH, no download."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("catalogue", "schemas"):
        shutil.copytree(PROJECT / name, repo / name)
    (repo / "scripts").mkdir()
    shutil.copy2(PROJECT / "scripts" / "tarjotin-hook", repo / "scripts" / "tarjotin-hook")
    shutil.copy2(PRE_COMMIT, repo / PRE_COMMIT.name)
    (repo / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)  # what scripts/build made
    _git(repo, "init", "-q")
    _git(repo, "add", "catalogue", "schemas", "scripts", PRE_COMMIT.name)
    # No virtualenv on PATH: only the system's own commands (git).
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    environment["TARJOTIN_LANG"] = "fi"

    def hooks() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(repo / ".venv" / "bin" / "pre-commit"), "run", "--all-files", "--color", "never"],
            cwd=repo,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )

    result = hooks()
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"tarjotin fmt --check\.+Passed", result.stdout), result.stdout
    assert re.search(r"tarjotin validate\.+Passed", result.stdout), result.stdout
    kela = repo / "catalogue" / "services" / "kela.yml"
    kela.write_text(
        kela.read_text(encoding="utf-8").replace("area: region", "area: [nastola]"), encoding="utf-8"
    )
    result = hooks()
    assert result.returncode == 1
    assert "catalogue/services/kela.yml:7:8: virhe [area.0]" in result.stdout
    assert "= 'nastola' ei ole alueen kunta" in result.stdout
