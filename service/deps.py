"""Every injectable, as `Annotated[T, Depends(get_t)]`, so tests can swap them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from policyqa.settings import Settings
from service.engine import Engine, EngineHolder


def get_holder(request: Request) -> EngineHolder:
    return request.app.state.holder  # type: ignore[no-any-return]


def get_engine(holder: Annotated[EngineHolder, Depends(get_holder)]) -> Engine:
    if holder.engine is None:
        raise HTTPException(status_code=503, detail=f"not ready: {holder.error}")
    return holder.engine


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


HolderDep = Annotated[EngineHolder, Depends(get_holder)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
