"""The class file and the hub configuration, read without starting anything (no root needed)."""

from __future__ import annotations

import pytest
from traitlets.config.loader import PyFileConfigLoader

import hub_helpers as hh
from nnlab_class import EXAMPLE, ClassSpec, load


def test_example_class_file_loads_with_safe_defaults():
    spec = load(EXAMPLE)
    assert spec.authenticator == "pam" and spec.ip == "127.0.0.1"
    assert spec.grader not in spec.users and set(spec.instructors).isdisjoint(spec.students)


@pytest.mark.parametrize("text, message", [
    ('studnets = ["ana"]\n', "unknown settings ['studnets']"),
    ('students = ["Ana Lee"]\n', "'Ana Lee' is not a valid account"),
    ('students = ["ana"]\ninstructors = ["ana"]\n', "listed twice"),
    ('authenticator = "ldap"\n', "authenticator must be 'pam' or 'dummy'"),
])
def test_class_file_mistakes_are_errors(tmp_path, text, message):
    path = tmp_path / "class.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load(path)


def _hub_config(monkeypatch, spec: ClassSpec, tmp_path):
    if not hh.PROXY.exists():
        pytest.skip("configurable-http-proxy is not installed (npm ci --prefix deploy/jupyterhub)")
    path = hh.write_class_file(spec, tmp_path / "class.toml")
    monkeypatch.setenv("NNLAB_CLASS", str(path))
    return PyFileConfigLoader("jupyterhub_config.py", path=str(hh.DEPLOY)).load_config()


def test_hub_config_groups_roles_and_service(monkeypatch, tmp_path):
    spec = ClassSpec(course_id="ml101", grader="grader-ml101", instructors=("prof",), students=("ana", "ben"),
                     authenticator="dummy")
    c = _hub_config(monkeypatch, spec, tmp_path)
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000/"
    assert c.JupyterHub.hub_bind_url.startswith("http://127.0.0.1:")
    assert c.Authenticator.allowed_users == {"prof", "ana", "ben"}
    assert not c.Authenticator.admin_users
    groups = c.JupyterHub.load_groups
    assert set(groups["formgrade-ml101"]["users"]) == {"prof", "grader-ml101"}  # no student opens the formgrader
    assert set(groups["nbgrader-ml101"]["users"]) == {"prof", "ana", "ben"}
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles["formgrade-ml101"]["scopes"] == ["access:services!service=ml101"]
    assert not any(s.startswith("access:services") for s in roles["nbgrader-ml101"]["scopes"])
    assert not any(s.startswith(("admin", "access:servers")) and "!server" not in s
                   for r in roles.values() for s in r["scopes"]), roles
    service = c.JupyterHub.services[0]
    assert [s["name"] for s in c.JupyterHub.services] == ["ml101", "idle-culler"]
    assert service["name"] == "ml101" and service["user"] == "grader-ml101"
    assert service["url"].startswith("http://127.0.0.1:")
    assert service["environment"]["JUPYTERHUB_DEFAULT_URL"] == "/formgrader"  # its own tab, no frame
    # the hub's frame-ancestors 'none' is not relaxed anywhere
    assert "tornado_settings" not in c.JupyterHub and "tornado_settings" not in c.get("ServerApp", {})


def test_hub_config_limits_culler_and_the_course_service_scopes(monkeypatch, tmp_path):
    spec = ClassSpec(course_id="ml101", grader="grader-ml101", instructors=("prof",), students=("ana",),
                     authenticator="dummy", memory_limit="1.5G", cpu_weight=50, pids_limit=128,
                     cull_idle_timeout=1800, cull_every=300)
    monkeypatch.delenv("NNLAB_SPAWNER", raising=False)
    c = _hub_config(monkeypatch, spec, tmp_path)
    from nnlab_spawner import CgroupSpawner

    if c.JupyterHub.spawner_class is CgroupSpawner:  # no systemd here (or no jupyterhub-systemdspawner)
        assert c.CgroupSpawner.mem_limit == int(1.5 * 2 ** 30)
        assert c.CgroupSpawner.cpu_weight == 50 and c.CgroupSpawner.pids_limit == 128
    else:
        assert c.JupyterHub.spawner_class == "systemdspawner.SystemdSpawner"
        assert c.SystemdSpawner.unit_extra_properties["TasksMax"] == "128"
    services = {s["name"]: s for s in c.JupyterHub.services}
    culler = services["idle-culler"]["command"]
    assert culler[1:3] == ["-m", "jupyterhub_idle_culler"]
    assert "--timeout=1800" in culler and "--cull-every=300" in culler
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert set(roles["idle-culler"]["scopes"]) == {"list:users", "read:users:activity", "read:servers",
                                                    "delete:servers"}
    service_scopes = roles["ml101-service"]["scopes"]
    assert not any(s.split("!")[0] in ("list:users", "read:users", "admin:users", "users") for s in service_scopes), \
        service_scopes
    assert all("!" in s for s in service_scopes), f"every scope of the course service is filtered: {service_scopes}"


