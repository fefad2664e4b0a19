// ReDoc for PolicyQA's OpenAPI schema; loaded from this host (the page's CSP allows no inline script).
Redoc.init("/openapi.json", { hideDownloadButton: false }, document.getElementById("redoc"));
