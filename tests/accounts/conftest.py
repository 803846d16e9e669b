from __future__ import annotations

from django.urls import reverse

USER_IMPORT_URL = reverse("users:user_import")
