"""One error shape for every failure, `{"error": {"code", "message", "hint"}}`, and the exception → status map.

Handlers never echo a traceback or an internal message for unexpected errors (500): those go to the log only.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontwatch.errors import (
    AmbiguousId,
    FrontwatchError,
    GazetteerMissing,
    InputRejected,
    ModelMissing,
    StoreError,
)

log = logging.getLogger("frontwatch.api")


class ApiError(Exception):
    """An error the API reports as is: status, code, message and a hint saying how to fix the request."""

    def __init__(self, status: int, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint


# Domain exception → HTTP status. The first matching class (in this order) wins.
STATUS_OF: tuple[tuple[type[Exception], int], ...] = (
    (InputRejected, 422),
    (AmbiguousId, 409),  # the request is fine, the prefix is too short for the data: give more characters
    (GazetteerMissing, 503),
    (ModelMissing, 503),
    (StoreError, 503),
    (FrontwatchError, 500),
    (ValueError, 422),
)

_HTTP_CODES = {
    400: ("bad_request", None),
    401: ("unauthorized", "send the server's token as `Authorization: Bearer <token>`"),
    403: ("forbidden", None),
    404: ("not_found", "see /docs for the routes and /events for ids"),
    405: ("method_not_allowed", "see /docs for the methods each route accepts"),
    409: ("conflict", None),
    413: ("too_large", None),
    415: ("unsupported_media_type", "send JSON with `Content-Type: application/json`"),
    422: ("invalid_request", None),
    500: ("internal", "the server log has the details"),
    503: ("unavailable", None),
}


def error_response(status: int, code: str, message: str, hint: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "hint": hint}}, status_code=status)


def _validation_message(errors: list[dict]) -> tuple[str, str | None]:
    parts = []
    for err in errors[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request", "see /docs for each parameter's type and format"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.hint)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, hint = _HTTP_CODES.get(exc.status_code, ("http_error", None))
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        response = error_response(exc.status_code, code, message, hint)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _request_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, hint = _validation_message(list(exc.errors()))
        return error_response(422, "invalid_request", message, hint)

    @app.exception_handler(ValidationError)
    async def _body_invalid(_request: Request, exc: ValidationError) -> JSONResponse:
        message, hint = _validation_message(list(exc.errors()))  # type: ignore[arg-type]
        return error_response(422, "invalid_request", message, hint)

    async def _domain_error(_request: Request, exc: Exception) -> JSONResponse:
        status = next(st for cls, st in STATUS_OF if isinstance(exc, cls))
        if isinstance(exc, FrontwatchError):
            code, message, hint = exc.code, exc.message, exc.hint
        else:
            code, message, hint = "invalid_request", str(exc), None
        if status >= 500:
            log.error("request failed: %s", exc, exc_info=exc)
        return error_response(status, code, message, hint)

    # Domain errors are handled inside the app (clean responses); anything else is a 500 with no details leaked.
    app.add_exception_handler(FrontwatchError, _domain_error)
    app.add_exception_handler(ValueError, _domain_error)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error", exc_info=exc)
        return error_response(500, "internal", "internal server error", "the server log has the details")
