"""The GitHub Actions workflows: valid against SchemaStore's workflow schema (bundled by check-jsonschema, offline)
and doing what the README promises. They cannot run here; their syntax and their steps can be checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _validate(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def _steps(workflow: str, job: str) -> list[dict]:
    return yaml.safe_load((WORKFLOWS / workflow).read_text())["jobs"][job]["steps"]


def test_the_workflows_are_valid() -> None:
    result = _validate(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "pull-request.yml").read_text().replace("runs-on:", "run-on:", 1))
    result = _validate(broken)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


def test_pull_requests_run_the_check_the_strict_build_and_the_tests() -> None:
    runs = [step.get("run", "") for job in ("content", "tests") for step in _steps("pull-request.yml", job)]
    assert "helpcenter check content --strict" in runs
    assert "mkdocs build --strict" in runs
    assert "bash .ci/run" in runs


@pytest.mark.parametrize("action", ["actions/upload-pages-artifact@", "actions/deploy-pages@"])
def test_main_deploys_to_github_pages(action: str) -> None:
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text())
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(use.startswith(action) for use in uses)
    # PyYAML reads the key 'on' as True.
    assert workflow[True]["push"]["branches"] == ["main"]


def test_the_deployed_build_takes_the_endpoint_from_a_repository_variable() -> None:
    [build] = [step for step in _steps("deploy.yml", "build") if step.get("run") == "mkdocs build --strict"]
    assert build["env"]["HELPCENTER_FEEDBACK_ENDPOINT"] == "${{ vars.HELPCENTER_FEEDBACK_ENDPOINT }}"
    assert "HELPCENTER_FEEDBACK_ENDPOINT" in (ROOT / "mkdocs.yml").read_text()


def test_the_site_is_rebuilt_every_night_so_announced_policies_switch_on_their_date() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text())
    [schedule] = workflow[True]["schedule"]
    _minute, hour, *every_day = schedule["cron"].split()
    assert every_day == ["*", "*", "*"] and (int(hour) + 7) % 24 == 0, "just after midnight WIB"
    [check] = [step for step in _steps("deploy.yml", "build") if step.get("name") == "Check the content"]
    assert "github.event_name != 'schedule' && '--strict'" in check["run"], "a warning stops no nightly switch"
    [build] = [step for step in _steps("deploy.yml", "build") if step.get("run") == "mkdocs build --strict"]
    assert build["env"]["TZ"] == "Asia/Jakarta"
