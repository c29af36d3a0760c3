"""A loaded, checked template pack."""

from __future__ import annotations

import json
import threading
import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from ..docx.layout import LayoutHints
from ..docx.package import read_file
from ..errors import PackError, SupervisionFormsError, UnknownPack
from ..models import DOCUMENT_MODELS
from ..models.paths import leaf_map
from .extras import pack_model
from .spec import DocumentSpec, PackSpec

if TYPE_CHECKING:
    from ..docx.template import CompiledTemplate
    from ..reading.knowledge import FormKnowledge

PACK_FILE = "pack.toml"
RULES_FILE = "rules.toml"  # the council's own standards, read by supervision_forms.standards
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024


@dataclass
class Pack:
    """A council's layouts: its pack file and compiled templates, checked on load."""

    spec: PackSpec
    root: Traversable | Path
    _templates: dict[str, CompiledTemplate] = field(default_factory=dict, repr=False)
    _models: dict[str, type[BaseModel]] = field(default_factory=dict, repr=False)
    _knowledge: dict[str, FormKnowledge] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def documents(self) -> list[str]:
        return list(self.spec.documents)

    def document(self, kind: str) -> DocumentSpec:
        try:
            return self.spec.documents[kind]
        except KeyError:
            offered = ", ".join(self.spec.documents)
            raise UnknownPack(f"pack '{self.name}' has no '{kind}' document (it offers: {offered})") from None

    def model(self, kind: str) -> type[BaseModel]:
        """The document's model: the common one, with the fields this council adds (`extra`)."""
        doc = self.document(kind)
        if kind not in self._models:
            self._models[kind] = pack_model(DOCUMENT_MODELS[kind], self.name, doc.extra)
        return self._models[kind]

    @property
    def rules_path(self) -> Traversable | Path | None:
        """The council's written rules shipped with the pack (`rules` in pack.toml), if any."""
        return self.root / self.spec.rules if self.spec.rules else None

    def template(self, kind: str) -> CompiledTemplate:
        """The compiled template for a document kind: compiled, and checked, on first use
        and then shared. Raises `PackError` when the template is broken."""
        with self._lock:
            if kind not in self._templates:
                self._templates[kind] = self._compile(kind)
            return self._templates[kind]

    def knowledge(self, kind: str) -> FormKnowledge:
        """What reading knows about a document kind's printed form (built once, then shared)."""
        found = self._knowledge.get(kind)
        if found is None:
            built = self._kept_knowledge(kind)
            with self._lock:
                found = self._knowledge.setdefault(kind, built)
        return found

    def _kept_knowledge(self, kind: str) -> FormKnowledge:
        """The knowledge kept in the user's cache folder when this very pack and library
        made it before (the template is then not compiled: reading a scan or PDF needs only
        this); else built from the compiled template, and kept."""
        from ..reading.knowledge import FormKnowledge
        from ..reading.knowledge_cache import keep, load

        data = self._template_bytes(kind)
        kept = load(self, kind, data)
        if kept is not None:
            return kept
        built = FormKnowledge.build(self, kind)
        keep(self, kind, data, built)
        return built

    def check(self) -> None:
        """Compile and check every template now (`load_pack` does, unless told not to)."""
        for kind in self.spec.documents:
            self.template(kind)

    def example(self, kind: str) -> BaseModel:
        """The pack's complete example for a document kind."""
        doc = self.document(kind)
        if doc.example is None:
            raise UnknownPack(f"pack '{self.name}' has no example {kind}")
        try:
            raw = json.loads((self.root / doc.example).read_text(encoding="utf-8"))
            return self.model(kind).model_validate(raw)
        except (OSError, ValueError) as error:
            raise PackError(
                f"pack '{self.name}': example {doc.example} is broken: {type(error).__name__}"
            ) from None

    def rules_text(self) -> str | None:
        """The pack's own rules file (rules.toml beside pack.toml) as text; None when it
        ships none. `supervision_forms.standards` parses and checks it."""
        source = self.root / RULES_FILE
        try:
            return source.read_text(encoding="utf-8") if source.is_file() else None
        except (OSError, UnicodeDecodeError):
            raise PackError(f"pack '{self.name}': cannot read {RULES_FILE}") from None

    def identity(self, kind: str) -> str:
        return f"supervision-forms; pack={self.name}; document={kind}; version={self.spec.version}"

    def empty_text(self, kind: str, generic_path: str) -> str:
        spec = self.document(kind).fields.get(generic_path.removesuffix("[]"))
        if spec is not None and spec.empty is not None:
            return spec.empty
        return self.spec.empty

    def _template_bytes(self, kind: str) -> bytes:
        doc = self.document(kind)
        source = self.root / doc.template
        try:
            data = read_file(source, MAX_TEMPLATE_BYTES) if isinstance(source, Path) else source.read_bytes()
        except (OSError, SupervisionFormsError):
            raise PackError(f"pack '{self.name}': cannot read template {doc.template}") from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise PackError(f"pack '{self.name}': template {doc.template} is too large")
        return data

    def _compile(self, kind: str) -> CompiledTemplate:
        from ..docx.template import compile_template

        doc = self.document(kind)
        template = compile_template(
            self._template_bytes(kind),
            empty_text=lambda path: self.empty_text(kind, path),
            properties={"title": doc.title, "subject": doc.title, "keywords": self.identity(kind)},
            label=f"pack '{self.name}' template {doc.template}",
            choices={
                leaf.path: leaf.choice_labels()
                for leaf in leaf_map(self.model(kind)).values()
                if leaf.choices
            },
            hints=LayoutHints(
                signatures=[path for path, spec in doc.fields.items() if spec.place == "signature"],
                new_line=[path for path, spec in doc.fields.items() if spec.new_line],
            ),
        )
        self._check_slots(kind, template)
        self._check_printed(kind, template)
        return template

    def _check_printed(self, kind: str, template: CompiledTemplate) -> None:
        """Each printed fact's words are on the form (so the knowledge cannot go stale)."""
        printed = " ".join(template.printed_text().split()).casefold()
        for path, fact in self.document(kind).printed.items():
            if " ".join(fact.text.split()).casefold() not in printed:
                raise PackError(
                    f"pack '{self.name}' {kind}: the printed text given for '{path}' is not on the form"
                )

    def _check_slots(self, kind: str, template: CompiledTemplate) -> None:
        known = leaf_map(self.model(kind))
        declared = set(self.document(kind).fields)
        tagged = {slot.path for slot in template.slots} | template.display_paths
        for path in sorted(tagged):
            if path not in known:
                raise PackError(f"pack '{self.name}' {kind}: template tag names unknown field '{path}'")
            if path.removesuffix("[]") not in declared:
                raise PackError(
                    f"pack '{self.name}' {kind}: template tag '{path}' is not declared in {PACK_FILE}"
                )
        used = {path.removesuffix("[]") for path in tagged}
        unused = sorted(declared - used)
        if unused:
            raise PackError(
                f"pack '{self.name}' {kind}: declared in {PACK_FILE} but not in the template: "
                + ", ".join(unused)
            )


