"""The catalogue of indices and components (parindex/indices/catalogue.py), written once. A later change to the
catalogue comes with its own migration, so that every database holds the same components."""

from django.db import migrations


def add_catalogue(apps, schema_editor):
    from parindex.indices.catalogue import catalogue_write

    catalogue_write(apps.get_model("indices", "IndexComponent"))


class Migration(migrations.Migration):
    dependencies = [("indices", "0001_initial")]

    operations = [migrations.RunPython(add_catalogue, migrations.RunPython.noop)]
