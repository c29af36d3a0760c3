"""supervision-forms: supervision agreements and records for UK children's social care.

Render the common models in each council's own Word layout, read completed documents
back, and check them against the council's written standards.

    >>> from supervision_forms import render, parse
    >>> docx_bytes = render(agreement, pack="surrey")
    >>> result = parse("agreement.docx")      # result.data, result.warnings, result.unmapped

Importing the package costs almost nothing: each name below is imported on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module that defines it (imported when the name is first used).
_LAZY: dict[str, str] = {
    "Agreement": "models",
    "CaseRecord": "models",
    "GeneralRecord": "models",
    "Cancellation": "models",
    "DOCUMENT_MODELS": "models",
    "Pack": "packs",
    "PackRegistry": "packs",
    "load_pack": "packs",
    "ParseResult": "reading",
    "ReadWarning": "reading",
    "Unmapped": "reading",
    "parse": "reading",
    "installed_packs": "registry",
    "render": "render",
    "render_pdf": "render",
    "render_to_file": "render",
    "coerce_model": "render",
    "validate_data": "validation",
    "OfficeError": "office",
    "OcrUnavailable": "ocr",
    "ScanUnreadable": "ocr",
    **{
        name: "errors"
        for name in (
            "SupervisionFormsError",
            "UnknownPack",
            "PackError",
            "TemplateSecurityError",
            "UnsupportedFormat",
            "MissingFile",
            "CorruptDocument",
            "DocumentTooLarge",
            "EncryptedDocument",
            "NeedsOcr",
            "NotASupervisionForm",
            "FieldError",
            "InvalidData",
            "RosterError",
            "WrongDocument",
            "OutputFolderError",
            "RenderWarning",
        )
    },
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'supervision_forms' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


class _Package(types.ModuleType):
    """`supervision_forms.render` stays the function `render`, even once its module
    `supervision_forms/render.py` is imported (Python binds a submodule on its parent)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # what type checkers and IDEs see; at run time, __getattr__ above
    from .errors import (
        CorruptDocument,
        DocumentTooLarge,
        EncryptedDocument,
        FieldError,
        InvalidData,
        MissingFile,
        NeedsOcr,
        NotASupervisionForm,
        OutputFolderError,
        PackError,
        RenderWarning,
        RosterError,
        SupervisionFormsError,
        TemplateSecurityError,
        UnknownPack,
        UnsupportedFormat,
        WrongDocument,
    )
    from .models import DOCUMENT_MODELS, Agreement, Cancellation, CaseRecord, GeneralRecord
    from .ocr import OcrUnavailable, ScanUnreadable
    from .office import OfficeError
    from .packs import Pack, PackRegistry, load_pack
    from .reading import ParseResult, ReadWarning, Unmapped, parse
    from .registry import installed_packs
    from .render import coerce_model, render, render_pdf, render_to_file
    from .validation import validate_data
