"""A month of outreach for the report's stories, recorded through the real services.

Office ALA: two information sessions (34 people in the room with the training), one training for
police with three officials on the list (two tested before and after: +40 and +20 points), 300
leaflets in Uzbek, six phone calls about unpaid wages and two WhatsApp messages. Office AST: one
session of ten women, which a report of office ALA must not count.
"""

from decimal import Decimal

from outreach import services
from tests.cases.factories import category
from tests.outreach.factories import agency, make_activity, make_training, material, record_held


def record_a_month_of_outreach(*, office_a, office_b, coordinator, manager) -> None:
    session = make_activity(office_a, actor=coordinator)
    record_held(session, actor=coordinator, women=(6, 5), men=(7, 2))
    second = make_activity(office_a, actor=coordinator, days_ago=5, title="Встреча в общежитии")
    record_held(second, actor=coordinator, women=(3, 0), men=(4, 1))
    training = make_training(office_a, actor=coordinator)
    record_held(training, actor=coordinator, women=(1, 1), men=(2, 2))
    for name, pre, post in (("А", 40, 80), ("Б", 50, 70), ("В", None, None)):
        services.attendee_add(
            activity=training,
            actor=coordinator,
            full_name=name,
            agency=agency("police"),
            pre_score=None if pre is None else Decimal(pre),
            post_score=None if post is None else Decimal(post),
        )
    services.stock_add(office=office_a, material=material("rights-leaflet-uz"), quantity=1000, actor=coordinator)
    services.handout_record(activity=session, actor=coordinator, material=material("rights-leaflet-uz"), quantity=300)
    make_activity(office_a, actor=coordinator, title="planned, not counted", days_ago=-3)
    for _number in range(6):
        services.quick_contact_log(
            actor=coordinator, channel="phone", action="advice", categories=[category("unpaid-wages")]
        )
    for _number in range(2):
        services.quick_contact_log(actor=coordinator, channel="whatsapp", action="invited")
    astana = make_activity(office_b, actor=manager, title="Astana, another office")
    record_held(astana, actor=manager, women=(10, 0), men=(0, 0))
