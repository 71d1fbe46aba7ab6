from .base import *  # noqa
from .base import env

ADMIN_URL = env("DJANGO_ADMIN_URL")
