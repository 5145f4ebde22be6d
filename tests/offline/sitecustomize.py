"""Python loads this at start-up when its folder is on PYTHONPATH (tests/test_app_browser.py, the offline test).

Every attempt of the process to look up or connect to another machine is written to the file named by
$NETWERKSIM_NET_LOG and refused; this machine (loopback) and Unix sockets are left alone.
"""

import errno
import os
import socket

_LOG = os.environ.get("NETWERKSIM_NET_LOG")
_LOOPBACK = ("127.", "::1", "::ffff:127.", "localhost", "0.0.0.0")


def _outside(host) -> bool:
    return host is not None and not str(host).startswith(_LOOPBACK)


def _record(what: str, host, port) -> None:
    with open(_LOG, "a", encoding="utf-8") as out:
        out.write(f"{what} {host} {port} (pid {os.getpid()})\n")


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def getaddrinfo(host, port, *args, **kwargs):
    if _outside(host):
        _record("lookup", host, port)
        raise socket.gaierror(socket.EAI_NONAME, f"{host}: refused by the offline test")
    return _getaddrinfo(host, port, *args, **kwargs)


def _check(sock, address) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and _outside(address[0]):
        _record("connect", address[0], address[1])
        raise OSError(errno.ENETUNREACH, f"{address[0]}: refused by the offline test")


def connect(self, address):
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


if _LOG:
    socket.getaddrinfo = getaddrinfo
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
