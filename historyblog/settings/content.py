"""The publication: tags, articles, pictures, search and roles."""

import os

from historyblog.environment import env_bool, env_int

TAGGIT_CASE_INSENSITIVE = True
# Tags are separated by commas only, as the tags field says (articles/tagging.py).
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.tags_to_text"

# Articles per page in lists; widget size on the home page.
ARTICLES_PER_PAGE = 12
TODAY_IN_HISTORY_LIMIT = 5
# Coming up under a day with articles: the week's next anniversaries, round ones first.
TODAY_COMING_UP_LIMIT = 3
# Today's briefs on the home page, of each kind (events, births, deaths); the day's
# page lists them all.
TODAY_BRIEFS_PER_KIND = 5

# ---------- Pictures (the pictures app; README "Pictures") ----------
# Uploads are checked by decoding them; these limits refuse the rest with a clear
# message. Bytes are checked first, then pixels from the header, so a small file that
# claims billions of pixels (a decompression bomb) is refused before it is decoded.
# A proxy in front of the site should also cap request bodies (a bit above this).
PICTURE_MAX_BYTES = env_int("PICTURE_MAX_BYTES", 10 * 1024 * 1024)  # 10 MB
PICTURE_MAX_PIXELS = env_int("PICTURE_MAX_PIXELS", 40_000_000)  # 40 megapixels
# Widths of the article renditions, each in WebP and JPEG; never wider than the upload.
# A change applies to pictures uploaded after it.
PICTURE_WIDTHS = (480, 960, 1600)
# Sides of the square author-photo renditions (crops around the centre).
PICTURE_AUTHOR_SIZES = (160, 320)

# ---------- Search (articles/search/; README "Search") ----------
# The PostgreSQL text search configuration: its language's stemming and stop words.
# Where the unaccent extension exists, migration 0003 made "<config>_unaccent" beside
# it, and search uses that to ignore accents. After changing it, run
# `manage.py update_search_vectors`. SQLite searches without it.
SEARCH_CONFIG = os.environ.get("SEARCH_CONFIG") or "english"

# ---------- Roles (articles/roles.py; README "Roles, preview and revisions") ----------
# Whether authors may publish (and unpublish, and schedule) their own articles. Off by
# default, so every article an author writes is published by an editor who reviewed it.
ARTICLES_AUTHORS_CAN_PUBLISH = env_bool("ARTICLES_AUTHORS_CAN_PUBLISH", False)
