"""`roadmapctl render` through the real command line: files, messages, exit codes."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from conftest import DATA, ROADMAPS, ROOT, run_process

SMALL = DATA / "positive" / "render-small.yaml"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    shutil.copy(SMALL, path)
    return path


def test_default_output_next_to_the_roadmap(cli, small: Path) -> None:
    result = cli("render", small)
    target = small.with_suffix(".docx")
    assert (result.code, result.err) == (0, "")
    assert result.out == f"Записан файл {target} (приказ и приложение, DOCX)\n"
    document = docx.Document(str(target))
    assert "ПРИКАЗЫВАЮ:" in [p.text for p in document.paragraphs]
    result = cli("render", small, "--format", "html", "--what", "annex")
    assert result.out == f"Записан файл {small.with_name('small-annex.html')} (приложение, HTML)\n"
    result = cli("render", small, "--what", "order")
    assert result.out == f"Записан файл {small.with_name('small-order.docx')} (приказ, DOCX)\n"


def test_roadmap_without_order_prints_the_annex(cli, tmp_path: Path) -> None:
    path = tmp_path / "lysva.yaml"
    shutil.copy(ROADMAPS / "lysva-2021-2022.yaml", path)
    result = cli("render", path)
    assert result.out == f"Записан файл {tmp_path / 'lysva.docx'} (приложение, DOCX)\n"
    result = cli("render", path, "--what", "order", "-o", tmp_path / "x.docx")
    assert result.code == 2
    assert result.err == ("roadmapctl: ошибка: в карте нет блока order: — приказ печатать не из чего\n"
                          "  напечатайте только приложение: --what annex\n")


def test_refuses_to_overwrite_without_force(cli, small: Path) -> None:
    target = small.with_name("out.html")
    target.write_text("старое", encoding="utf-8")
    result = cli("render", small, "-o", target)
    assert result.code == 2
    assert result.err == (f"roadmapctl: ошибка: файл {target} уже существует и создан не roadmapctl\n"
                          "  чтобы перезаписать его, добавьте --force\n")
    assert target.read_text(encoding="utf-8") == "старое"
    result = cli("render", small, "-o", target, "--force")
    assert result.code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # format from -o


def test_output_name_must_fit_the_format(cli, small: Path) -> None:
    pdf = small.with_name("приказ.pdf")
    result = cli("render", small, "-o", pdf)
    assert (result.code, result.err) == (2, (
        "roadmapctl: ошибка: -o: приказ.pdf — для формата docx нужно расширение .docx\n"
        "  PDF roadmapctl не делает: запишите .docx и сохраните его как PDF в Word или LibreOffice\n"))
    result = cli("render", small, "-o", small.with_name("x.html"), "--format", "docx")
    assert (result.code, result.err) == (2, (
        "roadmapctl: ошибка: -o: x.html — для формата docx нужно расширение .docx\n"
        "  укажите файл с расширением .docx или другой --format\n"))
    assert sorted(p.name for p in small.parent.iterdir()) == ["small.yaml"]
    result = cli("render", small, "-o", small.with_name("x.HTM"))
    assert (result.code, result.out) == (0, f"Записан файл {small.with_name('x.HTM')} (приказ и приложение, HTML)\n")


def test_output_dash_writes_to_stdout(cli, small: Path, thorough_run: bool) -> None:
    """DOCX in a real process, whose binary standard output is what is at stake; HTML (text) in this
    process by default and in a real one as well in the thorough profile."""
    args = ("render", small, "-o", "-", "--format", "html", "--what", "order")
    html = run_process(*args) if thorough_run else cli(*args)
    assert (html.code, html.err) == (0, "")
    assert html.out.startswith("<!DOCTYPE html>") and "ПРИКАЗЫВАЮ:" in html.out
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "render", str(small), "-o", "-"],
                          capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0
    assert "ПРИКАЗЫВАЮ:" in [p.text for p in docx.Document(io.BytesIO(proc.stdout)).paragraphs]
    assert sorted(p.name for p in small.parent.iterdir()) == ["small.yaml"]


def test_roadmap_with_load_errors_is_not_rendered(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: Карта\nperiod: 2023/2024\nsections: 5\nfoo: 1\n", encoding="utf-8")
    result = cli("render", path)
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: в карте {path} ")
    assert "— документ не построен\n" in result.err
    assert result.err.endswith(f"  подробности: roadmapctl check {path}\n")
    assert list(tmp_path.iterdir()) == [path]


def test_bad_options(cli, small: Path) -> None:
    cases = {
        ("--what", "all"): "--what: «all» — допустимо both, order, annex",
        ("--format", "pdf"): "--format: «pdf» — допустимо docx, html",
        ("--gost", "2003"): "--gost: «2003» — допустимо 2025, 2016",
        ("--executors", "id"): "--executors: «id» — допустимо full, short",
        ("--qr", "x", "--gost", "2016"): "QR-кода нет среди реквизитов ГОСТ Р 7.0.97-2016",
    }
    for args, message in cases.items():
        result = cli("render", small, *args)
        assert result.code == 2, args
        assert result.err.startswith(f"roadmapctl: ошибка: {message}\n"), result.err
    missing = cli("render", small.with_name("nope.yaml"))
    assert (missing.code, missing.err.splitlines()[0]) == (
        2, f"roadmapctl: ошибка: файла {small.with_name('nope.yaml')} нет")


def test_user_html_template_typo_names_template_and_line(cli, small: Path) -> None:
    template = small.with_name("my.html.j2")
    template.write_text("<h1>{{ roadmap.title }}</h1>\n<p>{{ roadmap.titel }}</p>\n", encoding="utf-8")
    result = cli("render", small, "--template", template, "-o", small.with_name("o.html"))
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"roadmapctl: ошибка: ошибка в шаблоне {template}, строка 2: неизвестное поле «titel»")
    template.write_text("ok\n{{ missing }}\n", encoding="utf-8")
    result = cli("render", small, "--template", template, "-o", small.with_name("o.html"))
    assert result.err.splitlines()[0].endswith("строка 2: неизвестная переменная «missing»")
    template.write_text("{% if %}\n", encoding="utf-8")
    result = cli("render", small, "--template", template, "-o", small.with_name("o.html"))
    assert ", строка 1: синтаксическая ошибка шаблона" in result.err


def test_user_html_template_failing_at_run_time_is_a_template_error(cli, small: Path) -> None:
    """Whatever a user's template does wrong is exit 2 naming it, never an internal error."""
    template = small.with_name("my.html")
    out = small.with_name("o.html")
    cases = {
        "ok\n{{ 1 / 0 }}\n": "строка 2: ZeroDivisionError: division by zero",
        '{{ "%d"|format("x") }}': "строка 1: TypeError: %d format: a real number is required, not str",
        "ok\n{% if 1 %}{{ roadmap.title|date_wrds }}{% endif %}": "строка 2: неизвестный фильтр «date_wrds»",
        "{{ roadmap.title|date_wrds }}": "строка 1: неизвестный фильтр «date_wrds»",
        "\n\n{% if roadmap is odd_one %}{% endif %}": "строка 3: неизвестная проверка «odd_one»",
        '{% include "nope.html" %}': "строка 1: не найден подключаемый шаблон «nope.html»",
    }
    for text, message in cases.items():
        template.write_text(text, encoding="utf-8")
        result = cli("render", small, "--template", template, "-o", out)
        assert (result.code, result.err.splitlines()[0]) == (
            2, f"roadmapctl: ошибка: ошибка в шаблоне {template}, {message}"), text
    template.write_bytes("<p>Приказ {{ roadmap.title }}</p>".encode("cp1251"))
    result = cli("render", small, "--template", template, "-o", out)
    assert (result.code, result.err.splitlines()[0]) == (
        2, f"roadmapctl: ошибка: ошибка в шаблоне {template}: текст шаблона не в кодировке UTF-8")
    assert not out.exists()


