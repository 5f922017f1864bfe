"""The body of a .docx, read from its main document part alone.

python-docx's `Document()` loads and parses every part of the package
(styles, settings, numbering, fonts, headers and each part's relationships):
18 ms of the 20 that reading a small roadmap takes, while the importer reads
only the body.  The main part is found the way python-docx finds it: the
package's relationship of type officeDocument, whose content type must be a
Word document (not a template, a document with macros, a workbook renamed);
its XML is parsed by python-docx's own parser, so the elements are the same
classes with the same protections (no entities resolved).

Errors are those python-docx raises for the same faults (KeyError for a
missing part or relationship, ValueError for another kind of package, lxml's
XMLSyntaxError for broken XML), so `docx_source` reports them the same way.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import Any

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def read_body(path: Path) -> tuple[Any, Any | None, Any | None]:
    """The `<w:body>` element of the document at `path`, and its numbering and styles parts' roots
    (None when absent or unreadable: list numbers are then not drawn, the text still reads)."""
    import docx  # noqa: F401 - registers the element classes the body is made of
    from docx.oxml.parser import parse_xml

    with zipfile.ZipFile(path) as archive:
        part = _main_part(archive, parse_xml)
        if _content_type(archive, part, parse_xml) != _WORD:
            raise ValueError(f"{path}: the main part is no Word document")
        document: Any = parse_xml(archive.read(part.lstrip("/")))
        related = _related(archive, part, parse_xml)
        return document.body, related.get("numbering"), related.get("styles")


def _related(archive: zipfile.ZipFile, part: str, parse_xml: Any) -> dict[str, Any]:
    """The main part's numbering and styles parts, parsed; a broken or missing one is left out."""
    from lxml.etree import XMLSyntaxError

    folder, name = posixpath.split(part)
    out: dict[str, Any] = {}
    try:
        rels = parse_xml(archive.read(posixpath.join(folder, "_rels", f"{name}.rels").lstrip("/")))
        for rel in rels.iter(_RELATIONSHIPS):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in ("numbering", "styles") and rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                out[kind] = parse_xml(archive.read(target.lstrip("/")))
    except (KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, OSError):
        return out
    return out


def _main_part(archive: zipfile.ZipFile, parse_xml: Any) -> str:
    """The main part's name («/word/document.xml») from the package's relationships."""
    targets = [rel.get("Target", "") for rel in parse_xml(archive.read("_rels/.rels")).iter(_RELATIONSHIPS)
               if rel.get("Type") == _MAIN and rel.get("TargetMode") != "External"]
    if not targets:
        raise KeyError("no officeDocument relationship")
    if len(targets) > 1:
        raise ValueError("more than one officeDocument relationship")
    return posixpath.abspath(posixpath.join("/", targets[0]))


def _content_type(archive: zipfile.ZipFile, part: str, parse_xml: Any) -> str:
    """The part's content type: its override, else the default of its extension (names case-insensitive,
    the last entry winning)."""
    types = parse_xml(archive.read("[Content_Types].xml"))
    overrides = {o.get("PartName", "").lower(): o.get("ContentType", "") for o in types.iter(f"{_TYPES}Override")}
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in types.iter(f"{_TYPES}Default")}
    extension = posixpath.splitext(part)[1][1:].lower()
    found = overrides.get(part.lower(), defaults.get(extension))
    if found is None:
        raise KeyError(f"no content type for {part}")
    return str(found)
