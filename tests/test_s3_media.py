"""Pictures on S3-compatible object storage, for real: moto's S3 server on 127.0.0.1,
and Django's default storage configured from the AWS_* environment variables by
historyblog/settings/ itself, as docs/deploy.md tells production to. Uploads through
the admin become objects in the bucket, pages link to them, and replacing or deleting a
picture deletes its objects once the change commits."""

import json
import os
import re
import runpy
import urllib.request

import boto3
import pytest
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer

import historyblog.settings.serving
from articles.models import Article
from pictures import renditions

from . import images
from .admin_forms import delete_from_the_list, new_article_data, open_article, save_article
from .factories import make_author, noon_utc

pytestmark = pytest.mark.django_db

BUCKET = "historyblog-media"
REGION = "eu-central-1"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server in a thread of this process, on a free port of 127.0.0.1."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_server, settings, monkeypatch):
    """The default storage on an empty bucket of the moto server, with STORAGES (and the
    Content Security Policy) built by historyblog/settings/serving.py from the environment.

    boto3 reads the credentials from the environment as in production: dummy ones here,
    with no configuration file and no instance metadata, so nothing but 127.0.0.1 is
    ever asked. Returns the bucket (boto3), to list what is really stored."""
    environment = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "test-only-key",
        "AWS_SECRET_ACCESS_KEY": "test-only-secret",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        "NO_PROXY": "127.0.0.1",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_S3_CUSTOM_DOMAIN"):
        monkeypatch.delenv(name, raising=False)
    production = runpy.run_path(historyblog.settings.serving.__file__)
    settings.STORAGES = {**settings.STORAGES, "default": production["STORAGES"]["default"]}
    settings.CONTENT_SECURITY_POLICY = production["CONTENT_SECURITY_POLICY"]

    urllib.request.urlopen(urllib.request.Request(f"{s3_server}/moto-api/reset", method="POST"))
    bucket = boto3.resource("s3", endpoint_url=s3_server, region_name=REGION).Bucket(BUCKET)
    bucket.create(CreateBucketConfiguration={"LocationConstraint": REGION})
    # Readers fetch pictures by plain URLs: the bucket policy docs/deploy.md asks for.
    bucket.Policy().put(Policy=json.dumps(PUBLIC_READ))
    return bucket


def stored_objects(bucket):
    return {item.key for item in bucket.objects.all()}


def stored_names(article):
    return set(renditions.stored_names(article.picture, article.picture_renditions))


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create(username="editor", is_staff=True, is_superuser=True)
    )
    return client


def add_article(client, picture, **changes):
    """The admin's add form, posted with ``picture``; returns the saved article."""
    data = new_article_data(
        author=str(make_author().pk), picture_alt="A television set.", **changes
    )
    response = client.post(reverse("admin:articles_article_add"), {**data, "picture": picture})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug=data["slug"])


def test_an_upload_is_stored_cleaned_in_the_bucket_with_its_renditions(
    admin_client, s3_storage, settings
):
    article = add_article(
        admin_client, images.upload(images.leaky_picture("JPEG", (2000, 1000)), "tv.jpg")
    )

    assert [item["width"] for item in article.picture_renditions["webp"]] == [480, 960, 1600]
    assert re.fullmatch(r"articles/\d{4}/tv\.jpg", article.picture.name)
    assert stored_objects(s3_storage) == stored_names(article)
    assert len(stored_names(article)) == 1 + 3 * 2
    for name in stored_names(article):
        stored = s3_storage.Object(name).get()
        assert stored["CacheControl"] == "public, max-age=86400"
        assert stored["ContentType"] in ("image/jpeg", "image/webp")
        assert not any(secret in stored["Body"].read() for secret in images.SECRETS)
    assert not settings.MEDIA_ROOT.exists()  # nothing went to the local folder


def test_pages_link_to_the_objects_which_readers_can_fetch(admin_client, s3_storage):
    with noon_utc(2026, 8, 20):
        article = add_article(
            admin_client,
            images.upload(images.picture((1000, 500)), "tv.jpg"),
            status="published",
            publish_at_0="2026-08-19",
            publish_at_1="12:00:00",
        )
        response = Client().get(article.get_absolute_url())  # a reader

    assert response.status_code == 200
    html = response.content.decode()
    origin = s3_storage.meta.client.meta.endpoint_url
    linked = set(re.findall(rf"{re.escape(origin)}/{BUCKET}/([^\s\"',]+)", html))
    renditions = stored_names(article) - {article.picture.name}
    assert linked == renditions
    for name in linked:
        with urllib.request.urlopen(f"{origin}/{BUCKET}/{name}") as reply:
            assert reply.read() == s3_storage.Object(name).get()["Body"].read()
    img_src = re.search(r"img-src ([^;]+)", response["Content-Security-Policy"]).group(1)
    assert origin in img_src.split()


def test_replacing_a_picture_deletes_its_old_objects_after_commit(
    admin_client, s3_storage, django_capture_on_commit_callbacks
):
    article = add_article(admin_client, images.upload(images.picture((1000, 500)), "old.jpg"))
    old = stored_names(article)

    with django_capture_on_commit_callbacks() as callbacks:
        response = save_article(
            admin_client,
            article,
            open_article(admin_client, article),
            picture=images.upload(images.picture((800, 800)), "new.jpg"),
        )
    assert response.status_code == 302
    article.refresh_from_db()
    new = stored_names(article)
    assert "new" in article.picture.name
    assert stored_objects(s3_storage) == old | new  # not committed yet

    for callback in callbacks:
        callback()

    assert stored_objects(s3_storage) == new


def test_deleting_an_article_deletes_its_objects(
    admin_client, s3_storage, django_capture_on_commit_callbacks
):
    article = add_article(admin_client, images.upload(images.picture((1000, 500))))
    assert stored_objects(s3_storage) == stored_names(article)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
        )

    assert not Article.objects.exists()
    assert stored_objects(s3_storage) == set()


def test_deleting_articles_from_the_list_deletes_their_objects(
    admin_client, s3_storage, django_capture_on_commit_callbacks
):
    for slug in ("one", "two"):
        add_article(admin_client, images.upload(images.picture((600, 300))), slug=slug)
    assert len(stored_objects(s3_storage)) == 2 * (1 + 2 * 2)

    with django_capture_on_commit_callbacks(execute=True):
        delete_from_the_list(admin_client, Article.objects.all())

    assert not Article.objects.exists()
    assert stored_objects(s3_storage) == set()