def test_culling_can_be_switched_off(monkeypatch, tmp_path):
    spec = ClassSpec(course_id="ml101", grader="grader-ml101", authenticator="dummy", cull_idle_timeout=0)
    c = _hub_config(monkeypatch, spec, tmp_path)
    assert [s["name"] for s in c.JupyterHub.services] == ["ml101"]


@pytest.mark.parametrize("text, message", [
    ('memory_limit = "lots"\n', "memory_limit = 'lots'; expected a size such as '1G'"),
    ('memory_limit = "100M"\n', "is below 256M"),
    ('pids_limit = 8\n', "pids_limit 8 (expected >= 32)"),
    ('cull_every = 0\n', "cull_every 0 (expected > 0)"),
])
def test_limit_mistakes_in_the_class_file_are_errors(tmp_path, text, message):
    path = tmp_path / "class.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(path)


def test_spawner_choice(monkeypatch, tmp_path):
    spec = ClassSpec(course_id="ml101", grader="grader-ml101", authenticator="dummy")
    monkeypatch.setenv("NNLAB_SPAWNER", "cgroups")
    with pytest.raises(ValueError, match="NNLAB_SPAWNER='cgroups': expected 'systemd', 'cgroup' or 'none'"):
        _hub_config(monkeypatch, spec, tmp_path)
    monkeypatch.setenv("NNLAB_SPAWNER", "none")
    assert _hub_config(monkeypatch, spec, tmp_path).JupyterHub.spawner_class == "localprocess"


_PROBE = r'''
import json, tempfile
from jupyter_server.serverapp import ServerApp
app = ServerApp()
app.initialize(argv=[f"--ServerApp.root_dir={tempfile.mkdtemp()}", "--ServerApp.open_browser=False",
                     "--ServerApp.port=0", "--ServerApp.ip=127.0.0.1"])
found = []
def walk(router):
    for rule in getattr(router, "rules", []):
        pattern = getattr(rule.matcher, "regex", None)
        if isinstance(rule.target, type):
            if pattern is not None and "assignments/validate" in pattern.pattern:
                found.append(f"{rule.target.__module__}.{rule.target.__name__}")
        else:
            walk(rule.target)
walk(app.web_app.default_router)
hook = app.contents_manager.pre_save_hook
print(json.dumps({"validate": found, "pre_save_hook": f"{hook.__module__}.{hook.__name__}" if hook else None}))
'''


def test_a_students_server_on_the_hub_is_the_learners_lab(tmp_path):
    """A student's server on the hub loads what `make lab` gives a learner (issue 24): the Validate
    button with each message first, and notebooks saved without live widget state (no dead
    controls and no unsaved marker after a restart); no Jupyter news."""
    import json
    import os
    import subprocess
    import sys

    config = hh.DEPLOY / "config"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(JUPYTER_CONFIG_PATH=f"{config / 'user'}:{config / 'common'}", HOME=str(tmp_path),
               JUPYTER_DATA_DIR=str(tmp_path / "data"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    run = subprocess.run([sys.executable, "-c", _PROBE], env=env, cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert loaded["validate"] == ["nnlab_validate.MessageFirstValidateHandler"], (loaded, run.stderr[-3000:])
    assert loaded["pre_save_hook"] == "nnlab_widgets.pre_save_hook", loaded
    learner = hh.REPO / "jupyter-config" / "learner" / "labconfig" / "default_setting_overrides.json"
    student = config / "user" / "labconfig" / "default_setting_overrides.json"
    assert json.loads(student.read_text()) == json.loads(learner.read_text())
