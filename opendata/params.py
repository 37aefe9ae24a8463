"""The parameters an endpoint reads, declared once: the view reads and checks them with
``read()``, and the OpenAPI schema (opendata/openapi.py) describes them from the same
declaration, so the two cannot disagree."""

import re
from dataclasses import dataclass

from .http import ApiError

INTEGER = re.compile(r"[+-]?\d{1,9}")
# Anchored, as JSON Schema patterns are not (re.fullmatch does not mind).
SLUG = r"^[-\w]{1,100}$"


@dataclass(frozen=True)
class Param:
    """One parameter: in the query string, or in the path."""

    name: str
    description: str
    kind: str = "string"  # or "integer"
    location: str = "query"
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    default: int | str | None = None

    def read(self, raw):
        """The value of ``raw`` (a string from the address, or None when absent), or
        the default; ApiError (400) when it is malformed or out of range."""
        if raw is None or (raw == "" and self.location == "query"):
            return self.default
        if self.kind == "integer":
            return self.read_integer(raw)
        if self.pattern and not re.fullmatch(self.pattern, raw):
            raise ApiError(400, f"“{self.name}” is not a valid {self.name}: {self.description}")
        return raw

    def read_integer(self, raw):
        if not INTEGER.fullmatch(raw):
            raise ApiError(400, f"“{self.name}” must be a whole number, not “{raw[:50]}”.")
        value = int(raw)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            raise ApiError(
                400, f"“{self.name}” must be between {self.minimum} and {self.maximum}."
            )
        return value

    def schema(self):
        """This parameter as an OpenAPI parameter object."""
        schema = {"type": self.kind}
        for key in ("minimum", "maximum", "pattern", "default"):
            if getattr(self, key) is not None:
                schema[key] = getattr(self, key)
        return {
            "name": self.name,
            "in": self.location,
            "required": self.location == "path",
            "description": self.description,
            "schema": schema,
        }


def read_query(request, params):
    """The values of the query parameters ``params`` in ``request``, by name."""
    return {param.name: param.read(request.GET.get(param.name)) for param in params}
