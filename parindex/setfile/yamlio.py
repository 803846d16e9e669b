"""Reading criteria-set YAML with what a validator needs and PyYAML does not give by default.

- Numbers with a decimal point become exact Decimals (10.05 stays 10.05, never 10.050000000000000711).
- Every mapping remembers the line it starts on, so each error can say where it is.
- A key written twice in one mapping is an error (PyYAML would silently keep the last one).
- Only plain data: no Python objects can be built from a file (a safe loader).
- Booleans are only true / false, as in YAML 1.2. YAML 1.1 also reads on, off, yes, no, y, n as booleans,
  which would turn the rule parameters `on:`, `yes:` and `no:` into True and False.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml

MSG_DUPLICATE_KEY = "khóa “{key}” được viết hai lần (dòng {first} và dòng {second})"


class LineDict(dict[str, Any]):
    """A mapping from the file, with the (1-based) line it starts on."""

    line: int | None = None


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    pass


_BOOL_TAG = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    first_seen: dict[object, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in first_seen:
            raise DuplicateKeyError(
                problem=MSG_DUPLICATE_KEY.format(key=key, first=first_seen[key], second=line),
                problem_mark=key_node.start_mark,
            )
        first_seen[key] = line
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_decimal(loader: _Loader, node: yaml.ScalarNode) -> Decimal | float:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        return Decimal(text)
    except ArithmeticError:
        return float(loader.construct_yaml_float(node))  # .inf / .nan: rejected later as "not a number"


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def read_yaml(text: str) -> Any:
    """Parse YAML text; raises yaml.YAMLError (with line and column) on broken syntax or repeated keys."""
    return yaml.load(text, Loader=_Loader)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        # A value used twice (one Decimal object as a maximum and a rule's points) must be written twice,
        # never as an &anchor / *alias that people cannot read and that makes equal sets dump differently.
        return True


def _represent_decimal(dumper: _Dumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _represent_decimal)


def write_yaml(data: Any) -> str:
    """YAML text for plain data. Strings that would read back as numbers ("1.10") are quoted by PyYAML."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)
