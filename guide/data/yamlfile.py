"""Reading YAML the way coordinators write it, keeping line numbers for error messages."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import Problem
from .files import read_data_text

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


MAX_DEPTH = 50  # blocks inside blocks; a guide needs about 6
MAX_NODES = 200_000  # values once every alias and merge key (<<) is expanded; the largest place file has ~600
_ALIAS_FIX = "Write the values out instead of repeating aliases (*name) and merge keys (<<)."


class _TooBig(yaml.YAMLError):
    """The document nests too deeply or expands to too many values."""

    def __init__(self, message: str, mark, fix: str):
        super().__init__(message)
        self.problem_mark, self.problem, self.fix = mark, message, fix


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates and clock times ("7:30") as the strings the coordinator wrote, and refuses
    documents that nest too deeply or that aliases and merge keys blow up (a "billion laughs")."""

    duplicate_keys: list
    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooBig(f"blocks nest more than {MAX_DEPTH} levels deep", self.peek_event().start_mark,
                              "A guide file needs only a few levels of indentation: check the brackets and indents.")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        _expanded_size(node, {}, set())
        return self.construct_document(node)


def _expanded_size(node, sizes: dict, open_nodes: set) -> int:
    """How many values a node stands for once aliases are expanded; raises _TooBig past MAX_NODES."""
    if id(node) in sizes:
        return sizes[id(node)]
    if id(node) in open_nodes:
        raise _TooBig("an alias refers to the block it is part of", node.start_mark, _ALIAS_FIX)
    open_nodes.add(id(node))
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, sizes, open_nodes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(key, sizes, open_nodes) + _expanded_size(value, sizes, open_nodes)
                    for key, value in node.value)
    open_nodes.discard(id(node))
    if size > MAX_NODES:
        raise _TooBig(f"aliases (*name) and merge keys (<<) expand it to more than {MAX_NODES:,} values",
                      node.start_mark, _ALIAS_FIX)
    sizes[id(node)] = size
    return size


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


# What PyYAML's messages mean for someone editing a file by hand: (words in its message or context, what is
# wrong, how to fix it, whether the line to show is where the context began, e.g. the opening quote).
_SYNTAX = (
    ("quoted scalar", "a quote opened here is never closed", "Close the quote at the end of the text, or remove it.",
     True),
    ("mapping values are not allowed", "a second ': ' on this line makes its text look like a new key",
     "Put a text that holds ': ' in quotes, for example name: 'Biuro: parter'.", False),
    ("'\\t'", "a tab character indents this line", "Indent with spaces only (two per level), never with tabs.", False),
    ("could not find expected ':'", "this line has no 'key: value' colon",
     "Add ': ' after the key, or join the line to the text above it.", False),
    ("did not find expected key", "this line is indented differently from the keys around it",
     "Line it up with the keys of its block (spaces only).", False),
    ("expected <block end>", "this line is indented differently from the keys around it",
     "Line it up with the keys of its block (spaces only).", False),
    ("found character '@'", "a text starts with a character YAML reserves ('@', '`')", "Put the text in quotes.", False),
    ("found character '`'", "a text starts with a character YAML reserves ('@', '`')", "Put the text in quotes.", False),
)


def _unclosed_quote(text: str, before: int) -> int | None:
    """The number of the first line before line `before` whose value opens a double quote it does not close."""
    for number, line in enumerate(text.splitlines()[:before - 1], start=1):
        if not line.lstrip().startswith("#") and line.count('"') % 2:
            return number
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, shown_as: str, text: str) -> Problem:
    """A YAML syntax error in plain words, on the line where the mistake is."""
    line = error.problem_mark.line + 1 if error.problem_mark else None
    opened = _unclosed_quote(text, line) if line and "expected" in (error.problem or "") else None
    if opened:  # a quote left open swallows the lines after it; PyYAML notices only where the text runs out
        return Problem(shown_as, "YAML syntax", "The file is not valid YAML: a quote opened on this line is never "
                       "closed", "Close the quote at the end of the text, or remove it.", opened)
    said = f"{error.context or ''} {error.problem or ''}"
    reason, fix, at_context = next(((r, f, c) for words, r, f, c in _SYNTAX if words in said),
                                   ((error.problem or "invalid YAML").strip(), "Check indentation (spaces, not tabs), "
                                    "colons after keys and matching quotes on this line and the one above.", False))
    mark = (error.context_mark if at_context else None) or error.problem_mark or error.context_mark
    return Problem(shown_as, "YAML syntax", f"The file is not valid YAML: {reason}", fix,
                   mark.line + 1 if mark else None)


def read_yaml(path: Path, shown_as: str, problems: list[Problem], *, root: Path | None, what: str):
    """Parse one YAML file; on failure record a Problem and return None (see read_data_text for root, what)."""
    text = read_data_text(path, shown_as, problems, root=root, what=what)
    if text is None:
        return None
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:  # a raw control character (ESC, NUL…) typed into the file
        line = text.count("\n", 0, error.position) + 1
        problems.append(Problem(shown_as, "file", f"Expected printable text but line {line} holds a control "
                                f"character (U+{error.character:04X})", "Retype that line in a text editor; the "
                                "character is invisible and often comes from copying out of a PDF or a terminal.", line))
        return None
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except _TooBig as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        problems.append(Problem(shown_as, "YAML structure", f"Expected {what} but {error.problem}", error.fix, line))
        return None
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax_problem(error, shown_as, text))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(shown_as, "YAML syntax", f"The file is not valid YAML: {error}", "Check the file's syntax."))
        return None
    finally:
        loader.dispose()
    if data is None:
        problems.append(Problem(shown_as, "file", f"Expected {what} but the file holds only comments",
                                "Fill in the file (copy an existing one as a start)."))
    for key, line in loader.duplicate_keys:
        problems.append(Problem(shown_as, str(key), f"The key '{key}' appears twice in the same block",
                                "Keep one of the two entries and delete the other.", line))
    return data
