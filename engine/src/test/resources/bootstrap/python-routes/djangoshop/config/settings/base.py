import environ

env = environ.Env()

ROOT_URLCONF = "config.urls"
ADMIN_URL = "admin/"
SHOP_API_PREFIX = "api/"
