"""How many malloc arenas a serving process may keep (glibc only).

glibc gives each thread that allocates under contention an arena of its own, up to eight per
core, and keeps what each one grew to. A server answers on a pool of worker threads, so under
load its resident memory grows with the arenas, not with the work: on this project's load run
(64 citizens at once, one process) capping them at 2 took the peak from 572 MB to 528-546 MB at
the same rate (benchmarks/README.md, "Memory per process"). The cap is glibc's own
M_ARENA_MAX, the knob behind the MALLOC_ARENA_MAX variable; an operator who sets that variable
keeps it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform

M_ARENA_MAX = -8  # from glibc's malloc.h


def cap_malloc_arenas(arenas: int) -> str:
    """Cap glibc's arenas for this process; say what was done, for the start-up notes."""
    if arenas <= 0:
        return "Memory: glibc's default malloc arenas (OPENCOUNTER_MALLOC_ARENAS=0)"
    if os.environ.get("MALLOC_ARENA_MAX"):
        return f"Memory: malloc arenas set by MALLOC_ARENA_MAX={os.environ['MALLOC_ARENA_MAX']}"
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return "Memory: malloc arenas left as they are (not glibc)"
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if libc.mallopt(M_ARENA_MAX, arenas) != 1:
        return "Memory: glibc refused the malloc arena cap; its default applies"
    return f"Memory: at most {arenas} malloc arenas (OPENCOUNTER_MALLOC_ARENAS)"