def load_pack(root: Traversable | Path, *, compile_templates: bool = True) -> Pack:
    """Load and check a pack folder: its pack file, model paths and templates. With
    `compile_templates=False` each template is compiled and checked on first use instead
    (the installed packs load this way, so a command pays only for what it uses)."""
    root = Path(root) if isinstance(root, str) else root
    try:
        raw = tomllib.loads((root / PACK_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise PackError(f"{root}: no readable {PACK_FILE}") from None
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{root}/{PACK_FILE}: {error}") from None
    try:
        spec = PackSpec.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackError(f"{root}/{PACK_FILE}: {where}: {first['msg']}") from None
    pack = Pack(spec, root)
    for kind, doc in spec.documents.items():
        if kind not in DOCUMENT_MODELS:
            raise PackError(f"pack '{spec.name}': unknown document kind '{kind}'")
        known = leaf_map(pack.model(kind))
        for path in doc.fields:
            if path not in known and f"{path}[]" not in known:
                hint = f" (declare it under [documents.{kind}.extra])" if path.startswith("extra.") else ""
                raise PackError(f"pack '{spec.name}' {kind}: unknown model path '{path}'{hint}")
        for path in doc.printed:
            if path not in known:
                raise PackError(f"pack '{spec.name}' {kind}: printed value for unknown model path '{path}'")
    if spec.rules is not None and not (root / spec.rules).is_file():
        raise PackError(f"pack '{spec.name}': rules file {spec.rules} is missing")
    if compile_templates:
        pack.check()
    return pack
