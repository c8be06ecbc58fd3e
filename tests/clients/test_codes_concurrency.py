"""Client codes stay unique when several caseworkers register clients at the same moment."""

import threading
import time

import pytest
from django.db import OperationalError, connection

from clients.services import client_create
from tests.factories import country

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_creates_get_distinct_consecutive_codes(lawyer):
    uzbekistan = country("uz")
    codes, errors = [], []
    start = threading.Barrier(6)

    def register(number):
        try:
            start.wait()
            for _attempt in range(100):
                try:
                    client = client_create(
                        actor=lawyer,
                        family_name=f"Клиент{number}",
                        given_name="Тест",
                        sex="male",
                        citizenship=uzbekistan,
                    )
                    break
                except OperationalError as error:
                    # The in-memory SQLite of the tests reports "table is locked" at once where a real
                    # SQLite file waits (busy timeout) and PostgreSQL waits on the row lock: retry.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            codes.append(client.code)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(number,)) for number in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(int(code.rsplit("-", 1)[1]) for code in codes) == [1, 2, 3, 4, 5, 6]
