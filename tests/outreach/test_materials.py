"""Leaflets handed out at an activity lower the office's stock; the stock page says what is running low."""

import pytest

from outreach import services
from outreach.models import MaterialStock
from tests.outreach.factories import material

pytestmark = pytest.mark.django_db


@pytest.fixture
def stock(office_a, coordinator):
    return services.stock_add(
        office=office_a, material=material("rights-leaflet-uz"), quantity=500, low_threshold=200, actor=coordinator
    )


def test_handing_out_lowers_the_stock(as_coordinator, activity_a, stock):
    response = as_coordinator.post(
        f"/outreach/{activity_a.pk}/materials/", {"material": stock.material_id, "quantity": "350"}
    )
    assert response.status_code == 302
    stock.refresh_from_db()
    assert stock.quantity == 150
    page = as_coordinator.get("/outreach/materials/").content.decode()
    assert 'data-testid="running-low"' in page


def test_more_than_the_stock_is_refused_and_nothing_changes(as_coordinator, activity_a, stock):
    response = as_coordinator.post(
        f"/outreach/{activity_a.pk}/materials/", {"material": stock.material_id, "quantity": "600"}, follow=True
    )
    assert "Only 500 copies are in stock at this office." in response.content.decode()
    stock.refresh_from_db()
    assert stock.quantity == 500
    assert not activity_a.handouts.exists()


@pytest.mark.parametrize("quantity", ["-5", "2.5", "много", "0"])
def test_bad_quantities_are_refused(as_coordinator, activity_a, stock, quantity):
    as_coordinator.post(f"/outreach/{activity_a.pk}/materials/", {"material": stock.material_id, "quantity": quantity})
    stock.refresh_from_db()
    assert stock.quantity == 500


def test_a_coordinator_adds_a_delivery_to_the_stock(as_coordinator, office_a):
    leaflet = material("rights-leaflet-ky")
    as_coordinator.post(
        "/outreach/materials/",
        {"office": office_a.pk, "material": leaflet.pk, "quantity": "1000", "low_threshold": "100"},
    )
    assert MaterialStock.objects.get(office=office_a, material=leaflet).quantity == 1000


def test_the_stock_cannot_go_below_zero(as_coordinator, office_a, stock):
    response = as_coordinator.post(
        "/outreach/materials/", {"office": office_a.pk, "material": stock.material_id, "quantity": "-501"}
    )
    assert "The stock cannot go below zero." in response.content.decode()


def test_an_outsider_sees_only_their_office_stock(as_outsider, stock):
    assert 'data-testid="stock-row"' not in as_outsider.get("/outreach/materials/").content.decode()


def test_the_stock_page_pins_its_query_count(
    as_manager, office_a, office_b, coordinator, manager, django_assert_max_num_queries
):
    from outreach.models import Material

    for office in (office_a, office_b):
        for leaflet in Material.objects.all():
            services.stock_add(office=office, material=leaflet, quantity=300, actor=manager)
    with django_assert_max_num_queries(10):
        assert as_manager.get("/outreach/materials/").status_code == 200
