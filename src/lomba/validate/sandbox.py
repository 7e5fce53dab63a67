"""The one place templates run: an immutable Jinja sandbox with limits.

Spec and letter templates come from workspace files, so a template is treated like input: it
cannot change what it is given (``inovasi.tim.clear()`` is refused, so one document can never
alter another made from the same entry), and it cannot hang or exhaust memory:

- arithmetic that explodes (``2**(2**40)``, ``'x' * 10**10``, a ``%`` or ``format`` width of a
  billion, a ``center`` or ``indent`` of a billion) is refused before Python tries it;
- ``range`` is capped (by Jinja's sandbox) and every ``range`` counts against one budget per
  render, so nested loops end;
- output is capped, and a watchdog ends any render that runs too long, whatever it does.

Every failure is a :class:`TemplateLimit` or an ordinary exception, which callers turn into a
diagnostic at the template's line.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import operator
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_OUTPUT = 2_000_000
"""Characters one render may produce (a whole competition form is a few tens of thousands)."""
MAX_SIZE = 1_000_000
"""The largest string, list or number width any one operation may produce."""
MAX_STEPS = 1_000_000
"""``range`` items one render may iterate over, all loops together."""
MAX_SECONDS = 5.0
"""Wall time one render may take (a section template renders in well under a millisecond)."""
_WIDTH_RE = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")


class TemplateLimit(SecurityError):
    """A template went past one of the sandbox's limits; the message says which."""


class _Budget(threading.local):
    steps = 0
    deadline = 0.0


_BUDGET = _Budget()


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


MAX_BITS = 100_000
"""The largest integer any one operation may produce, in bits (about 30,000 digits)."""


def _bits(value: Any) -> int:
    return abs(value).bit_length() if isinstance(value, int) else 0


def _bounded_binop(op: str, left: Any, right: Any) -> Any:
    numbers = isinstance(left, int | float) and isinstance(right, int | float)
    if op == "**" and numbers and abs(left) > 1 and (
            abs(right) > MAX_BITS or max(_bits(left), 1) * abs(right) > MAX_BITS):
        raise TemplateLimit(f"pangkat terlalu besar: ** {right}")
    if op == "*":
        if _bits(left) + _bits(right) > MAX_BITS:
            raise TemplateLimit("perkalian terlalu besar")
        for seq, times in ((left, right), (right, left)):
            if _size(seq) and isinstance(times, int) and _size(seq) * times > MAX_SIZE:
                raise TemplateLimit(f"pengulangan terlalu besar: {_size(seq)} × {times}")
    if op == "+" and _size(left) + _size(right) > MAX_SIZE:
        raise TemplateLimit("hasil penggabungan terlalu panjang")
    if op == "%" and isinstance(left, str):
        _check_widths(left)
    return _BINOPS[op](left, right)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "**": operator.pow, "*": operator.mul, "%": operator.mod, "+": operator.add,
}


def _check_widths(pattern: str) -> None:
    for match in _WIDTH_RE.finditer(pattern):
        for group in match.groups():
            if group == "*" or (group and int(group) > 1000):
                raise TemplateLimit(f"lebar format terlalu besar: {match.group()}")


_SPEC_DIGITS_RE = re.compile(r"\{[^{}]*:[^{}]*?(\d+)")


