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
