import sentry_sdk
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.middleware.cors import CORSMiddleware

from app.api.main import api_router
from app.core.config import settings


def custom_generate_unique_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}"


app = FastAPI(title=settings.PROJECT_NAME, openapi_url=f"{settings.API_V1_STR}/openapi.json")


# Not a route: app.get("/nothing") in a comment
@app.get("/", include_in_schema=False)
async def root():
    """Redirects to the docs: @app.get("/docs") is served by FastAPI itself."""
    return {"docs": "/docs"}


app.include_router(api_router, prefix=settings.API_V1_STR)
