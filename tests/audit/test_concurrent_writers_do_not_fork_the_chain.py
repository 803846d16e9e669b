import threading

import pytest
from django.db import connection, connections

from parindex.audit.models import AuditEvent
from parindex.audit.services import audit_record, audit_verify_chain

WRITERS = 4
EVENTS_EACH = 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("the in-memory SQLite test database shares one connection cache; IMMEDIATE needs a file")
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def write(writer: int) -> None:
        try:
            start.wait()
            for number in range(EVENTS_EACH):
                audit_record(actor=None, action="test.concurrent", summary=f"{writer}-{number}")
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert AuditEvent.objects.count() == WRITERS * EVENTS_EACH
    assert audit_verify_chain() == []
