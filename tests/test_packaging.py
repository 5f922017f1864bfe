"""The wheel carries what an installed roadmapctl needs, and finds it by one lookup.

Methodologists install the wheel, never a checkout: a template missing from it
would only show when they first render.  The wheel is built from this checkout
with hatchling (the build backend), unpacked, and the package is imported from
the unpacked files in a separate process, so `importlib.resources` resolves
the templates inside the wheel's layout and not through the checkout's symlink.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROADMAPS, ROOT

TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    builders = pytest.importorskip("hatchling.builders.wheel", reason="нужен hatchling (тестовые зависимости)")
    out = tmp_path_factory.mktemp("wheel")
    built = list(builders.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))
    assert len(built) == 1
    return Path(built[0])


def test_wheel_built_from_the_sdist_carries_the_templates(tmp_path: Path) -> None:
    """`pip install roadmapctl-….tar.gz` builds the wheel from the unpacked sdist."""
    import tarfile

    sdist = pytest.importorskip("hatchling.builders.sdist", reason="нужен hatchling (тестовые зависимости)")
    builders = pytest.importorskip("hatchling.builders.wheel")
    [archive] = sdist.SdistBuilder(str(ROOT)).build(directory=str(tmp_path / "sdist"), versions=["standard"])
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "unpacked", filter="data")
    [top] = {n.split("/")[0] for n in names}
    assert sorted(n.split("/")[-1] for n in names if n.startswith(f"{top}/templates/")) == _shipped()
    [wheel] = builders.WheelBuilder(str(tmp_path / "unpacked" / top)).build(
        directory=str(tmp_path / "wheel"), versions=["standard"])
    packed = [n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("roadmapctl/templates/")]
    assert sorted(n.removeprefix("roadmapctl/templates/") for n in packed) == _shipped()


def _shipped() -> list[str]:
    return sorted(p.name for p in TEMPLATES.iterdir() if p.is_file())


def test_every_template_ships_once_and_the_builder_does_not(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert len(names) == len(set(names))
    packed = sorted(n.removeprefix("roadmapctl/templates/") for n in names if n.startswith("roadmapctl/templates/"))
    assert packed == _shipped()
    assert {"roadmap.docx", "roadmap.html.j2", "diff.html.j2", "report.html.j2", "site.html.j2"} <= set(packed)
    assert not [n for n in names if n.endswith("build_docx_template.py")]


def test_the_package_finds_every_shipped_template() -> None:
    """Editable (through the symlink) or installed (scripts/test.sh): the same files."""
    import roadmapctl
    from roadmapctl.render.jinja import templates_dir

    found = templates_dir()
    assert found == Path(roadmapctl.__file__).parent / "templates"
    assert sorted(p.name for p in found.iterdir() if p.is_file()) == _shipped()


@pytest.mark.slow  # two real processes that import docxtpl and jinja2
def test_installed_wheel_renders_with_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}
    probe = subprocess.run(
        [sys.executable, "-c", "from roadmapctl.render.jinja import templates_dir; print(templates_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == site / "roadmapctl" / "templates"
    for fmt, name in (("html", "out.html"), ("docx", "out.docx")):
        done = subprocess.run(
            [sys.executable, "-m", "roadmapctl", "render", str(ROADMAPS / "lysva-2021-2022.yaml"),
             "--format", fmt, "-o", name],
            cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert (tmp_path / name).stat().st_size > 1000
