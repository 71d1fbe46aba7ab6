from django.conf import settings
from rest_framework.routers import DefaultRouter, SimpleRouter

from shop.catalog.api.views import ProductViewSet
from shop.users.api.views import UserViewSet

if settings.DEBUG:
    router = DefaultRouter()
else:
    router = SimpleRouter()

router.register("users", UserViewSet)
router.register("products", ProductViewSet, basename="product")

app_name = "api"
urlpatterns = router.urls
