"""FastAPI dependencies, as Annotated aliases used by every route."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from web.services import Services


async def get_services(request: Request) -> Services:
    # async: a plain attribute read, on the loop. A sync dependency is run in the thread pool,
    # a hop there and back for every request of every route (issue 15).
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
