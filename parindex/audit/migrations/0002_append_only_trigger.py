"""On PostgreSQL, a trigger refuses UPDATE and DELETE on the audit table even for raw SQL.

TRUNCATE is left alone on purpose: Django's test runner empties tables with TRUNCATE between transactional
tests, and anyone allowed to TRUNCATE may drop the trigger anyway. The hash chain still shows such tampering.
SQLite gets no trigger: Django flushes SQLite tables with DELETE, which the trigger would block.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION parindex_audit_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'parindex: audit events are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION parindex_audit_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS parindex_audit_refuse_change();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # no parameters: the SQL has a literal %


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
