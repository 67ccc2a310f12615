"""Work-arounds for bugs in the Qt bindings that would otherwise crash the app.

PySide6 6.12 on CPython 3.11: every wrapped method that returns nothing (setText,
setValue, setInterval...) hands back `None` without taking a new reference to it,
so each call lowers None's reference count by one (True and False suffer the same
way on some paths). CPython 3.12 made None immortal
(PEP 683) and does not notice; on 3.11 the count reaches zero after a few thousand
calls and the interpreter aborts with "Fatal Python error: none_dealloc" - mid-session
or at exit. The player redraws ~30 times a second, so this hits every real session.

`protect_none()` gives None, True and False a reference count so large that no session can use it up
(2**40 calls: decades at a thousand calls a second). It changes nothing on 3.12+,
where None is immortal and its count is never read.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_protected = False


def protect_none() -> None:
    """Call once, before Qt widgets are used; repeated calls do nothing."""
    global _protected
    if _protected or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    _protected = True
    # ob_refcnt is the first field of every PyObject in a release build of CPython 3.11.
    # True and False are returned the same way by virtual overrides (event filters, event()).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
