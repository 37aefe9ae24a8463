"""Settings for historyblog, read from the environment.

Development defaults are safe to run on a laptop (DEBUG=true); production sets the
variables listed, with their defaults, in docs/deploy.md and .env.example.
"""

# The settings are read in sections, each a module of this package; a section may import
# what base set. docs/deploy.md lists every environment variable they read.
from historyblog.settings.accounts import *  # noqa: F403
from historyblog.settings.base import *  # noqa: F403
from historyblog.settings.content import *  # noqa: F403
from historyblog.settings.mail import *  # noqa: F403
from historyblog.settings.opendata import *  # noqa: F403
from historyblog.settings.serving import *  # noqa: F403
