"""Every injectable, as `Annotated[T, Depends(get_t)]`, so tests can swap them. They are `async def` because they
only read app state: a sync dependency would cost a thread-pool hop on every request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from policyqa.settings import Settings
from service.engine import Engine, EngineHolder, live_version
from service.feedback import FeedbackStore


async def get_holder(request: Request) -> EngineHolder:
    return request.app.state.holder  # type: ignore[no-any-return]


async def get_engine(request: Request, holder: Annotated[EngineHolder, Depends(get_holder)]) -> Engine:
    settings = request.app.state.settings
    holder.refresh_if_stale(lambda: live_version(settings), lambda: request.app.state.engine_factory(settings))
    if holder.engine is None:
        raise HTTPException(status_code=503, detail=f"not ready: {holder.error}")
    return holder.engine


async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_feedback(request: Request) -> FeedbackStore:
    """Opened on first use: a service nobody rates never creates the file."""
    state = request.app.state
    if getattr(state, "feedback", None) is None:
        state.feedback = FeedbackStore(state.settings.data_dir / "feedback.sqlite3")
    return state.feedback  # type: ignore[no-any-return]


HolderDep = Annotated[EngineHolder, Depends(get_holder)]
FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
