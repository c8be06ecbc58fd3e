"""The demo seeder: realistic clients, idempotent, and a fast bulk mode."""

import io
import random

import pytest

from clients.models import Client, ClientPhone
from demo.seed_accounts import seed as seed_accounts
from demo.seed_clients import seed

pytestmark = pytest.mark.django_db


def _context():
    context = {}
    seed_accounts(context, clients=None, rng=random.Random(1), stdout=io.StringIO())
    return context


def test_it_creates_realistic_clients_once(monkeypatch):
    monkeypatch.setattr("demo.seed_clients.DEFAULT_CLIENTS", 30)
    context = _context()
    seed(context, clients=None, rng=random.Random(1), stdout=io.StringIO())
    assert Client.objects.count() == 30
    assert len(context["client_ids"]) == 30
    assert Client.objects.filter(search_key__gt="").count() == 30
    assert Client.objects.filter(consents__store_data=True).distinct().count() == 30
    scripts = {"cyrillic" if client.family_name[0] > "z" else "latin" for client in Client.objects.all()}
    assert scripts == {"cyrillic", "latin"}
    seed(context, clients=None, rng=random.Random(2), stdout=io.StringIO())
    assert Client.objects.count() == 30


def test_the_bulk_mode_tops_up_to_n_clients_with_unique_codes():
    context = _context()
    seed(context, clients=1200, rng=random.Random(1), stdout=io.StringIO())
    assert Client.objects.count() == 1200
    assert Client.objects.values("code").distinct().count() == 1200
    assert ClientPhone.objects.count() >= 1200
    restricted = Client.objects.filter(is_restricted=True)
    assert restricted.exists()
    assert not restricted.filter(assigned_staff__isnull=True).exists()
