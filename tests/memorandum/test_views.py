"""The pages: who sees what, and how many queries each costs."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from memorandum.models import Referral, ReferralState
from tests.cases.factories import CaseFactory, make_client
from tests.memorandum.factories import MemorandumFactory, PartnerFactory, SignatoryFactory, make_referral


@pytest.fixture
def referral(case, coordinator, inspectorate):
    return make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)


def _urls(referral, memorandum):
    return [
        ("get", reverse("memorandum:referral-detail", args=[referral.pk]), {}),
        ("get", reverse("memorandum:referral-edit", args=[referral.pk]), {}),
        ("get", reverse("memorandum:referral-letter", args=[referral.pk]), {}),
        ("get", reverse("memorandum:referral-new") + f"?case={referral.case_id}", {}),
        ("post", reverse("memorandum:referral-send", args=[referral.pk]), {"version": referral.version}),
        ("post", reverse("memorandum:referral-resend", args=[referral.pk]), {"version": referral.version}),
        *[
            ("post", reverse("memorandum:referral-transition", args=[referral.pk, action]), {"version": 1, "text": "x"})
            for action in ("acknowledge", "accept", "decline", "complete", "close", "withdraw")
        ],
        ("get", reverse("memorandum:referral-board"), {}),
    ]


def test_an_outsider_gets_404_on_every_referral_url(referral, as_outsider):
    memorandum = MemorandumFactory()
    for method, url, data in _urls(referral, memorandum):
        response = getattr(as_outsider, method)(url, data)
        assert response.status_code == 404, url
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT


def test_an_outsider_sees_the_memorandum_page_but_none_of_office_a_referrals(referral, as_outsider, inspectorate):
    response = as_outsider.get(reverse("memorandum:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert referral.reference not in content
    assert referral.case.client.code not in content


def test_anonymous_visitors_are_sent_to_log_in(referral, client):
    for url in (reverse("memorandum:index"), reverse("memorandum:referral-detail", args=[referral.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_board_is_for_coordinators_and_managers(referral, as_lawyer, as_coordinator, as_manager):
    assert as_lawyer.get(reverse("memorandum:referral-board")).status_code == 404
    assert as_coordinator.get(reverse("memorandum:referral-board")).status_code == 200
    assert as_manager.get(reverse("memorandum:referral-board")).status_code == 200


def test_the_board_lists_overdue_referrals_first(coordinator, as_coordinator, case, inspectorate):
    recent = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    late = make_referral(coordinator=coordinator, case=case, partner=PartnerFactory(), state=ReferralState.SENT)
    accepted = make_referral(coordinator=coordinator, case=case, partner=PartnerFactory(), state=ReferralState.ACCEPTED)
    Referral.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=3))
    Referral.objects.filter(pk=accepted.pk).update(due_on=timezone.localdate() - timedelta(days=30))

    response = as_coordinator.get(reverse("memorandum:referral-board"))

    listed = [r.pk for r in response.context["page"].object_list]
    assert listed[0] == late.pk
    assert listed.index(recent.pk) < listed.index(accepted.pk)
    assert 'data-testid="overdue"' in response.content.decode()


def test_the_board_filters_by_state(coordinator, as_coordinator, case, inspectorate):
    sent = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    done = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.COMPLETED)

    response = as_coordinator.get(reverse("memorandum:referral-board"), {"state": "completed"})

    assert [r.pk for r in response.context["page"].object_list] == [done.pk]
    default = as_coordinator.get(reverse("memorandum:referral-board"))
    assert [r.pk for r in default.context["page"].object_list] == [sent.pk]


def _many_referrals(coordinator, office_a, lawyer, count):
    for _ in range(count):
        case = CaseFactory(lead=lawyer, client=make_client(office_a, consent={"share_partners": True}))
        make_referral(coordinator=coordinator, case=case, state=ReferralState.SENT)


def test_the_board_query_count_does_not_grow_with_referrals(
    coordinator, as_coordinator, office_a, lawyer, django_assert_max_num_queries
):
    # New referrals make the tab counts count again (7 queries); once counted they come from the cache.
    _many_referrals(coordinator, office_a, lawyer, 2)
    with django_assert_max_num_queries(7):
        as_coordinator.get(reverse("memorandum:referral-board"))
    with django_assert_max_num_queries(3):  # session, user, the page's referrals
        as_coordinator.get(reverse("memorandum:referral-board"))
    _many_referrals(coordinator, office_a, lawyer, 6)
    with django_assert_max_num_queries(7):
        response = as_coordinator.get(reverse("memorandum:referral-board"))
    assert len(response.context["page"].object_list) == 8


def test_the_referral_page_shows_the_request_and_is_audited(referral, as_coordinator, coordinator):
    response = as_coordinator.get(reverse("memorandum:referral-detail", args=[referral.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert referral.reference in content
    assert referral.request in content
    assert 'data-testid="action-accept"' in content
    assert LogEntry.objects.filter(
        object_id=referral.pk, action=LogEntry.Action.ACCESS, actor=coordinator, additional_data__access="view"
    ).exists()


def test_a_caseworker_sees_the_referral_of_their_office_but_no_buttons(referral, as_lawyer):
    response = as_lawyer.get(reverse("memorandum:referral-detail", args=[referral.pk]))

    assert response.status_code == 200
    assert 'data-testid="action-' not in response.content.decode()


def test_the_referral_page_query_count_is_fixed(referral, as_coordinator, coordinator, django_assert_max_num_queries):
    # 14: the partner loop adds the mails, the question thread, the live link and the send form's contacts.
    with django_assert_max_num_queries(14):
        as_coordinator.get(reverse("memorandum:referral-detail", args=[referral.pk]))
    for _ in range(5):
        services_step = make_referral(coordinator=coordinator, case=referral.case, state=ReferralState.DECLINED)
        Referral.objects.filter(pk=services_step.pk).update(resent_from=referral)
    with django_assert_max_num_queries(14):
        as_coordinator.get(reverse("memorandum:referral-detail", args=[referral.pk]))


def test_a_coordinator_refers_a_case_from_the_form(case, as_coordinator, inspectorate):
    url = reverse("memorandum:referral-new") + f"?case={case.pk}"
    form = as_coordinator.get(url)
    assert form.status_code == 200
    assert 'data-testid="referral-form"' in form.content.decode()

    response = as_coordinator.post(
        url,
        {
            "partner": inspectorate.pk,
            "request": "Проверить работодателя",
            "client_needs": "Зарплата",
            "categories": [c.pk for c in case.categories.all()],
            "shared_data": ["sex", "citizenship"],
            "language": "kk",
        },
    )

    referral = case.referrals.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("memorandum:referral-detail", args=[referral.pk])
    assert (referral.shared_data, referral.language, referral.state) == (["sex", "citizenship"], "kk", "draft")


def test_the_referral_form_shows_errors_and_saves_nothing(case, as_coordinator):
    response = as_coordinator.post(
        reverse("memorandum:referral-new") + f"?case={case.pk}", {"request": "", "language": "ru"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not case.referrals.exists()


def test_a_caseworker_whose_office_does_not_allow_referrals_is_refused(case, as_lawyer):
    response = as_lawyer.get(reverse("memorandum:referral-new") + f"?case={case.pk}")

    assert response.status_code == 403


def test_the_memorandum_page_shows_signatories_commitments_and_figures(
    as_lawyer, coordinator, case, inspectorate, django_assert_max_num_queries
):
    memorandum = MemorandumFactory()
    signatory = SignatoryFactory(memorandum=memorandum, partner=inspectorate)
    signatory.commitments.create(text="Проверять работодателей по сообщениям")
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.COMPLETED)
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.DECLINED)

    # 14: one more for the clients each partner referred to us.
    with django_assert_max_num_queries(14):
        response = as_lawyer.get(reverse("memorandum:index"))

    content = response.content.decode()
    assert memorandum.title in content
    assert "Проверять работодателей по сообщениям" in content
    row = next(p for p in response.context["partners"] if p.pk == inspectorate.pk)
    assert (row.figures.referred, row.figures.accepted, row.figures.completed) == (2, 1, 1)
    assert row.figures.median_days == 0


def test_the_memorandum_page_query_count_does_not_grow(as_lawyer, django_assert_max_num_queries):
    memorandum = MemorandumFactory()
    for _ in range(3):
        SignatoryFactory(memorandum=memorandum).commitments.create(text="Обязательство")
    # 14: one more for the clients each partner referred to us.
    with django_assert_max_num_queries(14):
        as_lawyer.get(reverse("memorandum:index"))
    for _ in range(10):
        partner = PartnerFactory()
        partner.contacts.create(name="Контакт")
        SignatoryFactory(memorandum=memorandum, partner=partner).commitments.create(text="Обязательство")
    with django_assert_max_num_queries(14):
        response = as_lawyer.get(reverse("memorandum:index"))
    assert len(response.context["partners"]) == 13


def test_the_signed_memorandum_is_downloaded_by_staff_only(as_lawyer, client):
    memorandum = MemorandumFactory()
    memorandum.document.save("signed.pdf", ContentFile(b"%PDF-1.4 signed"))

    url = reverse("memorandum:document", args=[memorandum.pk])
    response = as_lawyer.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed"
    assert client.get(url).status_code == 302


def test_the_coordinator_home_panel_lists_overdue_referrals(case, coordinator, as_coordinator, as_lawyer, inspectorate):
    late = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    Referral.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    make_referral(coordinator=coordinator, case=case, partner=inspectorate)

    content = as_coordinator.get(reverse("home")).content.decode()

    assert 'data-testid="overdue-referral"' in content and late.reference in content
    assert 'data-testid="draft-referrals"' in content
    assert 'data-testid="coordinator-panel"' not in as_lawyer.get(reverse("home")).content.decode()


def test_a_declined_referral_is_sent_to_another_partner_from_its_page(case, coordinator, as_coordinator, inspectorate):
    declined = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.DECLINED)
    union = PartnerFactory(name_ru="Федерация профсоюзов Республики Казахстан")
    page = as_coordinator.get(reverse("memorandum:referral-detail", args=[declined.pk]))
    assert 'data-testid="form-resend"' in page.content.decode()

    response = as_coordinator.post(
        reverse("memorandum:referral-resend", args=[declined.pk]), {"version": declined.version, "partner": union.pk}
    )

    new = Referral.objects.get(resent_from=declined)
    assert response["Location"] == reverse("memorandum:referral-detail", args=[new.pk])
    assert (new.partner, new.state) == (union, ReferralState.SENT)

    # The page now links the new referral instead of offering to send it again; a second post is refused.
    page = as_coordinator.get(reverse("memorandum:referral-detail", args=[declined.pk])).content.decode()
    assert 'data-testid="form-resend"' not in page and new.reference in page
    again = as_coordinator.post(
        reverse("memorandum:referral-resend", args=[declined.pk]), {"version": declined.version, "partner": union.pk}
    )
    assert again.status_code == 400
    assert Referral.objects.filter(resent_from=declined).count() == 1


def test_the_coordinator_changes_a_draft_before_sending_it(case, coordinator, as_coordinator, inspectorate):
    draft = make_referral(coordinator=coordinator, case=case, partner=inspectorate)
    as_coordinator.get(reverse("memorandum:referral-letter", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.letter
    union = PartnerFactory()
    url = reverse("memorandum:referral-edit", args=[draft.pk])
    assert as_coordinator.get(url).status_code == 200

    response = as_coordinator.post(
        url,
        {
            "version": draft.version,
            "partner": union.pk,
            "request": "Новая просьба",
            "shared_data": ["sex", "name"],
            "language": "ru",
        },
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.partner, draft.request, draft.shared_data) == (union, "Новая просьба", ["sex", "name"])
    assert not draft.letter  # the stale preview is gone; the next download makes a new one


def test_a_sent_referral_cannot_be_changed(case, coordinator, as_coordinator, as_outsider, inspectorate):
    sent = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    url = reverse("memorandum:referral-edit", args=[sent.pk])

    assert as_coordinator.get(url).status_code == 403
    assert as_coordinator.post(url, {"partner": inspectorate.pk, "request": "x", "language": "ru"}).status_code == 403
    assert as_outsider.get(url).status_code == 404
    sent.refresh_from_db()
    assert sent.request != "x"


def test_the_form_suggests_partners_that_help_with_the_case_problem(case, as_coordinator, inspectorate):
    from tests.cases.factories import category

    inspectorate.categories.set([category("unpaid-wages")])
    shelter = PartnerFactory(name_ru="Приют")
    shelter.categories.set([category("housing")])

    response = as_coordinator.get(reverse("memorandum:referral-new") + f"?case={case.pk}")

    choices = response.context["form"].fields["partner"].choices
    groups = [[value for value, _ in options] for _, options in choices if isinstance(options, list)]
    assert groups == [[inspectorate.pk], [shelter.pk]]


def test_a_restricted_clients_referral_stays_hidden_from_an_unassigned_coordinator(
    office_a, lawyer, manager, as_coordinator, inspectorate
):
    victim = make_client(office_a, actor=lawyer, restricted=True, consent={"share_partners": True})
    case = CaseFactory(client=victim, lead=lawyer)
    referral = make_referral(coordinator=manager, case=case, partner=inspectorate, state=ReferralState.SENT)
    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate() - timedelta(days=3))

    for url in (
        reverse("memorandum:referral-detail", args=[referral.pk]),
        reverse("memorandum:referral-letter", args=[referral.pk]),
        reverse("memorandum:referral-edit", args=[referral.pk]),
    ):
        assert as_coordinator.get(url).status_code == 404, url
    accept = reverse("memorandum:referral-transition", args=[referral.pk, "accept"])
    assert as_coordinator.post(accept, {"version": referral.version}).status_code == 404
    for page in (reverse("memorandum:referral-board"), reverse("home")):
        content = as_coordinator.get(page).content.decode()
        assert referral.reference not in content and victim.code not in content, page
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT
