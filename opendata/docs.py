"""/api/v1/openapi.json, and the documentation page read from it: plain HTML made on
the server, with no script and nothing from another site."""

from django.shortcuts import render
from django.urls import reverse

from articles.markdown import render_markdown
from pagecache.fragments import kept
from sharing.addresses import absolute_url

from . import openapi
from .http import json_response, open_data_view


@open_data_view
def openapi_json(request):
    return json_response(openapi.document())


def type_text(schema):
    """A JSON Schema as a few words: "integer or null", "list of Tag"."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    if "oneOf" in schema:
        return " or ".join(type_text(option) for option in schema["oneOf"])
    kinds = schema.get("type", "object")
    text = " or ".join(kinds) if isinstance(kinds, list) else kinds
    if text == "array":
        text = f"list of {type_text(schema['items'])}"
    if "enum" in schema:
        text += ": " + ", ".join(schema["enum"])
    if "format" in schema:
        text += f" ({schema['format']})"
    return text


def constraints(schema):
    words = []
    if "minimum" in schema:
        words.append(f"from {schema['minimum']}")
    if "maximum" in schema:
        words.append(f"to {schema['maximum']}")
    if "default" in schema:
        words.append(f"default {schema['default']}")
    return ", ".join(words)


def endpoint_rows(document):
    for path, item in document["paths"].items():
        operation = item["get"]
        yield {
            "path": path,
            "summary": operation["summary"],
            "description": operation["description"],
            "params": [
                {
                    **param,
                    "type": type_text(param["schema"]),
                    "constraints": constraints(param["schema"]),
                }
                for param in operation["parameters"]
            ],
            "responses": [
                {
                    "status": status,
                    "description": response["description"],
                    "shape": type_text(response["content"]["application/json"]["schema"]),
                }
                for status, response in operation["responses"].items()
            ],
        }


def shape_rows(document):
    for name, schema in document["components"]["schemas"].items():
        yield {
            "name": name,
            "properties": [
                {
                    "name": key,
                    "type": type_text(value),
                    "description": value.get("description", ""),
                }
                for key, value in schema["properties"].items()
            ],
        }


@kept("api-docs")
def docs(request):
    """/api/: the API's documentation, for people (written once per change)."""
    document = openapi.document()
    return render(
        request,
        "opendata/docs.html",
        {
            "info": document["info"],
            "endpoints": list(endpoint_rows(document)),
            "shapes": list(shape_rows(document)),
            # The schema's descriptions are CommonMark, as OpenAPI has them.
            "years": render_markdown(openapi.YEARS),
            "openapi_url": absolute_url(reverse("opendata:openapi")),
            "calendar_url": absolute_url(reverse("opendata:calendar")),
        },
    )
