"""The registry of extraction rules, in the way spaCy registers pipeline components.

A rule is a function ``rule(ctx) -> iterable of Fact`` registered under a dotted
name (``portrayal.parenthesis``); the name is what every fact it makes records as
its ``rule``. The pipeline runs every registered rule, in registration order.
"""

RULES = {}


def rule(name):
    """Return a decorator that registers a rule function under ``name``.

    >>> @rule("example.nothing")
    ... def nothing(ctx):
    ...     return []
    >>> "example.nothing" in RULES
    True
    >>> del RULES["example.nothing"]
    """
    def register(func):
        if name in RULES:
            raise ValueError(f"extraction rule {name!r} is registered twice")
        func.rule_name = name
        RULES[name] = func
        return func
    return register
