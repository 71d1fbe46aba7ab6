from fastapi.testclient import TestClient

from app.core.config import settings


def test_create_item(client: TestClient) -> None:
    response = client.post(f"{settings.API_V1_STR}/items/", json={"title": "Foo"})
    assert response.status_code == 200
    r = client.get(f"{settings.API_V1_STR}/items/")
    assert r.status_code == 200
