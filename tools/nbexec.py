"""Execute notebooks with nbclient, without the widget-cell stall, and fail fast on a stall.

Every tool and test of this repository that runs a notebook through nbclient
(the answer key, the exercise tests, the benchmark and its soak test, the site
build) creates its client with :func:`notebook_client`.

Why a cell with a widget could wait for minutes
-----------------------------------------------
nbclient plays the part of a front-end for ``Output`` widgets (an
``interact`` keeps its figure in one): when the kernel sends output into the
widget, nbclient's ``OutputWidget`` sends the new state back to the kernel as a
``comm_msg`` on the *shell* channel.  That send happens in the task that reads
IOPub, while another task is awaiting ``socket.poll()`` on the same shell
socket for the cell's ``execute_reply``.

``jupyter_client.Session.send`` does not send through the ``zmq.asyncio``
socket: it sends through a blocking *shadow* of it.  A send runs libzmq's
command processing, which can consume the socket's edge-triggered file
descriptor wake-up for a message that has just arrived (here: the
``execute_reply``).  The asyncio socket re-checks ``ZMQ_EVENTS`` after its own
sends, not after a shadow's, so the poll is never woken: the reply, sent by
the kernel within a fraction of a second, sits in the client's socket until
the poll's timeout fires, and nbclient's final zero-timeout poll then finds it
and carries on *without* raising ``CellTimeoutError``.  A run just looks slow
by exactly the cell timeout.  Measured here: the kernel's ``execute_reply``
header was 9.9 s older than the moment nbclient saw it, in a 10 s timeout.

Upstream: jupyter/nbclient#312 (the symptom), jupyter/jupyter_client#1059 (the
shadow send, discussed, not merged), and ipython/ipykernel#1554 and #1529 (the
same lost wake-up on the kernel's side in ipykernel 7, which the lock avoids by
pinning ipykernel 6).

The fix here: the shell channel of our kernel client sends through the asyncio
socket itself (serialise with the session, then ``send_multipart`` on the
``zmq.asyncio`` socket).  pyzmq's asyncio socket sends at once when it can and,
after a send, re-checks its events whenever a receive or poll is waiting, so no
wake-up is lost.  A send that cannot complete at once is queued on the event
loop, which nbclient keeps running; a failed send is logged.

Failing fast
------------
A cell that gets no reply within the timeout raises :class:`StallError` at
once, naming the notebook, the cell and its source.  So does a cell whose reply
only arrives as the timeout fires (the shape of a lost wake-up), which nbclient
itself would let pass.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError
from nbclient.util import run_sync

#: Seconds one cell may take in any test or tool.  No lesson cell needs more than a few seconds.
CELL_TIMEOUT = 120


class StallError(RuntimeError):
    """A cell got no reply from the kernel within the timeout."""


def _route_shell_sends_through_asyncio(kernel_client) -> None:
    """Make ``kernel_client.shell_channel.send`` use the ``zmq.asyncio`` socket (see the module docstring)."""
    channel = kernel_client.shell_channel
    socket, session = channel.socket, channel.session
    log = getattr(kernel_client, "log", None)

    def send(msg: dict[str, Any]) -> None:
        future = socket.send_multipart(session.serialize(msg))

        def report(f):
            if not f.cancelled() and f.exception() is not None and log is not None:
                log.error("sending %s on the shell channel failed: %s", msg["header"]["msg_type"], f.exception())

        future.add_done_callback(report)

    channel.send = send


def _describe(cell, cell_index: int, notebook: str, timeout: float, waited: float) -> str:
    src = cell.source if isinstance(cell.source, str) else "".join(cell.source)
    lines = src.strip().splitlines()
    shown = "\n".join("    " + line for line in lines[:8]) + ("\n    ..." if len(lines) > 8 else "")
    return (
        f"{notebook}: cell {cell_index} got no reply from the kernel within {timeout:g} s "
        f"(waited {waited:.1f} s). The kernel was asked to execute:\n{shown}"
    )


class BrightSpotsClient(NotebookClient):
    """An nbclient ``NotebookClient`` with the shell-send fix and a loud, fast stall error."""

    def __init__(self, nb, *, notebook_name: str = "notebook", **kw):
        super().__init__(nb, **kw)
        self.notebook_name = notebook_name

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        _route_shell_sends_through_asyncio(kc)
        return kc

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        timeout = self._get_timeout(cell)
        t0 = time.monotonic()
        try:
            result = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        except CellTimeoutError as err:
            raise StallError(_describe(cell, cell_index, self.notebook_name, timeout, time.monotonic() - t0)) from err
        waited = time.monotonic() - t0
        if cell.cell_type == "code" and timeout and waited >= timeout:
            # nbclient found the reply only in its final check as the timeout fired
            raise StallError(_describe(cell, cell_index, self.notebook_name, timeout, waited))
        return result

    # nbclient's blocking methods wrap its own coroutines at class creation: wrap ours again
    start_new_kernel_client = run_sync(async_start_new_kernel_client)
    execute_cell = run_sync(async_execute_cell)


def patch_nbclient() -> None:
    """Give every nbclient ``NotebookClient`` in this process the shell-send fix.

    For third-party tools that run notebooks through nbclient or nbconvert's
    ``ExecutePreprocessor`` (otter-grader's ``otter run`` and ``otter assign``),
    which cannot be handed our client class: without it a widget cell can wait
    forever, since those tools set no cell timeout.
    """
    if getattr(NotebookClient, "_bright_spots_patched", False):
        return
    original = NotebookClient.async_start_new_kernel_client

    async def async_start_new_kernel_client(self):
        kc = await original(self)
        _route_shell_sends_through_asyncio(kc)
        return kc

    NotebookClient.async_start_new_kernel_client = async_start_new_kernel_client
    NotebookClient.start_new_kernel_client = run_sync(async_start_new_kernel_client)
    NotebookClient._bright_spots_patched = True


def kernel_env() -> dict[str, str]:
    """The environment for a kernel: as a student's, so figures draw with the inline backend."""
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    return env


def notebook_client(
    nb,
    *,
    cwd: Path,
    notebook_name: str | None = None,
    timeout: int = CELL_TIMEOUT,
    store_widget_state: bool = True,
    **kw,
) -> BrightSpotsClient:
    """A client for ``nb`` that runs in ``cwd`` with the python3 kernel of this environment."""
    if timeout is None or timeout <= 0 or timeout > CELL_TIMEOUT:
        raise ValueError(f"timeout must be between 1 and {CELL_TIMEOUT} s; got {timeout!r}.")
    return BrightSpotsClient(
        nb,
        notebook_name=notebook_name or str(cwd),
        timeout=timeout,
        kernel_name="python3",
        store_widget_state=store_widget_state,
        resources={"metadata": {"path": str(cwd)}},
        **kw,
    )


def execute(nb, cwd: Path, **options):
    """Run a notebook top to bottom; raises :class:`StallError` on a stall and nbclient's error on a failing cell.

    ``options`` are :func:`notebook_client`'s (``notebook_name``, ``timeout``, ``store_widget_state``) and
    nbclient's (``allow_errors=True``, ``on_cell_executed=...``).
    """
    client = notebook_client(nb, cwd=cwd, **options)
    client.execute(env=kernel_env())
    return nb


def main(argv: list[str] | None = None) -> int:
    """``python tools/nbexec.py NOTEBOOK [--out FILE]``: run a notebook with this runner, save the executed copy.

    Use it instead of ``jupyter nbconvert --execute``, which can wait at a widget cell (see above).  The notebook
    runs in its own folder, as in JupyterLab.  Exit status 1, with a message naming the cell, on a failing cell or
    a stall; 2 on a missing or unreadable notebook.
    """
    import argparse

    import nbformat
    from nbclient.exceptions import CellExecutionError

    p = argparse.ArgumentParser(prog="nbexec.py", description=main.__doc__.split("\n\n")[0])
    p.add_argument("notebook", type=Path)
    p.add_argument("--out", type=Path, help="where to write the executed copy (default: NAME.executed.ipynb)")
    args = p.parse_args(argv)
    src = args.notebook.resolve()
    try:
        nb = nbformat.read(str(src), as_version=4)
    except (OSError, ValueError) as err:  # nbformat's read errors are ValueErrors
        print(f"nbexec: cannot read {args.notebook}: {err}", file=sys.stderr)
        return 2
    out = args.out or src.with_name(src.stem + ".executed.ipynb")
    try:
        execute(nb, cwd=src.parent, notebook_name=src.name)
    except (StallError, CellExecutionError) as err:
        print(f"nbexec: {src.name}: {err}", file=sys.stderr)
        return 1
    nbformat.write(nb, str(out))
    print(f"nbexec: ran {src.name}; executed copy in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
