#!/usr/bin/env bash
# Lighthouse's four scores (Performance, Accessibility, Best Practices, SEO) for the home
# page and an article, served by gunicorn with production settings (DEBUG=false,
# collected static files) from a temporary SQLite database with the demo content.
#
#   make lighthouse        (or scripts/lighthouse.sh; not part of the test run)
#
# Lighthouse comes from npm into tools/lighthouse/node_modules; the browser is Debian's
# Chromium (CHROME_PATH). Reports go to test-artifacts/lighthouse/. Exits 1 when a
# score is below LIGHTHOUSE_MIN_SCORE (95).
set -euo pipefail
cd "$(dirname "$0")/.."

# A free port unless told: another server may hold any fixed one.
PORT="${LIGHTHOUSE_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
MIN_SCORE="${LIGHTHOUSE_MIN_SCORE:-95}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
BIN=.venv/bin
TOOLS=tools/lighthouse
REPORTS=test-artifacts/lighthouse
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking \
--disable-component-update --disable-sync --disable-quic --no-first-run"

if [ ! -x "$CHROME_PATH" ]; then
    echo "No Chromium at $CHROME_PATH: apt-get install chromium" >&2
    exit 1
fi
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
    npm ci --prefix "$TOOLS" --no-audit --no-fund
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Production settings, on a database and folders of their own.
unset REDIS_URL DATABASE_URL
export DEBUG=false
SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1 SITE_URL="http://127.0.0.1:$PORT"
export DATABASE_URL="sqlite:///$work/db.sqlite3" STATIC_ROOT="$work/static" MEDIA_ROOT="$work/media"
export LOG_LEVEL=WARNING

echo "Setting up: migrate, demo content, collectstatic"
"$BIN/python" manage.py migrate --noinput >"$work/setup.log"
# The demo app is installed for this one command only; the server runs without it.
DEMO=true "$BIN/python" manage.py demo_content >>"$work/setup.log"
"$BIN/python" manage.py collectstatic --noinput >>"$work/setup.log"
article="$("$BIN/python" manage.py shell --verbosity 0 -c '
from articles.models import Article
print(Article.objects.published().exclude(picture="").latest("publish_at").get_absolute_url())
')"

# Pictures are served beside the site, as nginx or object storage serves them.
"$BIN/gunicorn" --config gunicorn.conf.py --no-control-socket --bind "127.0.0.1:$PORT" \
    --workers 2 --pythonpath scripts lighthouse_wsgi:application >"$work/gunicorn.log" 2>&1 &
server_pid=$!
"$BIN/python" - "$PORT" <<'EOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("gunicorn did not answer on /healthz")
EOF
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "gunicorn stopped (is port $PORT taken?):" >&2
    cat "$work/gunicorn.log" >&2
    exit 1
fi

mkdir -p "$REPORTS"
status=0
for page in "home /" "article $article"; do
    set -- $page
    echo "Lighthouse: http://127.0.0.1:$PORT$2"
    "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$2" --quiet \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output=html --output-path="$REPORTS/$1" \
        --chrome-flags="$CHROME_FLAGS"
    "$BIN/python" - "$REPORTS/$1.report.json" "$MIN_SCORE" <<'EOF' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
low = False
for category in report["categories"].values():
    score = round(category["score"] * 100)
    low = low or score < int(sys.argv[2])
    print(f"  {category['title']:<15} {score}")
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
            print(f"      - {audit['title']} ({audit.get('displayValue', audit['score'])})")
sys.exit(1 if low else 0)
EOF
done
echo "Reports: $REPORTS/"
exit "$status"
