"""Refuse socket connections to anything but loopback: one guard for the suite,
the example scripts it runs in subprocesses and the notebook kernel it drives.

In-process (``tests/conftest.py``) the refusal is recorded so that a test that
caught the error still fails; in a subprocess it is simply an ``OSError``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable


class NetworkBlockedError(OSError):
    """Raised when code under test tries to reach a non-loopback address."""


def is_loopback(host: object) -> bool:
    """Whether ``host`` (a name, an address, bytes, or a non-IP address) stays on this machine."""
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like
    if host in ("localhost", "ip6-localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def install(who: str = "tests", on_block: Callable[[str], None] | None = None) -> None:
    """Patch ``socket`` so that connect, connect_ex and getaddrinfo refuse non-loopback hosts."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(host: object) -> None:
        if not is_loopback(host):
            if on_block is not None:
                on_block(str(host))
            raise NetworkBlockedError(f"{who} may not reach the network (tried {host!r})")

    def host_of(address: object) -> object:
        return address[0] if isinstance(address, tuple) else address

    def connect(sock, address):  # type: ignore[no-untyped-def]
        check(host_of(address))
        return real_connect(sock, address)

    def connect_ex(sock, address):  # type: ignore[no-untyped-def]
        check(host_of(address))
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        check(host)
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
