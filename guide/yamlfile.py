"""Reading YAML the way coordinators write it, keeping line numbers for error messages."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem

__all__ = ["LineDict", "LineList", "read_yaml", "line_of"]


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int | None = None
    key_lines: dict


class LineList(list):
    """A sequence that remembers its line and the line of each item."""

    line: int | None = None
    item_lines: list


def line_of(container, key=None) -> int | None:
    """The 1-based line of a key (or item index) in a container read by read_yaml."""
    if isinstance(container, LineDict) and key is not None:
        return container.key_lines.get(key, container.line)
    if isinstance(container, LineList) and isinstance(key, int) and key < len(container.item_lines):
        return container.item_lines[key]
    return getattr(container, "line", None)


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates and clock times ("7:30") as the strings the coordinator wrote."""

    duplicate_keys: list


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            key = str(key)
        if key in result:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_number(loader: _Loader, node: yaml.ScalarNode):
    if ":" in node.value:  # YAML 1.1 would read 7:30 as the base-60 number 450
        return node.value
    constructor = yaml.SafeLoader.construct_yaml_int if node.tag.endswith(":int") else yaml.SafeLoader.construct_yaml_float
    return constructor(loader, node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_number)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_number)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def read_yaml(path: Path, shown_as: str, problems: list[Problem]):
    """Parse one YAML file; on failure record a Problem and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(shown_as, "file", f"Expected UTF-8 text but the file has an invalid byte at position {error.start}",
                                "Save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)."))
        return None
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = (error.problem or "invalid YAML").strip()
        problems.append(Problem(shown_as, "YAML syntax", f"The file is not valid YAML: {what}",
                                "Check indentation (spaces, not tabs), colons after keys and matching quotes on this line "
                                "and the one above.", line))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(shown_as, "YAML syntax", f"The file is not valid YAML: {error}", "Check the file's syntax."))
        return None
    finally:
        loader.dispose()
    for key, line in loader.duplicate_keys:
        problems.append(Problem(shown_as, str(key), f"The key '{key}' appears twice in the same block",
                                "Keep one of the two entries and delete the other.", line))
    return data
