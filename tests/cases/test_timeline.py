"""Higher apps add items to the case timeline through providers."""

from datetime import timedelta

from django.utils import timezone

from cases import timeline
from cases.services import case_change_status
from tests.cases.factories import ConsultationFactory, FollowUpFactory


def test_the_timeline_mixes_consultations_events_follow_ups_and_provider_items(case, lawyer):
    ConsultationFactory(case=case, started_at=timezone.now() - timedelta(days=2))
    case_change_status(case=case, status="waiting", actor=lawyer)
    FollowUpFactory(case=case)
    seen = []

    def referrals(case_, user):
        seen.append((case_, user))
        return [timeline.TimelineItem(when=timezone.now() - timedelta(days=1), template="x.html", context={"n": 1})]

    timeline.register_provider(referrals)
    timeline.register_provider(referrals)  # twice is harmless
    try:
        items = timeline.timeline_for(case, lawyer)
    finally:
        timeline._providers.remove(referrals)
    assert seen == [(case, lawyer)]
    templates = [item.template for item in items]
    assert "x.html" in templates
    assert "cases/timeline/_consultation.html" in templates
    assert "cases/timeline/_event.html" in templates
    assert "cases/timeline/_follow_up.html" in templates
    whens = [item.when for item in items]
    assert whens == sorted(whens, reverse=True)


def test_items_of_the_same_minute_keep_the_order_they_were_written_in(case, lawyer):
    from cases.services import consultation_log

    minute = timezone.now().replace(second=0, microsecond=0)
    case_change_status(case=case, status="waiting", actor=lawyer)
    consultation = consultation_log(case=case, actor=lawyer, summary="…", started_at=minute)
    items = timeline.timeline_for(case, lawyer)
    assert items[0].context.get("consultation") == consultation


def test_the_clients_documents_since_the_case_opened_are_on_the_timeline(case, as_lawyer, tmp_path, settings):
    from django.urls import reverse

    from tests.clients.factories import ClientDocumentFactory

    settings.MEDIA_ROOT = tmp_path
    document = ClientDocumentFactory(client=case.client, title="Трудовой договор")
    html = as_lawyer.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'data-testid="timeline-document"' in html
    assert reverse("clients:document-download", args=[case.client_id, document.pk]) in html


def test_other_apps_add_buttons_to_the_case_page(case, as_lawyer):
    from django.urls import reverse

    from cases import extensions

    def refer(request, case_):
        return {"label": "Refer", "url": f"/memorandum/new/?case={case_.pk}", "testid": "refer-test"}

    extensions.register_case_action(refer)
    try:
        html = as_lawyer.get(reverse("cases:detail", args=[case.pk])).content.decode()
    finally:
        extensions._actions.remove(refer)
    assert 'data-testid="refer-test"' in html
