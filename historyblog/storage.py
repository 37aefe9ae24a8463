"""Where uploaded media are stored: a local folder, or an S3-compatible bucket; and the
origins pages load them from, for the Content Security Policy. Settings read the
environment and call media_storage()."""

from urllib.parse import urlsplit


def media_storage(*, bucket, endpoint_url="", region="", custom_domain=""):
    """The STORAGES entry for media, and the list of origins pictures are served from."""
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}, []
    storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            "custom_domain": custom_domain or None,
            # Pictures are public: plain URLs that pages, feeds and CDNs can keep.
            "querystring_auth": False,
            # An upload never replaces a stored file in place: it gets a name of its own.
            "file_overwrite": False,
            # Browsers and the CDN keep pictures a day (renditions and share cards have
            # content hashes in their names, so a change is a new URL anyway).
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    return storage, _media_origins(bucket, endpoint_url, region, custom_domain)


def _media_origins(bucket, endpoint_url, region, custom_domain):
    if custom_domain:
        return [f"https://{custom_domain.split('/')[0]}"]
    if endpoint_url:
        endpoint = urlsplit(endpoint_url)
        return [  # path-style and virtual-hosted-style addresses
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{bucket}.{endpoint.netloc}",
        ]
    regional = [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    return [f"https://{bucket}.s3.amazonaws.com", *regional]
