from typing import Annotated

from fastapi import APIRouter, Depends

router = APIRouter(tags=["login"])


@router.post("/login/access-token")
def login_access_token(form_data: Annotated[dict, Depends()]) -> dict:
    return {}
