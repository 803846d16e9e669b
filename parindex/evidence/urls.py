from django.urls import path

from parindex.evidence import views

app_name = "evidence"

urlpatterns = [
    path("danh-gia/<int:assessment_id>/tai-lieu/", views.registry, name="registry"),
    path(
        "danh-gia/<int:assessment_id>/trich-dan/<str:stage>/<str:code>/",
        views.leaf_citations_view,
        name="leaf_citations",
    ),
    path("tai-lieu/<int:pk>/sua/", views.document_edit, name="edit"),
    path("tai-lieu/<int:pk>/xoa/", views.document_delete, name="delete"),
    path("tai-lieu/<int:pk>/tai-ve/", views.document_download, name="download"),
    path("tai-lieu/<int:pk>/xem/", views.document_preview, name="preview"),
    path("trich-dan/<int:pk>/xoa/", views.citation_remove_view, name="citation_remove"),
]
