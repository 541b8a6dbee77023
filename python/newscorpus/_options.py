"""Options checked in one place, with one rule each for types, ranges and case.

Every public function passes its options through ``check`` before calling the native
layer, so a wrong option always raises ``OptionError`` naming it and what it accepts (never a
bare ``TypeError`` or ``OverflowError`` from the conversion), ``True`` is never a number, and
option strings are compared case-insensitively everywhere.
"""

from __future__ import annotations

import json
import math
import numbers
from typing import Any

from . import _native
from .exceptions import InputValueError, OptionError

_RULES = _native.option_rules()
#: Range of each whole-number option: (lowest, highest), as the core writes it.
WHOLE: dict[str, tuple[int, int]] = dict(_RULES["whole"])
#: Options that take a share in (0, 1].
UNIT: frozenset[str] = frozenset(_RULES["unit"])
#: Options that take a share in [0, 1], 0 turning a rule off.
SHARE: frozenset[str] = frozenset(_RULES["share"])
#: Accepted values of each choice option, as the core writes them (compared without case:
#: ASCII letters only, as the core compares them).
CHOICES: dict[str, tuple[str, ...]] = dict(_RULES["choices"])
#: Options that may be None.
OPTIONAL = {"bands", "rows", "n_threads", "k_query"}
#: The defaults of the options several calls share, as the core writes them once
#: (``crate::options::defaults``): every public signature, the accessors, the Dask module
#: and the command line read them from here.
DEFAULTS: dict[str, Any] = dict(_native.defaults())


def _span(low: int, high: int) -> str:
    return f"of {low} or more" if high == 2**63 - 1 else f"from {low} to {high}"


def whole(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise OptionError(f"{name} must be a whole number {_span(low, high)}, got {value!r}")
    value = int(value)
    if not low <= value <= high:
        raise OptionError(f"{name} must be a whole number {_span(low, high)}, got {value}")
    return value


def unit(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(float(value)):
        raise OptionError(f"{name} must be a number in (0, 1], got {value!r}")
    value = float(value)
    if not 0.0 < value <= 1.0:
        raise OptionError(f"{name} must be in (0, 1], got {value}")
    return value


def share(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(float(value)):
        raise OptionError(f"{name} must be a number in [0, 1], got {value!r}")
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise OptionError(f"{name} must be in [0, 1], got {value}")
    return value


def choice(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    """The accepted value ``value`` names, as written in ``allowed``; ASCII letters compare
    without case (the core's rule), so ``"Cosine"`` is ``"cosine"`` and ``"nfc"`` is ``"NFC"``."""
    folded = value.lower() if isinstance(value, str) and value.isascii() else None
    for a in allowed:
        if a.lower() == folded:
            return a
    listed = ", ".join(f'"{a}"' for a in allowed)
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
    raise OptionError(f"{name}={shown} is not one of {listed}")


def flag(name: str, value: Any) -> bool:
    # True or False only (numpy's too): 1 and 0 are numbers, as True is no number.
    if not isinstance(value, bool) and type(value).__name__ != "bool_":
        raise OptionError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check(**options: Any) -> Any:
    """Check and convert options by name; returns their values in the order given (one
    value alone when one option is given)."""
    out: list[Any] = []
    for name, value in options.items():
        if value is None and name in OPTIONAL:
            out.append(None)
        elif name in WHOLE:
            out.append(whole(name, value, *WHOLE[name]))
        elif name in UNIT:
            out.append(unit(name, value))
        elif name in SHARE:
            out.append(share(name, value))
        elif name in CHOICES:
            out.append(choice(name, value, CHOICES[name]))
        elif name in ("verify", "detect", "audit", "offsets", "case_sensitive", "own_names", "junk", "passages"):
            out.append(flag(name, value))
        else:  # pragma: no cover - a programming error, not a user's
            raise KeyError(f"no rule for option {name!r}")
    return out[0] if len(out) == 1 else tuple(out)


def text_value(name: str, value: Any) -> str:
    """A str given as a name, key or pattern (not as a text to clean): lone surrogates are
    refused with an error naming the option, instead of a bare ``UnicodeEncodeError``."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputValueError(
            f"{name} holds a lone surrogate at position {e.start} ({value[max(e.start - 10, 0):e.start]!r}...): "
            "not valid Unicode"
        ) from None
    return value


def replace_surrogates(value: str) -> str:
    """A text with each lone surrogate replaced by U+FFFD, as the texts' default
    ``errors="replace"`` does (one character each, so offsets stay aligned)."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
