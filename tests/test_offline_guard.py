"""The offline guard must block the internet and let loopback through."""

import socket

import pytest


def test_non_loopback_connect_is_blocked():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(RuntimeError, match="offline"):
            s.connect(("93.184.216.34", 80))
    finally:
        s.close()


def test_name_lookup_is_blocked():
    with pytest.raises(RuntimeError, match="offline"):
        socket.getaddrinfo("pypi.org", 443)


def test_loopback_is_allowed():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        client.connect(server.getsockname())
    finally:
        client.close()
        server.close()
