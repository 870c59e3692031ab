"""Run ``mkdocs build --strict`` for many projects in one process, paying MkDocs' imports only once.

``tests/test_corpus.py`` starts this as a subprocess with one project folder per corpus case.
Each build goes through MkDocs' own command line code (``mkdocs.__main__.cli``) with a fresh
configuration, exactly as ``mkdocs build --strict`` in that folder would, and the outcome is printed
as one JSON object per line: ``{"root", "code", "output", "seconds"}``. ``code`` is the exit code
the ``mkdocs`` command would have returned, or null if the build did not finish within the timeout.

Usage: ``python corpus_builder.py TIMEOUT_SECONDS ROOT...``
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType

from click import ClickException
from mkdocs.__main__ import cli
from mkdocs.utils import DuplicateFilter


class _Hung(Exception):
    """Raised by the alarm when one build takes longer than the timeout."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hung()


def build(root: Path, timeout: int) -> dict[str, object]:
    """Build the project in ``root`` as ``mkdocs build --strict`` would; return code and output."""
    buffer = io.StringIO()
    code: int | None = 0
    started = time.monotonic()
    previous = Path.cwd()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    try:
        os.chdir(root)
        with contextlib.redirect_stderr(buffer), contextlib.redirect_stdout(buffer):
            try:
                cli.main(["build", "--strict"], prog_name="mkdocs", standalone_mode=False)
            except ClickException as exc:  # mkdocs' Abort: the command prints it and exits with its code
                exc.show()
                code = exc.exit_code
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except _Hung:
                code = None
            except Exception:  # what the command would show as a traceback: the test looks for it
                traceback.print_exc()
                code = 1
    finally:
        signal.alarm(0)
        os.chdir(previous)
        _reset_logging()
    return {"root": str(root), "code": code, "output": buffer.getvalue(), "seconds": round(time.monotonic() - started, 3)}


def _reset_logging() -> None:
    """Undo what one command run leaves behind, so the next build logs as if in a new process.

    MkDocs adds a stream handler per run, and a filter that drops a message it has logged before;
    left in place, the second build would print nothing that the first one already printed.
    """
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if handler.name == "MkDocsStreamHandler":
            logger.removeHandler(handler)
    build_log = logging.getLogger("mkdocs.commands.build")
    for log_filter in list(build_log.filters):
        if isinstance(log_filter, DuplicateFilter):
            build_log.removeFilter(log_filter)


def main(argv: list[str]) -> int:
    timeout, roots = int(argv[0]), argv[1:]
    for root in roots:
        print(json.dumps(build(Path(root), timeout)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
