import os
import subprocess
import sys
from pathlib import Path

import parindex.vn


def test_it_imports_nothing_from_django():
    # The pure scoring engine uses parindex.vn; a fresh interpreter shows what importing it pulls in.
    probe = "import sys, parindex.vn; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    project_root = Path(parindex.vn.__file__).resolve().parents[2]
    environment = {**os.environ, "PYTHONPATH": str(project_root)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=environment)
    assert result.stdout.strip() == "[]"


def test_it_exports_its_public_functions():
    assert set(parindex.vn.__all__) == {
        "NOT_A_DATE",
        "NOT_A_NUMBER",
        "format_date",
        "format_decimal",
        "format_percent",
        "format_points",
        "parse_date",
        "parse_decimal",
        "sort_key",
    }
