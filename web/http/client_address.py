"""Who is asking: the direct peer, or what a configured proxy in front says in X-Forwarded-For.

The header is believed only when the peer that sent it is one of `OPENCOUNTER_TRUSTED_PROXIES`;
from anyone else it is ignored, so rotating it changes nothing. Uvicorn's own proxy handling is
switched off in `opencounter serve` (it trusts loopback by default) so this is the one place.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class BadProxyList(ValueError):
    """A trusted-proxy entry that is neither an address nor a network."""


def parse_proxies(text: str) -> tuple[Network, ...]:
    """`10.0.0.1, 10.1.0.0/16, ::1` → networks; empty text trusts no one."""
    networks: list[Network] = []
    for item in text.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise BadProxyList(
                f"OPENCOUNTER_TRUSTED_PROXIES: {item[:60]!r} is not an IP address or network "
                "(write e.g. 10.0.0.5 or 10.0.0.0/24, separated by commas)"
            ) from exc
    return tuple(networks)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class ClientAddresses:
    trusted: tuple[Network, ...] = ()

    def trusts(self, peer: str) -> bool:
        """Whether `peer` is one of the proxies in front (the request log takes its id)."""
        return self._is_trusted(peer)

    def _is_trusted(self, text: str) -> bool:
        address = _address(text)
        return address is not None and any(address in net for net in self.trusted)

    def resolve(self, peer: str, forwarded_for: str | None) -> str:
        """The client's address for limits and sign-in locks."""
        if not forwarded_for or not self._is_trusted(peer):
            return peer
        # Read from the right: each trusted proxy appended the address it saw; the first
        # address not of ours is the client. Anything further left the client could forge.
        hops = [hop.strip() for hop in forwarded_for.split(",")]
        for hop in reversed(hops):
            if _address(hop) is None:
                return peer  # a garbled header from our own proxy: fall back to the peer
            if not self._is_trusted(hop):
                return hop
        return hops[0]
