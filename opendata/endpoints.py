"""The API's endpoints, each declared where its view is defined with ``@endpoint``:
its address, what it does, the parameters it reads and the shape it answers with.
The OpenAPI document (opendata/openapi.py) is built from ENDPOINTS."""

from dataclasses import dataclass

from .http import open_data_view
from .params import Param


@dataclass(frozen=True)
class Endpoint:
    path: str  # as OpenAPI writes it: /api/v1/on-this-day/{month}/{day}/
    summary: str
    description: str
    response: str  # a schema of opendata/shapes.py
    params: tuple[Param, ...] = ()
    errors: tuple[int, ...] = ()
    operation_id: str = ""


ENDPOINTS: list[Endpoint] = []


def endpoint(path, summary, description, response, params=(), errors=()):
    """Registers the view as an endpoint of the API, and makes it one (open_data_view):
    read-only, open to any origin, rate-limited, with JSON errors."""

    def decorator(view):
        ENDPOINTS.append(
            Endpoint(path, summary, description, response, tuple(params), errors, view.__name__)
        )
        wrapped = open_data_view(view)
        wrapped.params = tuple(params)
        return wrapped

    return decorator
