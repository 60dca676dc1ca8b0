"""The HTTP surfaces, one package or module per audience, and the request plumbing they share.

- `citizen/`: the chat page and widget, the citizen's API, the cookie and token that make a
  conversation its citizen's alone;
- `console/`: the caseworkers' sign-in, queue and live conversations;
- `oversight/`: the oversight body's pages (the read model they show lives in `web.oversight`);
- `transparency.py`, `log.py`: what anyone may read, the public record and the log's tiles;
- `health.py`, `api_docs.py`;
- the rest is shared by every route: security headers, body and request limits, the client's
  address behind trusted proxies, dependency aliases (`deps.py`).
"""
