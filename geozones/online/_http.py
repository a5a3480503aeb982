"""geopy's HTTP adapter, bounded: one deadline for the whole request, a cap on its bytes.

geopy's stock adapters (requests, urllib) take a *socket* timeout: a server
that sends one byte every few seconds keeps a request alive indefinitely, and
an answer of any size is read into memory. :class:`BoundedAdapter` speaks
HTTP/1.1 through :mod:`http.client` with

- a **total deadline** (geopy's ``timeout``): a watchdog shuts the socket down
  when it passes, whatever the server is doing, and the request fails with
  :class:`geopy.exc.GeocoderTimedOut`;
- a **byte cap** (``settings.online_max_bytes``): a larger ``Content-Length``
  is refused before reading, and reading stops at the cap;
- no retries of its own (the client retries, rate limited);
- an error object in a 200 answer (``{"error": …}``) raised as a service
  error, so it is never mistaken for (and cached as) "not found".
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter, _normalize_proxies
from geopy.exc import (
    GeocoderParseError,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)

from .. import settings
from ._errors import OnlineAnswerTooLargeError

_CHUNK = 65536


class ErrorAnswer(GeocoderServiceError):
    """A 200 answer that holds an error object instead of results."""


class BoundedAdapter(BaseSyncAdapter):
    """A synchronous geopy adapter with a total deadline and a size cap per request.

    Parameters
    ----------
    proxies : dict or str, optional
        As geopy takes them (``{"https": "http://proxy:3128"}``); ``{}`` for none.
    ssl_context : ssl.SSLContext, optional
        For https.
    max_bytes : int, optional
        Largest answer read; default ``settings.online_max_bytes``.

    Examples
    --------
    >>> from geopy.geocoders import Nominatim
    >>> g = Nominatim(user_agent="me/1.0 (me@example.org)", adapter_factory=BoundedAdapter)
    >>> type(g.adapter).__name__
    'BoundedAdapter'
    """

    is_available = True

    def __init__(self, *, proxies: Any, ssl_context: Any, max_bytes: int | None = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.proxies = _normalize_proxies(proxies) if proxies else {}
        self.ssl_context = ssl_context
        self.max_bytes = max_bytes

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            doc = json.loads(text)
        except ValueError:
            raise GeocoderParseError(f"the answer is not JSON: {text[:80]!r}") from None
        if isinstance(doc, dict) and "error" in doc:
            err = doc["error"]
            msg = err.get("message", err) if isinstance(err, dict) else err
            raise ErrorAnswer(f"the service answered an error: {str(msg)[:160]}")
        return doc

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        deadline = time.monotonic() + float(timeout)
        conn, target = self._connection(url, float(timeout))
        watchdog = threading.Timer(float(timeout), _shut, args=(conn,))
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.request("GET", target, headers=headers)
            resp = conn.getresponse()
            status = resp.status
            resp_headers = {k.lower(): v for k, v in resp.getheaders()}
            body = self._read(resp, resp_headers, deadline)
        except TimeoutError:
            raise GeocoderTimedOut(f"no complete answer within {timeout:g} s") from None
        except (OSError, http.client.HTTPException) as exc:
            if time.monotonic() >= deadline:
                raise GeocoderTimedOut(f"no complete answer within {timeout:g} s") from None
            if isinstance(exc, (ConnectionRefusedError, socket.gaierror, OSError)) and not (
                isinstance(exc, http.client.HTTPException)
            ):
                raise GeocoderUnavailable(str(exc) or type(exc).__name__) from None
            raise GeocoderServiceError(f"broken answer: {exc!r}") from None
        finally:
            watchdog.cancel()
            conn.close()
        text = body.decode(_charset(resp_headers), errors="replace")
        if status >= 400:
            raise AdapterHTTPError(
                f"Non-successful status code {status}",
                status_code=status,
                headers=resp_headers,
                text=text,
            )
        return text

    def _connection(self, url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
        u = urlsplit(url)
        host = u.hostname or ""
        target = u.path or "/"
        if u.query:
            target += "?" + u.query
        proxy = self.proxies.get(u.scheme)
        if u.scheme == "https":
            if proxy:
                p = urlsplit(proxy if "://" in proxy else "http://" + proxy)
                conn: Any = http.client.HTTPSConnection(
                    p.hostname, p.port, timeout=timeout, context=self.ssl_context
                )
                conn.set_tunnel(u.hostname, u.port)
                return conn, target
            conn = http.client.HTTPSConnection(
                host, u.port, timeout=timeout, context=self.ssl_context
            )
            return conn, target
        if proxy:
            p = urlsplit(proxy if "://" in proxy else "http://" + proxy)
            return http.client.HTTPConnection(p.hostname, p.port, timeout=timeout), url
        return http.client.HTTPConnection(host, u.port, timeout=timeout), target

    def _read(self, resp: Any, headers: dict[str, str], deadline: float) -> bytes:
        cap = int(self.max_bytes or settings.online_max_bytes)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise OnlineAnswerTooLargeError(_too_large(int(declared), cap))
        parts: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() >= deadline:
                raise TimeoutError
            chunk = resp.read1(_CHUNK)
            if not chunk:
                if time.monotonic() >= deadline:
                    raise TimeoutError  # the watchdog closed the socket
                return b"".join(parts)
            size += len(chunk)
            if size > cap:
                raise OnlineAnswerTooLargeError(_too_large(size, cap, more=True))
            parts.append(chunk)


def _too_large(size: int, cap: int, more: bool = False) -> str:
    what = f"more than {size:,}" if more else f"{size:,}"
    return (
        f"the answer is {what} bytes, over settings.online_max_bytes = {cap:,}; "
        "ask a more precise question or raise the setting"
    )


def _shut(conn: http.client.HTTPConnection) -> None:
    """Watchdog: end a request past its deadline (a blocked read returns at once)."""
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _charset(headers: dict[str, str]) -> str:
    ctype = headers.get("content-type", "")
    for part in ctype.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            try:
                "".encode(v.strip('"'))
                return v.strip('"')
            except LookupError:
                break
    return "utf-8"
