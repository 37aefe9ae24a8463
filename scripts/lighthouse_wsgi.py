"""historyblog's WSGI application, with the uploaded pictures (MEDIA_ROOT) served
beside it as nginx or object storage serves them in production. For
scripts/lighthouse.sh only: production never runs this module."""

import os

from whitenoise import WhiteNoise

from historyblog.wsgi import application as django_application

# A year, as object storage serves pictures (historyblog/settings/serving.py): every
# stored file has a name of its own, so it never changes.
application = WhiteNoise(
    django_application, root=os.environ["MEDIA_ROOT"], prefix="/media/", max_age=31_536_000
)
