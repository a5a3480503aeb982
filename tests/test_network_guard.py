"""The suite-wide network guard really refuses non-loopback connections."""

import socket

import pytest
from conftest import BLOCKED, NetworkBlockedError


def test_non_loopback_connection_is_refused():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlockedError):
            s.connect(("93.184.216.34", 80))
    finally:
        s.close()
    BLOCKED.pop()  # this attempt was the point of the test


def test_loopback_is_allowed():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    c = socket.create_connection(srv.getsockname(), timeout=2)
    conn, _ = srv.accept()
    c.sendall(b"ping")
    assert conn.recv(4) == b"ping"
    for s in (c, conn, srv):
        s.close()


def test_the_same_guard_refuses_in_a_subprocess(tmp_path):
    """Example scripts and the notebook kernel get the guard test_examples installs."""
    import subprocess
    import sys

    from test_examples import GUARD

    script = tmp_path / "probe.py"
    script.write_text(
        GUARD
        + "import socket\n"
        + "try:\n    socket.create_connection(('93.184.216.34', 80), timeout=1)\n"
        + "except OSError as e:\n    print('refused:', e)\n"
        + "try:\n    socket.getaddrinfo('example.org', 80)\n"
        + "except OSError as e:\n    print('refused:', e)\n"
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 2 and all("examples may not reach the network" in ln for ln in lines)
