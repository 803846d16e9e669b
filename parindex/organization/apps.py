from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "parindex.organization"
    verbose_name = "Tổ chức, đơn vị"