def _check_args(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse, before running, a filter or method call whose result would be huge."""
    for value in [*args, *kwargs.values()]:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
            raise TemplateLimit(f"angka terlalu besar untuk `{name}`: {value}")
    first = args[0] if args else None
    second = args[1] if len(args) > 1 else kwargs.get("d", kwargs.get("new"))
    if name == "format" and isinstance(first, str):
        _check_widths(first)
        for digits in _SPEC_DIGITS_RE.findall(first):
            if int(digits) > 1000:
                raise TemplateLimit(f"lebar format terlalu besar: {digits}")
    elif name == "join" and isinstance(first, str | list | tuple) and isinstance(second, str):
        if len(first) * len(second) + sum(map(_size, first)) > MAX_SIZE:
            raise TemplateLimit("hasil `join` terlalu panjang")
    elif name == "replace" and isinstance(first, str) and len(args) > 2:
        old, new = args[1], args[2]
        if isinstance(old, str) and isinstance(new, str):
            count = first.count(old) if old else len(first) + 1
            if len(first) + count * len(new) > MAX_SIZE:
                raise TemplateLimit("hasil `replace` terlalu panjang")
    elif name == "indent" and isinstance(first, str):
        width = second if isinstance(second, int) else len(second or "")
        if (first.count("\n") + 1) * width + len(first) > MAX_SIZE:
            raise TemplateLimit("hasil `indent` terlalu panjang")


_STR_METHODS = frozenset((
    "capitalize", "casefold", "center", "count", "endswith", "find", "format", "index",
    "isalnum", "isalpha", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper",
    "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace",
    "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "upper", "zfill",
))
"""The string methods a template may call: those whose result is no larger than their input
and arguments (``join`` and ``replace`` are measured first); ``expandtabs`` and the like are not."""


def _guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_args(name, args, kwargs)
        result = function(*args, **kwargs)
        if _size(result) > MAX_SIZE:
            raise TemplateLimit(f"hasil `{name}` terlalu panjang")
        return result
    return guarded


def _counted_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > 100_000:
        raise TemplateLimit(f"range terlalu panjang: {len(numbers)}")
    for n in numbers:
        _BUDGET.steps += 1
        if _BUDGET.steps > MAX_STEPS:
            raise TemplateLimit(f"perulangan melebihi {MAX_STEPS} langkah")
        yield n


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """Immutable sandbox (no method that changes a list, dict or set runs) with the limits
    above; pydantic's own methods (``model_*``) are out of reach too."""

    intercepted_binops = frozenset(_BINOPS)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return _bounded_binop(operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("model_"):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, str) and getattr(obj, "__name__", "") not in _STR_METHODS:
            return False
        return super().is_safe_callable(obj)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", "?")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            _check_args(name, (owner, *args), kwargs)
        else:
            _check_args(name, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def concat(self, parts: tuple[Any, ...]) -> str:
        """``a ~ b``: joined only when the result stays within the size limit."""
        texts = [str(p) for p in parts]
        if sum(map(len, texts)) > MAX_SIZE:
            raise TemplateLimit("hasil `~` terlalu panjang")
        return "".join(texts)


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to the environment's measured :meth:`LimitedEnvironment.concat`."""

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


LimitedEnvironment.code_generator_class = _LimitedCodeGenerator


def make_environment(**filters: Callable[..., Any]) -> LimitedEnvironment:
    env = LimitedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                             keep_trailing_newline=False)
    env.filters.update(filters)
    env.filters = {name: _guard_filter(name, f) for name, f in env.filters.items()}
    env.globals["range"] = _counted_range
    return env


def render_limited(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render within the limits; raises :class:`TemplateLimit` past any of them."""
    _BUDGET.steps = 0
    parts: list[str] = []
    total = 0
    with _watched():
        for chunk in template.generate(context):
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise TemplateLimit(f"hasil templat melebihi {MAX_OUTPUT} karakter")
            parts.append(chunk)
    return "".join(parts)


# -- the watchdog ---------------------------------------------------------------------------


class _Overtime(TemplateLimit):
    def __init__(self) -> None:
        super().__init__(f"templat berjalan lebih dari {MAX_SECONDS:g} detik")


_WATCHED: dict[int, float] = {}
_LOCK = threading.Lock()
_WATCHDOG_PID: int | None = None


@contextlib.contextmanager
def _watched() -> Iterator[None]:
    """Raise :class:`_Overtime` in this thread if the block runs past ``MAX_SECONDS``. One
    daemon thread per process watches every render (CPython's asynchronous exception, on every
    platform); a C call that never returns to Python is prevented by the limits above."""
    _start_watchdog()
    ident = threading.get_ident()
    with _LOCK:
        _WATCHED[ident] = time.monotonic() + MAX_SECONDS
    try:
        yield
    finally:
        with _LOCK:
            _WATCHED.pop(ident, None)


def _start_watchdog() -> None:
    global _WATCHDOG_PID
    if os.getpid() == _WATCHDOG_PID:
        return
    _WATCHDOG_PID = os.getpid()  # a forked worker starts its own
    threading.Thread(target=_watch, name="lomba-template-watchdog", daemon=True).start()


def _watch() -> None:
    while True:
        time.sleep(0.1)
        now = time.monotonic()
        with _LOCK:  # under the lock: a render that has left its block is never interrupted
            for ident in [i for i, deadline in _WATCHED.items() if now > deadline]:
                _WATCHED.pop(ident, None)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident),
                                                           ctypes.py_object(_Overtime))
