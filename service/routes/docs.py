"""/docs (Swagger UI) and /redoc, served offline: their scripts and styles come from the `fastapi-offline` wheel,
the start-up code from our own static files, so that nothing is fetched from a CDN and no inline script is needed
(the pages keep a CSP of their own: scripts from this host only; see service/middleware.py)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

router = APIRouter(tags=["docs"], include_in_schema=False)
OWN = Path(__file__).resolve().parent.parent / "static" / "docs"
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png"}


@cache
def _assets() -> dict[str, Path]:
    """Every file /docs-assets serves, by name: our start-up scripts first, then the vendored bundles."""
    vendor = Path(str(files("fastapi_offline") / "static"))
    found: dict[str, Path] = {}
    for folder in (OWN, vendor):
        for path in folder.iterdir():
            if path.suffix in TYPES:
                found.setdefault(path.name, path)
    return found


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>PolicyQA API — {title}</title><link rel="icon" href="/docs-assets/favicon.png">{head}</head>
<body>{body}</body></html>"""


@router.get("/docs")
def swagger() -> HTMLResponse:
    return HTMLResponse(PAGE.format(
        title="Swagger UI", head='<link rel="stylesheet" href="/docs-assets/swagger-ui.css">',
        body='<div id="swagger-ui"></div><script src="/docs-assets/swagger-ui-bundle.js"></script>'
             '<script src="/docs-assets/swagger-init.js"></script>'))


@router.get("/redoc")
def redoc() -> HTMLResponse:
    return HTMLResponse(PAGE.format(
        title="ReDoc", head="",
        body='<div id="redoc"></div><script src="/docs-assets/redoc.standalone.js"></script>'
             '<script src="/docs-assets/redoc-init.js"></script>'))


@router.get("/docs-assets/{name}")
def asset(name: str) -> FileResponse:
    """The vendored Swagger UI and ReDoc bundles, and our start-up scripts; nothing else."""
    path = _assets().get(name)
    if path is not None:
        return FileResponse(path, media_type=TYPES[path.suffix], headers={"cache-control": "public, max-age=86400"})
    raise HTTPException(status_code=404, detail=f"no docs asset {name!r}")
