"""One message for one mistake in the article form's event date."""

import pytest
from django.urls import reverse

from articles.models import Article

from .admin_forms import new_article_data
from .factories import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("month", ["13", "0", "-1", "March"])
@pytest.mark.parametrize("day", ["12", ""])
def test_a_month_not_in_the_list_gets_one_message(client, month, day):
    user = make_user("Authors", author=True)
    client.force_login(user)
    data = new_article_data(author=str(user.author.pk), month=month, day=day)
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["month"] == ["Choose a month from the list."]
    assert "A day needs a month." not in response.content.decode()
    assert not Article.objects.exists()
