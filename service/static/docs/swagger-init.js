// Swagger UI for PolicyQA's OpenAPI schema; loaded from this host (the page's CSP allows no inline script).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
