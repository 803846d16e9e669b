"""The engine is a library in its own right: pure Python, importable without Django or the apps."""

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).parents[2] / "parindex" / "engine"
ALLOWED_PREFIXES = ("parindex.engine", "parindex.vn")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_engine_imports_only_the_standard_library_and_itself():
    offenders: dict[str, list[str]] = {}
    for path in ENGINE.rglob("*.py"):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if module.startswith(ALLOWED_PREFIXES) or top in sys.stdlib_module_names:
                continue
            offenders.setdefault(str(path.relative_to(ENGINE)), []).append(module)
    assert offenders == {}


def test_the_engine_loads_in_a_fresh_interpreter_without_django():
    code = "import sys, parindex.engine; assert 'django' not in sys.modules; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_the_import_contract_forbids_every_parindex_app():
    """The import-linter contract lists packages by name: a new app must be added to it, or it could leak in."""
    import tomllib

    config = tomllib.loads((ENGINE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    engine_contract = next(
        c for c in config["tool"]["importlinter"]["contracts"] if c["source_modules"] == ["parindex.engine"]
    )
    packages = {
        f"parindex.{path.parent.name}"
        for path in (ENGINE.parent).glob("*/__init__.py")
        if path.parent.name not in ("engine", "vn", "demo")
    }
    assert packages <= set(engine_contract["forbidden_modules"])
