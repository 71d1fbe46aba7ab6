from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter(prefix="/items")


@app.get("/health")
async def health():
    return {"ok": True}


@router.get("/")
async def list_items():
    return []


@router.get("/{item_id}")
async def read_item(item_id: int):
    return {"id": item_id}


@router.post(
    "/",
    status_code=201,
)
async def create_item(item: dict):
    return item


@router.delete("/{item_id}/tags/{tag}")
async def remove_tag(item_id: int, tag: str):
    return None


app.include_router(router)
