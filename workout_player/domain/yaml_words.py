"""ruamel's YAML syntax errors in plain words: what is wrong and how to fix it.

The parser says "expected <block end>, but found '<block mapping start>' (while parsing
a block collection)"; a person editing a workout file needs "this line is indented
differently from the lines above it". Each rule below matches one family of parser
messages and names the mark to point at: where the fix goes (the opening quote or
bracket, the key missing its colon), not where the parser gave up.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.error import MarkedYAMLError


@dataclass(frozen=True)
class _Rule:
    problem: str  # a piece of ruamel's `problem` text
    context: str  # a piece of its `context` text ("" matches any)
    at_context: bool  # point at the context mark (where the construct began)
    words: str


_RULES = (
    _Rule(
        "'\\t'",
        "",
        False,
        "a tab is used to indent this line; YAML files are indented with spaces only. "
        "Replace the tab with spaces (2 per level, as on the lines above)",
    ),
    _Rule(
        "end of stream",
        "quoted scalar",
        True,
        "a quote opened here is never closed; add the same quote (\" or ') at the end of the value",
    ),
    _Rule(
        "unknown escape",
        "double-quoted",
        False,
        "a backslash inside double quotes starts an unknown escape; use single quotes "
        "around this value, or write the backslash twice (\\\\)",
    ),
    _Rule(
        "'<stream end>'",
        "flow node",
        False,
        "the file ends while a '[', '{' or quote is still open; close it where its value ends",
    ),
    _Rule(
        "",
        "flow sequence",
        True,
        "a '[' opened here is not closed where the list ends; add the ']' after its last "
        "item (and a comma between items)",
    ),
    _Rule(
        "",
        "flow mapping",
        True,
        "a '{' opened here is not closed where it ends; add the '}' after its last "
        "entry (and a comma between entries)",
    ),
    _Rule(
        "could not find expected ':'",
        "",
        True,
        "this line has a name without a colon after it; write it as name: value "
        "(for example, reps: 8), or start a list item with '- '",
    ),
    _Rule(
        "mapping values are not allowed here",
        "",
        False,
        "there is a colon where none can go: this line is indented further than the "
        "line above it, or a value contains ': ' and needs quotes "
        '(title: "Back: day 1")',
    ),
    _Rule(
        "expected <block end>",
        "",
        False,
        "this line is indented differently from the lines above it; line it up with "
        "the other entries of the same step (the same number of spaces)",
    ),
    _Rule(
        "expected alphabetic or numeric character",
        "",
        False,
        "a '*' or '&' starts a YAML alias or anchor, which workouts do not use; "
        "put the value in quotes",
    ),
    _Rule(
        "found undefined alias",
        "",
        False,
        "a value starts with '*', which YAML reads as an alias; put the value in quotes",
    ),
    _Rule(
        "found character '@'",
        "",
        False,
        "a value cannot start with '@' or '`'; put the value in quotes",
    ),
    _Rule(
        "found character '`'",
        "",
        False,
        "a value cannot start with '@' or '`'; put the value in quotes",
    ),
)


def plain_yaml_error(error: MarkedYAMLError) -> tuple[str, int, int]:
    """The message for a syntax error and its 1-based line and column."""
    problem = error.problem or ""
    context = error.context or ""
    for rule in _RULES:
        if rule.problem in problem and rule.context in context:
            mark = error.context_mark if rule.at_context else error.problem_mark
            return rule.words, *_where(mark or error.problem_mark or error.context_mark)
    detail = f" (the YAML reader says: {problem or 'not well-formed'})"
    return (
        "the file stops being valid YAML here: check this line and the one above for "
        "indentation (spaces only), a missing colon, or an unclosed quote or bracket" + detail,
        *_where(error.problem_mark or error.context_mark),
    )


def _where(mark: object) -> tuple[int, int]:
    line = getattr(mark, "line", None)
    column = getattr(mark, "column", None)
    if not isinstance(line, int) or not isinstance(column, int):
        return 1, 1
    return line + 1, column + 1
