"""X-Forwarded-For is believed only from configured proxies."""

from __future__ import annotations

import re

import pytest

from web.http.client_address import BadProxyList, ClientAddresses, parse_proxies


def test_no_proxy_is_trusted_by_default() -> None:
    addresses = ClientAddresses(parse_proxies(""))
    assert addresses.resolve("127.0.0.1", "192.0.2.1") == "127.0.0.1"


def test_an_untrusted_peer_cannot_choose_its_address() -> None:
    addresses = ClientAddresses(parse_proxies("10.0.0.1"))
    assert addresses.resolve("203.0.113.7", "192.0.2.1") == "203.0.113.7"


def test_the_rightmost_untrusted_hop_is_the_client() -> None:
    addresses = ClientAddresses(parse_proxies("10.0.0.0/24, 10.1.0.1"))
    assert addresses.resolve("10.0.0.5", "192.0.2.1") == "192.0.2.1"
    assert addresses.resolve("10.0.0.5", "198.51.100.1, 192.0.2.1, 10.1.0.1") == "192.0.2.1"


def test_a_garbled_header_from_a_proxy_falls_back_to_the_proxy() -> None:
    addresses = ClientAddresses(parse_proxies("10.0.0.1"))
    assert addresses.resolve("10.0.0.1", "not-an-address") == "10.0.0.1"


def test_a_wrong_proxy_entry_is_named() -> None:
    with pytest.raises(BadProxyList, match=re.escape("'10.0.0.300'")):
        parse_proxies("10.0.0.1, 10.0.0.300")
