"""supervision-forms: supervision agreements and records for UK children's social care.

Render the common models in each council's own Word layout, read completed documents
back, and check them against the council's written standards.

    >>> from supervision_forms import render, parse
    >>> docx_bytes = render(agreement, pack="surrey")
    >>> result = parse("agreement.docx")      # result.data, result.warnings, result.unmapped
"""

from .errors import SupervisionFormsError
from .models import Agreement
from .packs import Pack, PackRegistry, load_pack
from .reading import ParseResult, parse
from .registry import installed_packs
from .render import render, render_to_file

__all__ = [
    "Agreement",
    "Pack",
    "PackRegistry",
    "ParseResult",
    "SupervisionFormsError",
    "installed_packs",
    "load_pack",
    "parse",
    "render",
    "render_to_file",
]
