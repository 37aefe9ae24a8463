"""Every bad request to the API gets a JSON answer with a 400 or a 404, never a 500
nor an HTML page."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db

BAD = [
    ("/api/v1/on-this-day/02/30/", 400, "February 30 is not a day"),
    ("/api/v1/on-this-day/04/31/", 400, "April 31"),
    ("/api/v1/on-this-day/13/01/", 400, "“month” must be between 1 and 12"),
    ("/api/v1/on-this-day/aug/20/", 400, "“month” must be a whole number"),
    ("/api/v1/on-this-day/08/99999999999999999999/", 400, "“day” must be a whole number"),
    ("/api/v1/on-this-day/?limit=0", 400, "“limit” must be between 1 and 50"),
    ("/api/v1/articles/?page_size=1000000", 400, "“page_size” must be between 1 and 100"),
    ("/api/v1/articles/?page=0", 400, "“page”"),
    ("/api/v1/articles/?page=2", 404, "There is no page 2"),
    ("/api/v1/articles/?page=999999", 404, "There is no page 999999"),
    ("/api/v1/articles/?year=44BC", 400, "“year” must be a whole number"),
    ("/api/v1/articles/?year=20000", 400, "“year” must be between -9999 and 9999"),
    ("/api/v1/articles/?century=0", 400, "There is no century 0"),
    ("/api/v1/articles/?tag=no-such-tag", 404, "No tag “no-such-tag”"),
    ("/api/v1/articles/?tag=%3Cscript%3E", 400, "“tag” is not a valid tag"),
    ("/api/v1/articles/?author=nobody", 404, "No author “nobody”"),
    ("/api/v1/articles/no-such-article/", 404, "No Article matches"),
    ("/api/v1/briefs/", 404, "No endpoint at /api/v1/briefs/"),
    ("/api/v1/articles/x/y/z", 404, "No endpoint"),
    ("/calendars/tags/no-such-tag.ics", 404, "No tag “no-such-tag”"),
]


@pytest.mark.parametrize(("path", "status", "message"), BAD)
def test_a_bad_request_gets_a_json_error_that_says_why(client, path, status, message):
    make_article(tags=["war"])
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["status"] == status
    assert message in body["message"], body


def test_an_address_without_its_slash_is_sent_to_the_one_with_it(client):
    response = client.get("/api/v1/tags")
    assert (response.status_code, response["Location"]) == (301, "/api/v1/tags/")


def test_writing_is_refused_with_405_in_json(client):
    response = client.post("/api/v1/articles/", {"title": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"] == "method_not_allowed"


def test_a_control_character_in_the_query_gets_a_json_400_under_api(client):
    response = client.get("/api/v1/articles/?tag=a%00b")
    assert response.status_code == 400
    assert response.json()["status"] == 400