def test_error_in_an_included_template_names_that_file(cli, small: Path) -> None:
    main, part = small.with_name("main.html"), small.with_name("part.html")
    main.write_text("<h1>{{ roadmap.title }}</h1>\n\n{% include 'part.html' %}\n", encoding="utf-8")
    part.write_text("<p>шапка</p>\n<p>{{ order.sigantory }}</p>\n", encoding="utf-8")
    result = cli("render", small, "--template", main, "-o", small.with_name("o.html"))
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"roadmapctl: ошибка: ошибка в шаблоне {part}, строка 2: неизвестное поле «sigantory»")


def test_user_template_runs_sandboxed_and_escaped(cli, small: Path) -> None:
    template = small.with_name("evil.html")
    template.write_text("{{ roadmap.title.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    result = cli("render", small, "--template", template, "-o", small.with_name("o.html"))
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"roadmapctl: ошибка: ошибка в шаблоне {template}, строка 1: шаблону это запрещено "
        "(access to attribute '__class__' of 'str' object is unsafe.)")
    template.write_text("{% set x = annex.rows.append(1) %}", encoding="utf-8")  # immutable
    result = cli("render", small, "--template", template, "-o", small.with_name("o.html"))
    assert result.code == 2 and "access to attribute 'append' of 'list' object is unsafe" in result.err
    template.write_text("<p>{{ annex.rows[1].title }}|{{ order.points|length }}</p>", encoding="utf-8")
    text = small.read_text(encoding="utf-8").replace(
        "Назначение ответственных за профориентацию", "'<b>Назначение</b> & Ко'")
    small.write_text(text, encoding="utf-8")
    result = cli("render", small, "--template", template, "-o", small.with_name("o.html"))
    assert result.code == 0
    assert small.with_name("o.html").read_text(encoding="utf-8") == (
        "<p>&lt;b&gt;Назначение&lt;/b&gt; &amp; Ко|5</p>")


