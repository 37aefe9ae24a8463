"""What answers a malformed address: a 400 in plain words, or a 4xx from the admin's views."""

import pytest
from django.urls import resolve

from articles.models import Article
from historyblog.security import MalformedAddressMiddleware

from .hostile_urls_fixtures import site as site  # the fixture, for pytest

pytestmark = pytest.mark.django_db


# What answers them: a 400 for a control character or thousands of characters.


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/tags/%00/", "the address contains a control character."),
        ("/tags/a%00b/", "the address contains a control character."),
        ("/articles/a%0Ab/", "the address contains a control character."),
        ("/years/1940%7F/", "the address contains a control character."),
        ("/%C2%85/", "the address contains a control character."),  # NEL, in UTF-8
        ("/search/?q=%00", "the query string contains a control character."),
        ("/search/?q=Trotsky&tag=%00", "the query string contains a control character."),
        ("/search/?q%00=Trotsky", "the query string contains a control character."),
        ("/?page=1%1B", "the query string contains a control character."),
        ("/tags/" + "a" * 5_000 + "/", "the address is too long."),
        ("/admin/articles/article/recover/" + "9" * 5_000 + "/", "the address is too long."),
    ],
)
def test_a_malformed_address_is_refused_with_a_400_in_plain_words(client, site, url, reason):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == f"Bad request: {reason}\n"


def test_a_nul_in_the_session_cookie_is_refused_with_a_400(client, site):
    response = client.get("/admin/", HTTP_COOKIE="sessionid=abc\x00def")
    assert response.status_code == 400
    assert response.content == b"Bad request: a cookie contains a control character.\n"


def test_the_admin_refuses_a_nul_in_its_search_and_autocomplete(client, site):
    client.force_login(site["superuser"])
    autocomplete = "app_label=articles&model_name=article&field_name=author"
    assert client.get(f"/admin/autocomplete/?term=%00&{autocomplete}").status_code == 400
    assert client.get("/admin/articles/article/?q=%00").status_code == 400
    assert client.get(f"/admin/autocomplete/?term=Author&{autocomplete}").status_code == 200


def test_a_tab_or_a_line_break_in_a_query_value_is_text_like_any_other(client, site):
    response = client.get("/search/?q=the%09blitz%0D%0Abegins")
    assert response.status_code == 200
    assert response.context["result"].query.text == "the blitz begins"


def test_a_long_path_within_the_limit_and_a_long_query_reach_the_view(client, site):
    assert client.get("/tags/" + "a" * 4_000 + "/").status_code == 404
    response = client.get("/search/?q=" + "blitz+" * 2_000)
    assert response.status_code == 200
    assert response.context["result"].query.truncated


# In the admin, what views of other libraries fail on: a 404 or a 400.


@pytest.mark.parametrize(
    ("url", "status"),
    [
        # django-otp looks the device up with get(), not get_object_or_404().
        ("/admin/otp_totp/totpdevice/99999/config/", 404),
        ("/admin/otp_totp/totpdevice/99999/qrcode/", 404),
        # Django 5.2's date hierarchy (ticket #37357): year 10000, and a year too large.
        ("/admin/articles/article/?publish_at__year=9999", 400),
        ("/admin/articles/article/?publish_at__year=99999999999999999999", 400),
        ("/admin/axes/accessattempt/?attempt_time__year=9999", 400),
    ],
)
def test_admin_views_of_other_libraries_answer_a_bad_value_with_a_4xx(client, site, url, status):
    client.force_login(site["superuser"])
    assert client.get(url).status_code == status


def test_outside_the_admin_a_failed_lookup_is_left_to_the_site_to_report(rf):
    request = rf.get("/tags/no-such-tag/")
    request.resolver_match = resolve("/tags/no-such-tag/")
    middleware = MalformedAddressMiddleware(lambda request: None)
    assert middleware.process_exception(request, Article.DoesNotExist()) is None
    assert middleware.process_exception(request, OverflowError()) is None
