"""environment.yml carries the same packages and pins as pyproject.toml."""

import re
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def _norm(req: str) -> str:
    return re.sub(r"\s+", "", req).lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    env_reqs = {_norm(r) for r in pip_section if not r.startswith("-e")}
    py_reqs = {_norm(r) for r in project["dependencies"]}
    assert env_reqs == py_reqs, (
        f"only in pyproject.toml: {sorted(py_reqs - env_reqs)}; only in environment.yml: {sorted(env_reqs - py_reqs)}")
    assert "-e ." in pip_section, "environment.yml should install labkit itself (-e .)"


def test_torch_is_pinned_exactly():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    torch = [r for r in project["dependencies"] if r.startswith("torch")]
    assert torch == ["torch==2.13.0"], f"torch must be pinned exactly to the CPU build on disk, got {torch}"
