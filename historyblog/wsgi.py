import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "historyblog.settings")

from pagecache import CachedPages

# Cached pages go out before Django's request handling (see pagecache.wsgi).
application = CachedPages(get_wsgi_application())
