"""Windows mode for the test suite on a POSIX machine (CI's second run): with
``LOMBA_WINDOWS_MODE=1`` and this folder on PYTHONPATH, every Python process of the run, the
CLI's subprocesses included, starts as on Windows: ``fcntl`` cannot be imported and the
multiprocessing start method is ``spawn``."""

import os
import sys

if os.environ.get("LOMBA_WINDOWS_MODE"):
    sys.modules["fcntl"] = None  # type: ignore[assignment]  # import fcntl -> ImportError
    import multiprocessing

    multiprocessing.set_start_method("spawn", force=True)
