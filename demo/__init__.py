"""The demo: sample authors and articles (``manage.py demo_content``), the benchmark's
synthetic articles (``seed_articles``) and the development admin login (``dev_admin``).

Installed in development and in the tests, never in production unless DEMO=true
(historyblog/settings/base.py)."""
