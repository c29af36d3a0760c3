"""Reading documents back into the models."""

from .parse import parse
from .result import ParseResult, ReadWarning, Unmapped

__all__ = ["ParseResult", "ReadWarning", "Unmapped", "parse"]
