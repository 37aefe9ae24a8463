"""The API against its own OpenAPI document, with schemathesis: generated requests to
the live test server, each answer checked against the schema. No answer may be a 5xx."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from briefs.tests.factories import make_brief
from tests.factories import make_article, make_author

# The live server runs in a thread beside the test, which Django's async-safety check
# would otherwise mistake for an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The live server starts before the tests point STATIC_ROOT at a folder that exists.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

EXAMPLES_PER_OPERATION = 20


@pytest.fixture
def api_schema(live_server, settings):
    settings.OPENDATA_RATE_LIMIT = 0  # every generated request is answered
    writer = make_author(slug="writer")
    make_article(author=writer, tags=["war"], event_year=-43, event_month=3, event_day=15)
    make_article(author=writer, tags=["war", "Europe"], event_old_style=True, event_year=1917)
    make_article(event_year=1940, event_month=2, event_day=29)
    make_article(event_day=None, event_month=None, event_year=1066)
    make_brief(event_year=-43, event_month=3, event_day=15, kind="death", text="*Caesar* dies.")
    make_brief(event_year=1940, event_month=2, event_day=29, source_url="https://example.org/")
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")


def test_every_answer_matches_the_schema_and_none_is_a_server_error(api_schema, live_server):
    assert live_server.url.startswith(("http://localhost:", "http://127.0.0.1:"))
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 7

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answer_conforms(case):
            case.call_and_validate(base_url=live_server.url, checks=CHECKS)

        answer_conforms()
