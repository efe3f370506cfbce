"""A FastAPI route for endpoints that take one JSON body and nothing else, without FastAPI's per-request machinery
when the body is valid.

FastAPI answers each request through a Request object, a content-type parse with the email package, dependency
resolution and two exit stacks: on the feedback endpoint that was half of the event loop's CPU per vote, and under
a flood the event loop's CPU is the queue every vote waits in. This route keeps FastAPI's declaration (the OpenAPI
document, the status code, the response model) and FastAPI's handling of everything unusual; a request whose body
is `application/json` and valid goes from its bytes straight to the endpoint, with the same validation (the
parameter's own field) and the same serialization (FastAPI's `serialize_response`). Anything else (another
content type, a body that is not JSON or does not validate) is handed to FastAPI's handler with the body as it
came, so that every refusal is FastAPI's, word for word. An exception from the endpoint is answered by the app's
exception handlers, as from any route.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

from fastapi.datastructures import DefaultPlaceholder
from fastapi.routing import APIRoute, serialize_response
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

# What the widget sends. Other spellings FastAPI takes as JSON (a charset, +json) are FastAPI's to read.
_JSON = b"application/json"


class BodyRoute(APIRoute):
    """The route class of an endpoint `async def f(body: Model) -> ResponseModel` (see the module's docstring)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        dependant = self.dependant
        others = (dependant.path_params, dependant.query_params, dependant.header_params, dependant.cookie_params,
                  dependant.dependencies)
        if (len(dependant.body_params) != 1 or any(others) or not inspect.iscoroutinefunction(endpoint)
                or self.response_field is None or not isinstance(self.response_class, DefaultPlaceholder)):
            raise TypeError(f"{path}: a BodyRoute's endpoint is async, takes one body and returns its response model")
        [self._field] = dependant.body_params
        # FastAPI's handler, for everything the fast path leaves to it.
        self.framework_app = self.app
        self.app = self._answer

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        messages = await _read(receive)
        value = self._valid(scope, messages)
        if value is None:
            await self.framework_app(scope, _replay(messages, receive), send)
            return
        result = await self.endpoint(**{self._field.name: value})
        if isinstance(result, Response):
            await result(scope, receive, send)
            return
        content = await serialize_response(
            field=self.response_field, response_content=result, include=self.response_model_include,
            exclude=self.response_model_exclude, by_alias=self.response_model_by_alias,
            exclude_unset=self.response_model_exclude_unset, exclude_defaults=self.response_model_exclude_defaults,
            exclude_none=self.response_model_exclude_none, dump_json=True)
        await send({"type": "http.response.start", "status": self.status_code or 200,
                    "headers": [(b"content-length", str(len(content)).encode()),
                                (b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": content})

    def _valid(self, scope: Scope, messages: list[Message]) -> Any:
        """The endpoint's argument from a whole, valid JSON body, else None (FastAPI then says why)."""
        if messages[-1]["type"] != "http.request":
            return None
        body = b"".join(message.get("body", b"") for message in messages)
        content_type = next((value for name, value in scope["headers"] if name == b"content-type"), None)
        if content_type != _JSON:
            return None
        try:
            data = json.loads(body)
        except ValueError:  # not JSON, or not UTF-8
            return None
        value, errors = self._field.validate(data, {}, loc=("body",))
        return None if errors else value


async def _read(receive: Receive) -> list[Message]:
    """The request's messages up to the end of its body, or up to the client going away."""
    messages = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """`receive` for FastAPI's handler: the messages already read, then whatever comes next."""
    pending = iter(messages)

    async def replay() -> Message:
        return next(pending, None) or await receive()

    return replay
