"""The test suite's settings (pyproject.toml): the project's own, with the demo app
installed whatever DEMO says, since tests run its commands (tests/test_scale.py seeds
articles with it)."""

from historyblog.settings import *  # noqa: F403
from historyblog.settings import INSTALLED_APPS

if "demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
