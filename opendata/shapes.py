"""The shapes of the API's JSON objects, as JSON Schema for the OpenAPI document.
opendata/serialize.py builds them; the schemathesis tests hold every answer to them."""

NULLABLE_INTEGER = {"type": ["integer", "null"]}
URL = {"type": "string", "format": "uri"}


def obj(properties, required=None):
    """A closed object: every property listed, and required unless said otherwise."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


EVENT_DATE = obj(
    {
        "year": {
            "type": "integer",
            "description": "Astronomical year: 1 BC is 0, 44 BC is -43, AD 79 is 79.",
        },
        "year_as_written": {"type": "integer", "minimum": 1, "description": "44 for 44 BC."},
        "era": {"type": "string", "enum": ["BC", "AD"]},
        "month": {**NULLABLE_INTEGER, "minimum": 1, "maximum": 12},
        "day": {**NULLABLE_INTEGER, "minimum": 1, "maximum": 31},
        "precision": {"type": "string", "enum": ["day", "month", "year"]},
        "approximate": {"type": "boolean", "description": "“c. 1450”: no daily anniversary."},
        "old_style": {
            "type": "boolean",
            "description": "The author shows the Julian (Old Style) date beside this one.",
        },
        "old_style_date": {
            "oneOf": [
                {"type": "null"},
                obj({key: {"type": "integer"} for key in ("year", "month", "day")}),
            ],
            "description": "The Julian date (astronomical year), when old_style applies.",
        },
        "iso": {"type": "string", "description": "ISO 8601, expanded: -0043-03-15."},
        "label": {"type": "string", "description": "As readers see it: March 15, 44 BC."},
    }
)

REFERENCE = obj({"slug": {"type": "string"}, "name": {"type": "string"}, "url": URL})

ARTICLE_SUMMARY_PROPERTIES = {
    "slug": {"type": "string"},
    "title": {"type": "string"},
    "dek": {"type": "string"},
    "date": ref("EventDate"),
    "author": ref("Reference"),
    "tags": {"type": "array", "items": ref("Reference")},
    "published_at": {"type": "string", "format": "date-time"},
    "updated_at": {"type": "string", "format": "date-time"},
    "url": URL,
    "api_url": URL,
}

PICTURE = obj(
    {
        "url": URL,
        "width": NULLABLE_INTEGER,
        "height": NULLABLE_INTEGER,
        "alt": {"type": "string", "description": "Empty for a decorative picture."},
        "caption": {"type": "string"},
        "credit": {"type": "string"},
    }
)

ARTICLE = obj(
    {
        **ARTICLE_SUMMARY_PROPERTIES,
        "body_html": {
            "type": "string",
            "description": "The body as the article's page shows it: sanitised HTML.",
        },
        "picture": {"oneOf": [{"type": "null"}, ref("Picture")]},
    }
)

ARTICLE_PAGE = obj(
    {
        "results": {"type": "array", "items": ref("ArticleSummary")},
        "page": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1},
        "next": {"oneOf": [{"type": "null"}, URL]},
        "previous": {"oneOf": [{"type": "null"}, URL]},
    }
)

ANNIVERSARY = obj(
    {
        "on": {"type": "string", "format": "date", "description": "The day it is kept."},
        "number": {"type": "integer", "description": "Which anniversary: years since."},
        "is_round": {"type": "boolean", "description": "10th, 25th, 50th, 75th, 100th..."},
        "leap_day_kept_early": {
            "type": "boolean",
            "description": "A February 29 event kept on February 28 of a common year.",
        },
        "article": ref("ArticleSummary"),
    }
)

ANNIVERSARIES = {"type": "array", "items": ref("Anniversary")}

BRIEF = obj(
    {
        "id": {"type": "integer"},
        "kind": {"type": "string", "enum": ["event", "birth", "death"]},
        "date": ref("EventDate"),
        "text_html": {
            "type": "string",
            "description": "One or two sentences, as the day page shows them: sanitised HTML.",
        },
        "url": {**URL, "description": "Its anchor on its day page (a brief has no page)."},
        "source_url": {"oneOf": [{"type": "null"}, URL]},
        "article": {
            "oneOf": [
                {"type": "null"},
                obj({"slug": {"type": "string"}, "title": {"type": "string"}, "url": URL}),
            ],
            "description": "The published article telling more, if any.",
        },
    }
)

BRIEFS = {"type": "array", "items": ref("Brief")}

BRIEF_DAY = obj(
    {
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "results": {**BRIEFS, "description": "Oldest event first."},
        "day_url": URL,
    }
)

ON_THIS_DAY = obj(
    {
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "on": {"type": "string", "format": "date"},
        "anniversaries": ANNIVERSARIES,
        "has_more": {"type": "boolean", "description": "More on the day page (day_url)."},
        "upcoming": {**ANNIVERSARIES, "description": "Only when the day has none."},
        "upcoming_within_week": {"type": "boolean"},
        "briefs_url": {**URL, "description": "The day's briefs: events, births, deaths."},
        "day_url": URL,
    }
)

COUNTED = {"article_count": {"type": "integer", "minimum": 1}, "articles": URL}

TAG = obj(
    {
        **REFERENCE["properties"],
        **COUNTED,
        "article_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Published articles; 0 for a tag only briefs have.",
        },
        "brief_count": {"type": "integer", "minimum": 0, "description": "Published briefs."},
        "calendar": URL,
    }
)
AUTHOR = obj({**REFERENCE["properties"], "bio": {"type": "string"}, **COUNTED})

ERROR = obj(
    {
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "message": {"type": "string"},
    }
)

SCHEMAS = {
    "EventDate": EVENT_DATE,
    "Reference": REFERENCE,
    "ArticleSummary": obj(ARTICLE_SUMMARY_PROPERTIES),
    "Article": ARTICLE,
    "Picture": PICTURE,
    "ArticlePage": ARTICLE_PAGE,
    "Anniversary": ANNIVERSARY,
    "OnThisDay": ON_THIS_DAY,
    "Brief": BRIEF,
    "BriefDay": BRIEF_DAY,
    "TagList": obj({"results": {"type": "array", "items": ref("Tag")}}),
    "Tag": TAG,
    "AuthorList": obj({"results": {"type": "array", "items": ref("Author")}}),
    "Author": AUTHOR,
    "Error": ERROR,
}
