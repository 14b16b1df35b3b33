"""The package's layers hold (import-linter), and the contract really fails on a renderer that reads the data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, env=dict(os.environ, PYTHONPATH=str(root)),
                          capture_output=True, text=True, timeout=300)


def test_every_import_contract_is_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_renderer_that_reads_the_data_breaks_the_contracts(tmp_path):
    shutil.copytree(ROOT / "guide", tmp_path / "guide", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    routes = tmp_path / "guide" / "renderers" / "routes.py"
    routes.write_text(routes.read_text(encoding="utf-8").replace(
        "from . import Renderer", "from . import Renderer\nfrom ..routing.routes import plan_place  # noqa"),
        encoding="utf-8")
    standard = tmp_path / "guide" / "renderers" / "standard.py"
    standard.write_text(standard.read_text(encoding="utf-8").replace(
        "from . import Renderer", "from . import Renderer\nfrom ..language.pl import phrasing  # noqa"), encoding="utf-8")
    schema = tmp_path / "guide" / "data" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8") + "\nfrom ..document import composition  # noqa\n",
                      encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert "Renderers read only the guide document BROKEN" in result.stdout
    assert "guide.renderers.routes -> guide.routing.routes" in result.stdout
    assert "guide.renderers.standard -> guide.language.pl.phrasing" in result.stdout
    assert "Each stage imports only the stages below it BROKEN" in result.stdout
    assert "guide.data.schema -> guide.document.composition" in result.stdout
