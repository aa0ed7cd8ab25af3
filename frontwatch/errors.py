"""Errors that carry a code and a hint saying how to fix the problem."""

from __future__ import annotations


class FrontwatchError(Exception):
    code = "error"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class InputRejected(FrontwatchError):
    """One input could not be read; the batch goes on. `reason` is a short machine code."""

    code = "rejected"

    def __init__(self, reason: str, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.reason = reason


class GazetteerMissing(FrontwatchError):
    code = "gazetteer_missing"


class ModelMissing(FrontwatchError):
    code = "model_missing"


class StoreError(FrontwatchError):
    code = "store"


class OutputExists(FrontwatchError, FileExistsError):
    """A file that would be overwritten and is not one Frontwatch wrote (the Python API's `force=False`)."""

    code = "output_exists"


class ConfigError(FrontwatchError):
    """A setting (environment variable or option value) that cannot be used as given."""

    code = "config"


class AmbiguousId(StoreError):
    """An id prefix that matches more than one stored object: the caller must give more characters (the store
    works; the API answers 409, not the 503 of a store failure)."""

    code = "ambiguous_id"


class ExtraMissing(FrontwatchError, ImportError):
    """An optional package a helper needs is not installed (an ImportError too, as Python users expect)."""

    code = "extra_missing"
