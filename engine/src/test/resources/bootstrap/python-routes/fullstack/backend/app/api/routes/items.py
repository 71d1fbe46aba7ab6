import uuid
from typing import Any

from fastapi import APIRouter, HTTPException

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/", response_model=list)
def read_items(skip: int = 0, limit: int = 100) -> Any:
    return []


@router.post("/", response_model=dict)
def create_item(*, item_in: dict) -> Any:
    return item_in


@router.get("/{id}", response_model=dict)
def read_item(id: uuid.UUID) -> Any:
    raise HTTPException(status_code=404, detail="Item not found")


@router.delete(
    "/{id}",
)
def delete_item(id: uuid.UUID) -> dict:
    return {"message": "Item deleted successfully"}
