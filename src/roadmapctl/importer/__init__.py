"""`roadmapctl import`: bring an existing roadmap in from Word, OpenDocument, PDF, Excel, CSV, a web page
or pasted text.

The readers (`docx_source` with `docx_package`, `odt_source`, `pdf_source`, `xlsx_source`, `csv_source`,
`html_source`, `text_source` with the tables drawn in text of `boxtext`) turn a file into neutral tables (`tables`);
Word, OpenDocument and web pages share one assembly of paragraphs and tables (`blocks`); a PDF table
without ruling lines is read from its words' positions (`pdf_words`, `pdf_unruled`); `rows` and
`build` turn rows into sections and measures; `executors` and `glossary` make the executors
glossary; `order` reads the order and the approval stamp before the table; `timing` settles the
period and reviews deadlines; `writer` writes the YAML.
"""

from __future__ import annotations

from pathlib import Path

from roadmapctl.errors import InputError
from roadmapctl.importer.build import ImportResult, build_roadmap
from roadmapctl.importer.convert import CONVERTED
from roadmapctl.importer.tables import Document
from roadmapctl.limits import MAX_IMPORT_BYTES, megabytes

TEXT_SUFFIXES = (".txt", ".tsv", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
CSV_SUFFIXES = (".csv",)
ODT_SUFFIXES = (".odt",)
SAVE_AS_DOCX = "сохраните документ в Word как .docx («Файл → Сохранить как»)"


def read_document(path: Path) -> Document:
    """The file as neutral tables, by its extension."""
    if path.is_dir():
        raise InputError(f"{path} — папка, а не файл")
    if not path.is_file():
        raise InputError(f"файл {path} не найден")
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".pdf", ".xlsx", *TEXT_SUFFIXES, *HTML_SUFFIXES, *CSV_SUFFIXES,
                      *ODT_SUFFIXES, *CONVERTED):
        raise InputError(f"{path}: неизвестный формат «{suffix or 'без расширения'}»",
                         "поддерживаются .docx, .odt, .pdf, .xlsx, .csv, веб-страница .html, текст .txt и .md "
                         "(таблица из Word или нарисованная символами); .doc, .rtf, .xls и .ods — если "
                         "установлен LibreOffice")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"не удалось прочитать {path}: {exc.strerror or exc}") from None
    if size == 0:
        raise InputError(f"{path}: файл пуст")
    if size > MAX_IMPORT_BYTES:
        raise InputError(f"{path}: файл слишком велик ({megabytes(size)}, допустимо не больше "
                         f"{megabytes(MAX_IMPORT_BYTES)}) — это не похоже на дорожную карту")
    if suffix in CONVERTED:
        from roadmapctl.importer.convert import convert, temporary_folder

        with temporary_folder() as folder:
            converted = convert(path, Path(folder))
            try:
                document = read_document(converted)
            except InputError as exc:  # name the user's file, not the temporary one
                raise InputError(exc.message.replace(str(converted), str(path)), exc.hint) from None
        document.name = path.name
        return document
    if suffix == ".docx":
        from roadmapctl.importer.docx_source import read_docx_document

        return read_docx_document(path)
    if suffix == ".pdf":
        from roadmapctl.importer.pdf_source import read_pdf_document

        return read_pdf_document(path)
    if suffix == ".xlsx":
        from roadmapctl.importer.xlsx_source import read_xlsx_document

        return read_xlsx_document(path)
    if suffix in ODT_SUFFIXES:
        from roadmapctl.importer.odt_source import read_odt_document

        return read_odt_document(path)
    if suffix in CSV_SUFFIXES:
        from roadmapctl.importer.csv_source import read_csv_document

        return read_csv_document(path)
    if suffix in HTML_SUFFIXES:
        from roadmapctl.importer.html_source import read_html_document

        return read_html_document(path)
    from roadmapctl.importer.text_source import read_text_document

    return read_text_document(path)


def import_file(path: Path, period: str | None = None) -> ImportResult:
    return build_roadmap(read_document(path), period)
