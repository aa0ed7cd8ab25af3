"""The API's routers, one per resource, in the order `create_app` includes them."""

from frontwatch.publish.routes import claims, control, documents, events, health, page, sources

ROUTERS = (page.router, events.router, claims.router, documents.router, control.router, sources.router,
           health.router)

__all__ = ["ROUTERS"]
