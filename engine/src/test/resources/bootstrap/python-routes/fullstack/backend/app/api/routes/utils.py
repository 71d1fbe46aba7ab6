from fastapi import APIRouter, WebSocket

router = APIRouter(prefix="/utils", tags=["utils"])


@router.get("/health-check/")
async def health_check() -> bool:
    return True


@router.websocket("/ws")
async def ws(websocket: WebSocket) -> None:
    await websocket.accept()
