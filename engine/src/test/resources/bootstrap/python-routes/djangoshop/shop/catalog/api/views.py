from rest_framework import viewsets


class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    """GET /api/products/ lists products; this docstring is not a route."""
