from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = f"{settings.SITE_NAME} admin"
admin.site.site_title = settings.SITE_NAME
admin.site.site_url = "/"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("opendata.urls")),
    path("", include("articles.urls")),
    path("", include("digest.urls")),
]

# A database error raised outside a view still gets the 503 page (historyblog/errors.py).
handler500 = "historyblog.errors.server_error"
# A refusal in the admin gets the admin's 403 page, with a way back.
handler403 = "historyblog.errors.permission_denied"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
