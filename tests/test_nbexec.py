"""The notebook runner: shell sends keep the asyncio socket's wake-ups, and a stall fails at once, loudly."""

from __future__ import annotations

import asyncio

import nbformat
import pytest
from nbclient import NotebookClient

import nbexec


def _notebook(*sources: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


class _Future:
    def __init__(self):
        self.callbacks = []

    def add_done_callback(self, cb):
        self.callbacks.append(cb)


class _AsyncSocket:
    """Stands in for a zmq.asyncio socket: records what is sent through it."""

    def __init__(self):
        self.sent = []

    def send_multipart(self, frames):
        self.sent.append(frames)
        return _Future()


class _Session:
    def serialize(self, msg):
        return [b"<IDS|MSG>", msg["header"]["msg_type"].encode()]


class _Channel:
    def __init__(self):
        self.socket, self.session = _AsyncSocket(), _Session()

    def send(self, msg):  # jupyter_client's: a blocking shadow send that bypasses the asyncio socket
        raise AssertionError("the shadow send must not be used")


def test_shell_sends_go_through_the_asyncio_socket():
    kc = type("KC", (), {})()
    kc.shell_channel = _Channel()
    nbexec._route_shell_sends_through_asyncio(kc)
    kc.shell_channel.send({"header": {"msg_type": "comm_msg"}})
    assert kc.shell_channel.socket.sent == [[b"<IDS|MSG>", b"comm_msg"]]


def test_the_real_client_routes_its_shell_channel(tmp_path):
    nb = _notebook("x = 1")
    client = nbexec.notebook_client(nb, cwd=tmp_path, notebook_name="t.ipynb", timeout=60)
    with client.setup_kernel():
        assert client.kc.shell_channel.send.__qualname__.startswith("_route_shell_sends_through_asyncio")
        client.execute_cell(nb.cells[0], 0)
    assert nb.cells[0].execution_count == 1


def test_a_cell_without_a_reply_in_time_is_a_stall_naming_notebook_and_cell(tmp_path):
    nb = _notebook("x = 1", "import time\ntime.sleep(30)  # never answers in time")
    with pytest.raises(nbexec.StallError) as err:
        nbexec.execute(nb, tmp_path, notebook_name="09-demo.ipynb", timeout=2)
    text = str(err.value)
    assert "09-demo.ipynb: cell 1 got no reply from the kernel within 2 s" in text
    assert "time.sleep(30)" in text


def test_a_reply_that_only_arrives_as_the_timeout_fires_is_a_stall(tmp_path, monkeypatch):
    # the shape of a lost wake-up: nbclient finds the reply in its last check and would carry on
    async def late(self, cell, cell_index, execution_count=None, store_history=True):
        await asyncio.sleep(1.05)
        return cell

    monkeypatch.setattr(NotebookClient, "async_execute_cell", late)
    client = nbexec.notebook_client(_notebook("y = 2"), cwd=tmp_path, notebook_name="late.ipynb", timeout=1)
    with pytest.raises(nbexec.StallError, match="late.ipynb: cell 0 got no reply"):
        asyncio.run(client.async_execute_cell(client.nb.cells[0], 0))


@pytest.mark.parametrize("bad", [0, -1, 121, None])
def test_timeouts_are_bounded(tmp_path, bad):
    with pytest.raises(ValueError, match="between 1 and 120 s"):
        nbexec.notebook_client(_notebook("1"), cwd=tmp_path, timeout=bad)


def test_every_notebook_execution_in_the_repository_goes_through_nbexec():
    # plain nbclient loses the reply to widget cells now and then (see nbexec's docstring)
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in [*root.glob("tools/*.py"), *root.glob("tests/**/*.py"), *root.glob("scripts/*.py"), root / "tasks.py"]:
        if path.name in {"nbexec.py", "test_nbexec.py"} or path.name == "soak.py":
            continue  # soak.py uses plain nbclient only with --unfixed, to show the fault
        text = path.read_text(encoding="utf-8")
        for bad in ("NotebookClient(", "ExecutePreprocessor(", "nbclient.execute(", "--execute"):
            if bad in text:
                offenders.append(f"{path.relative_to(root)}: {bad}")
    assert not offenders, "run notebooks with nbexec.notebook_client / nbexec.execute: " + ", ".join(offenders)


def test_patch_nbclient_gives_third_party_clients_the_fix(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; sys.path.insert(0, 'tools'); import nbexec, nbformat\n"
        "nbexec.patch_nbclient(); nbexec.patch_nbclient()  # twice is harmless\n"
        "from nbconvert.preprocessors import ExecutePreprocessor\n"
        "nb = nbformat.v4.new_notebook(); nb.cells = [nbformat.v4.new_code_cell('1 + 1')]\n"
        "ep = ExecutePreprocessor(kernel_name='python3', timeout=60)\n"
        "with ep.setup_kernel():\n"
        "    print(ep.kc.shell_channel.send.__qualname__)\n"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert "_route_shell_sends_through_asyncio" in out.stdout, out.stderr[-2000:]


def test_command_line_runs_a_notebook_in_its_folder_and_saves_the_executed_copy(tmp_path, capsys):
    (tmp_path / "data.txt").write_text("42")
    src = tmp_path / "lesson.ipynb"
    nbformat.write(_notebook("print(open('data.txt').read())"), str(src))
    assert nbexec.main([str(src)]) == 0
    out = nbformat.read(str(tmp_path / "lesson.executed.ipynb"), as_version=4)
    assert out.cells[0].outputs[0]["text"].strip() == "42"
    assert "executed copy in" in capsys.readouterr().out


def test_command_line_names_the_failing_cell_and_a_missing_notebook(tmp_path, capsys):
    src = tmp_path / "broken.ipynb"
    nbformat.write(_notebook("x = 1", "raise ValueError('no such moon')"), str(src))
    assert nbexec.main([str(src), "--out", str(tmp_path / "o.ipynb")]) == 1
    err = capsys.readouterr().err
    assert "broken.ipynb" in err and "no such moon" in err
    assert not (tmp_path / "o.ipynb").exists()
    assert nbexec.main([str(tmp_path / "absent.ipynb")]) == 2
    assert "cannot read" in capsys.readouterr().err