def test_user_docx_template(cli, small: Path, tmp_path: Path) -> None:
    from docx import Document

    own = Document(str(ROOT / "templates" / "roadmap.docx"))
    own.paragraphs[2].runs[0].text = "ДЕПАРТАМЕНТ: {{ line }}"
    template = tmp_path / "own.docx"
    own.save(str(template))
    result = cli("render", small, "--template", template, "-o", tmp_path / "own-out.docx")
    assert result.code == 0, result.err
    text = [p.text for p in Document(str(tmp_path / "own-out.docx")).paragraphs]
    assert text[:2] == ["ДЕПАРТАМЕНТ: АДМИНИСТРАЦИЯ ГОРОДА ЭНСКА", "ДЕПАРТАМЕНТ: УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"]
    own.paragraphs[2].runs[0].text = "{{ lien }}"
    own.save(str(template))
    result = cli("render", small, "--template", template, "-o", tmp_path / "bad.docx")
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: ошибка в шаблоне {template}, строка разметки ")
    assert "неизвестная переменная «lien» (около «{{ lien }}»)" in result.err
    own.paragraphs[2].runs[0].text = "{{ 1 / 0 }}"
    own.save(str(template))
    result = cli("render", small, "--template", template, "-o", tmp_path / "bad.docx")
    assert result.code == 2
    assert "ZeroDivisionError: division by zero (около «{{ 1 / 0 }}»)" in result.err
    own.paragraphs[2].runs[0].text = "{{ line "  # docxtpl would read on to a later «}}»
    own.save(str(template))
    result = cli("render", small, "--template", template, "-o", tmp_path / "bad.docx")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: ошибка в шаблоне {template}: тег не закрыт в том же абзаце "
        "(около «{{ line »)\n"
        "  каждый тег {{ … }} и {% … %} начинается и заканчивается в одном абзаце\n"))
    wrong = cli("render", small, "--template", template, "--format", "html")
    assert wrong.code == 2 and "для формата html нужен шаблон HTML" in wrong.err
    not_word = tmp_path / "fake.docx"
    not_word.write_text("не Word", encoding="utf-8")
    result = cli("render", small, "--template", not_word, "-o", tmp_path / "x.docx")
    assert result.code == 2 and "не читается как документ Word" in result.err


def test_real_process_writes_a_valid_docx(small: Path) -> None:
    result = run_process("render", small, "-o", small.with_name("p.docx"))
    assert (result.code, result.err) == (0, "")
    data = small.with_name("p.docx").read_bytes()
    assert len(docx.Document(io.BytesIO(data)).tables[0].rows) > 5


def test_render_fixtures_pass_check(cli) -> None:
    result = cli("check", SMALL, DATA / "positive" / "hostile.yaml")
    assert (result.code, result.out) == (0, "Замечаний нет: проверено 2 файла.\n")


def test_timeline_only_on_request_and_only_in_html(cli, small: Path) -> None:
    out = small.with_name("doc.html")
    assert cli("render", small, "-o", out).code == 0
    document = out.read_text(encoding="utf-8")
    assert "Мероприятия на шкале времени" not in document and "<svg" not in document
    assert cli("render", small, "-o", out, "--timeline", "--force").code == 0
    assert "Мероприятия на шкале времени" in out.read_text(encoding="utf-8")
    result = cli("render", small, "-o", small.with_name("doc.docx"), "--timeline")
    assert result.code == 2
    assert result.err.startswith("roadmapctl: ошибка: --timeline: шкала времени есть только в HTML")


def test_draft_order_keeps_the_blanks_in_the_annex_mark(cli, small: Path) -> None:
    text = small.read_text(encoding="utf-8")
    draft = text.replace("  date: 2023-08-20\n  number: 15-у\n", "")
    assert draft.count("15-у") == text.count("15-у") - 2
    small.write_text(draft, encoding="utf-8")
    out = small.with_name("draft.html")
    result = cli("render", small, "-o", out)
    assert (result.code, result.err) == (0, "")
    html = out.read_text(encoding="utf-8")
    assert "<span>__________</span><span>№ ______</span>" in html  # the order
    mark = html[html.index('<div class="mark">'):]
    assert "<p>от __________ №\u00a0______</p>" in mark[:mark.index("</div>")]


def test_stamp_and_order_mismatch_is_a_warning_not_a_failure(cli, small: Path) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_text(text.replace("  date: 2023-08-20\n  number: 15-у\norder:",
                                  "  date: 2023-03-20\n  number: 15-у\norder:"), encoding="utf-8")
    result = cli("render", small, "-o", small.with_name("x.docx"))
    assert result.code == 0
    assert result.out == f"Записан файл {small.with_name('x.docx')} (приказ и приложение, DOCX)\n"
    assert result.err == (f"предупреждение: {small}:12: дата в грифе утверждения (20.03.2023) не совпадает "
                          "с датой приказа (20.08.2023) [R109]\n")
