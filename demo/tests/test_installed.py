"""The demo app's commands exist in development and where DEMO=true asks for them,
never in production by default (historyblog/settings/base.py)."""

import subprocess

import pytest

from tests.servers import PYTHON, REPO, production_env

DEMO_COMMANDS = {"demo_content", "dev_admin", "seed_articles"}


def commands(env):
    finished = subprocess.run(
        [PYTHON, "manage.py", "help", "--commands"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    return set(finished.stdout.split())


def test_production_has_no_demo_commands(tmp_path):
    assert not commands(production_env(tmp_path)) & DEMO_COMMANDS


@pytest.mark.parametrize("variables", [{"DEBUG": "true"}, {"DEMO": "true"}])
def test_development_and_demo_true_have_them(tmp_path, variables):
    assert commands(production_env(tmp_path, **variables)) >= DEMO_COMMANDS
