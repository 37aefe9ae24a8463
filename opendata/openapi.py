"""The OpenAPI 3.1 document of the API, built from the endpoints the views declare
(opendata/endpoints.py) and the shapes of their answers (opendata/shapes.py)."""

from django.conf import settings

from . import shapes, views  # noqa: F401 (the views declare the endpoints)
from .endpoints import ENDPOINTS

DESCRIPTIONS = {
    200: "The answer.",
    400: "A parameter malformed or out of range, a day that never exists, or a control "
    "character in the address.",
    404: "Nothing there: an unknown article, tag or author, or a page past the end.",
    429: "Too many requests from this client; Retry-After says when to try again.",
}

YEARS = """Event dates are given as the site models them. `year` is the **astronomical
year**: 1 BC is 0, 44 BC is -43, AD 79 is 79, so years order and subtract as plain
integers; `year_as_written` and `era` give the year as people write it (44, BC).
`precision` says whether the month and day are known; `approximate` marks "c. 1450"
(no daily anniversary); `old_style` marks an event recorded in the Julian calendar,
whose Julian date is `old_style_date`. Dates are proleptic Gregorian throughout."""


def error_response(status):
    return {
        "description": DESCRIPTIONS[status],
        "content": {"application/json": {"schema": shapes.ref("Error")}},
    }


def operation(endpoint):
    responses = {
        "200": {
            "description": DESCRIPTIONS[200],
            "content": {"application/json": {"schema": shapes.ref(endpoint.response)}},
        }
    }
    for status in endpoint.errors:
        responses[str(status)] = error_response(status)
        if status == 429:
            responses["429"]["headers"] = {
                "Retry-After": {"schema": {"type": "string"}, "description": "Seconds."}
            }
    return {
        "operationId": endpoint.operation_id,
        "summary": endpoint.summary,
        "description": endpoint.description,
        "parameters": [param.schema() for param in endpoint.params],
        "responses": responses,
    }


def document():
    """The OpenAPI document, as a dict."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.SITE_NAME} open data",
            "version": "1",
            "description": "Read-only, no login, from any origin. " + YEARS,
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {endpoint.path: {"get": operation(endpoint)} for endpoint in ENDPOINTS},
        "components": {"schemas": shapes.SCHEMAS},
    }
