"""Demo data: the 2008 memorandum, its partners, and referrals in every state.

Idempotent: partners are matched by code, the memorandum by title, and the
story referrals are made only once. With ``clients=N`` about a tenth of the
cases without a referral get one, inserted in bulk.
"""

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from cases.models import Case, CaseEvent, CaseStatus, ProblemCategory
from clients.services import consent_allows
from demo import bulk
from demo.memorandum_data import (
    COMMITMENTS,
    CONTACT_PEOPLE,
    MEMORANDUM_SUMMARY,
    MEMORANDUM_TITLE,
    OTHER_PARTNERS,
    PARTNER_ADDRESSES,
    SIGNATORIES,
    SIGNED_BY,
)
from memorandum import permissions, services
from memorandum.models import (
    MINIMAL_SHARED_DATA,
    OPEN_STATES,
    Commitment,
    Memorandum,
    Partner,
    PartnerContact,
    Referral,
    ReferralEvent,
    ReferralState,
    Signatory,
)
from reference.models import Region
from reference.translation import translations


def seed_partners() -> dict[str, Partner]:
    regions = {region.code: region for region in Region.objects.all()}
    categories = {category.code: category for category in ProblemCategory.objects.all()}
    partners = {}
    for index, (code, kind, name_ru, name_kk, name_en, region, days, category_codes) in enumerate(
        SIGNATORIES + OTHER_PARTNERS
    ):
        partner, created = Partner.objects.update_or_create(
            code=code,
            defaults={
                "kind": kind,
                "name_ru": name_ru,
                "name_kk": name_kk,
                "name_en": name_en,
                "region": regions.get(region) if region else None,
                "response_days": days,
                **translations("address", PARTNER_ADDRESSES["astana" if region in (None, "astana") else "almaty"]),
            },
        )
        if created:
            partner.categories.set([categories[c] for c in category_codes if c in categories])
            name, positions = CONTACT_PEOPLE[index % len(CONTACT_PEOPLE)]
            PartnerContact.objects.create(
                partner=partner,
                name=name,
                **translations("position", positions),
                phone=f"+7 717 200 {index:02d} {index + 10:02d}",
                email=f"{code}@partner.example",
            )
        partners[code] = partner
    return partners


def _memorandum_document() -> bytes:
    from weasyprint import HTML

    html = (
        "<html><body style='font-family: DejaVu Serif'><h1>" + MEMORANDUM_TITLE[0] + "</h1>"
        "<p>Алматы, 2008 год. Подписанный экземпляр хранится в офисе (демонстрационная копия).</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def seed_memorandum(partners: dict[str, Partner]) -> Memorandum:
    memorandum, _ = Memorandum.objects.get_or_create(
        title_ru=MEMORANDUM_TITLE[0],
        defaults={
            "signed_on": date(2008, 6, 12),
            **translations("title", MEMORANDUM_TITLE),
            **translations("summary", MEMORANDUM_SUMMARY),
        },
    )
    if not memorandum.document:
        memorandum.document.save("memorandum-2008.pdf", ContentFile(_memorandum_document()))
    for code, kind, *_rest in SIGNATORIES:
        signatory, created = Signatory.objects.get_or_create(
            memorandum=memorandum, partner=partners[code], defaults=translations("signed_by", SIGNED_BY)
        )
        if created:
            Commitment.objects.bulk_create(
                Commitment(signatory=signatory, **translations("text", texts), ordering=number)
                for number, texts in enumerate(COMMITMENTS[kind])
            )
    return memorandum


def _user(context: dict, username: str, role: str) -> User | None:
    users = context.get("users") or {}
    return users.get(username) or User.objects.filter(role=role, is_active=True).order_by("pk").first()


# partner, final state, days ago sent, days to answer; the last one stays a caseworker's draft.
STORY = [
    ("labour-inspectorate", ReferralState.COMPLETED, 60, 6),
    ("ftuk", ReferralState.ACCEPTED, 20, 4),
    ("migration-police", ReferralState.SENT, 25, None),
    ("crisis-centre", ReferralState.ACKNOWLEDGED, 3, 1),
    ("embassy-tajikistan", ReferralState.DECLINED, 40, 9),
    ("prosecutor-almaty", ReferralState.CLOSED_NO_ANSWER, 90, None),
    ("education-almaty", ReferralState.WITHDRAWN, 10, None),
    ("human-rights-bureau", ReferralState.SENT, 2, None),
    ("health-almaty", ReferralState.DRAFT, None, None),
    ("shelter", ReferralState.DRAFT, None, None),
]


def _consenting(cases: list[Case], partner: Partner, used: set[int]) -> Case | None:
    """A case whose client agreed to share with this partner, preferring cases without a referral yet."""
    allowed = [
        case
        for case in cases
        if all(consent_allows(case.client, scope) for scope in services.consent_scopes_needed(partner))
    ]
    fresh = [case for case in allowed if case.pk not in used]
    return (fresh or allowed or [None])[0]


def _backdate(referral: Referral, *, days_ago: int, answer_after: int | None) -> None:
    sent_at = timezone.now() - timedelta(days=days_ago)
    answered_at = sent_at + timedelta(days=answer_after) if answer_after is not None else None
    finished_at = (answered_at or sent_at) + timedelta(days=5)
    fields = {"sent_at": sent_at, "created_at": sent_at - timedelta(hours=2)}
    fields["due_on"] = timezone.localdate(sent_at) + timedelta(days=referral.partner.response_days)
    if referral.answered_at:
        fields.update(answered_at=answered_at, answer_days=answer_after)
    if referral.completed_at:
        fields["completed_at"] = finished_at
    if referral.closed_at:
        # A refusal closes the referral when it arrives; the other endings come later.
        fields["closed_at"] = answered_at if referral.state == ReferralState.DECLINED else finished_at
    Referral.objects.filter(pk=referral.pk).update(**fields)
    when = {
        ReferralState.DRAFT: fields["created_at"],
        ReferralState.SENT: sent_at,
        ReferralState.ACKNOWLEDGED: answered_at,
        ReferralState.ACCEPTED: answered_at,
        ReferralState.DECLINED: answered_at,
    }
    for event in referral.events.all():
        ReferralEvent.objects.filter(pk=event.pk).update(at=when.get(event.to_state) or finished_at)
    # The case's own timeline says when it started and stopped waiting for this referral.
    moves = CaseEvent.objects.filter(case_id=referral.case_id, reason_params__reference=referral.reference)
    moves.filter(to_status=CaseStatus.WAITING).update(at=sent_at)
    if "closed_at" in fields:
        moves.exclude(to_status=CaseStatus.WAITING).update(at=fields["closed_at"])


def _walk(referral: Referral, state: str, coordinator: User) -> None:
    """Take a sent referral to ``state`` through the services, as a coordinator would."""
    steps = {
        ReferralState.ACKNOWLEDGED: [services.referral_acknowledge],
        ReferralState.ACCEPTED: [services.referral_acknowledge, services.referral_accept],
        ReferralState.COMPLETED: [services.referral_accept],
        ReferralState.CLOSED_NO_ANSWER: [services.referral_close_no_answer],
        ReferralState.WITHDRAWN: [services.referral_withdraw],
    }
    for step in steps.get(state, []):
        step(referral=referral, actor=coordinator)
    if state == ReferralState.COMPLETED:
        services.referral_complete(
            referral=referral, actor=coordinator, result="Работодатель выплатил долг по зарплате после проверки."
        )
    if state == ReferralState.DECLINED:
        services.referral_decline(
            referral=referral, actor=coordinator, reason="Вопрос не относится к компетенции посольства."
        )


def seed_story_referrals(context: dict, partners: dict[str, Partner]) -> int:
    coordinator = _user(context, "coordinator", Role.COORDINATOR)
    caseworker = _user(context, "lawyer", Role.CASEWORKER)
    if coordinator is None or Referral.objects.filter(created_by=coordinator).exists():
        return 0
    cases = list(
        Case.objects.filter(office_id=coordinator.office_id)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("client", "office")
        .prefetch_related("categories")
        .order_by("pk")[:40]
    )
    made = 0
    used: set[int] = set()
    for code, state, days_ago, answer_after in STORY:
        partner = partners[code]
        case = _consenting(cases, partner, used)
        if case is None:
            continue
        used.add(case.pk)
        author = coordinator
        if code == "shelter" and caseworker is not None and permissions.can_start_referral(caseworker, case):
            author = caseworker  # a caseworker's draft, waiting for the coordinator's approval
        referral = services.referral_create(
            case=case,
            partner=partner,
            actor=author,
            request="Просим провести проверку и содействовать защите трудовых прав клиента.",
            client_needs="Получить невыплаченную зарплату и вернуть паспорт.",
            categories=list(case.categories.all()),
            shared_data=[str(item) for item in MINIMAL_SHARED_DATA],
        )
        made += 1
        if state == ReferralState.DRAFT:
            continue
        services.referral_send(referral=referral, actor=coordinator)
        _walk(referral, state, coordinator)
        referral.refresh_from_db()
        _backdate(referral, days_ago=days_ago, answer_after=answer_after)
    return made


BULK_STATES = [
    (ReferralState.COMPLETED, 30),
    (ReferralState.ACCEPTED, 15),
    (ReferralState.DECLINED, 10),
    (ReferralState.SENT, 15),
    (ReferralState.ACKNOWLEDGED, 10),
    (ReferralState.CLOSED_NO_ANSWER, 10),
    (ReferralState.WITHDRAWN, 5),
    (ReferralState.DRAFT, 5),
]
ANSWERED = {ReferralState.ACKNOWLEDGED, ReferralState.ACCEPTED, ReferralState.DECLINED, ReferralState.COMPLETED}


def seed_bulk_referrals(context: dict, partners: dict[str, Partner], *, rng) -> int:
    """Referrals for about 10% of the cases that have none, in a few bulk inserts."""
    coordinators = {u.office_id: u for u in User.objects.filter(role=Role.COORDINATOR, is_active=True)}
    fallback = _user(context, "coordinator", Role.COORDINATOR)
    if fallback is None:
        return 0
    rows = list(Case.objects.filter(referrals__isnull=True).values_list("pk", "office_id", "office__code", "opened_on"))
    chosen = rng.sample(rows, len(rows) // 10)
    first_category = {}
    # The whole link table in one read: a list of ids in the query would hit SQLite's variable limit.
    for case_id, category_id in Case.categories.through.objects.order_by("pk").values_list(
        "case_id", "problemcategory_id"
    ):
        first_category.setdefault(case_id, category_id)
    partner_list = list(partners.values())
    states = [state for state, weight in BULK_STATES for _ in range(weight)]
    today = timezone.localdate()
    referrals = []
    for case_id, office_id, office_code, opened_on in chosen:
        partner = rng.choice(partner_list)
        state = rng.choice(states)
        author = coordinators.get(office_id, fallback)
        sent_on = min(opened_on + timedelta(days=rng.randint(1, 20)), today)
        sent_at = timezone.make_aware(datetime.combine(sent_on, time(10, rng.randint(0, 59))))
        answer_days = rng.randint(1, partner.response_days + 10) if state in ANSWERED else None
        answered_at = sent_at + timedelta(days=answer_days) if answer_days is not None else None
        finished_at = (answered_at or sent_at) + timedelta(days=rng.randint(3, 40))
        draft = state == ReferralState.DRAFT
        referrals.append(
            Referral(
                case_id=case_id,
                partner=partner,
                reference=f"{office_code}-{sent_on:%Y}-B{case_id:07d}",
                state=state,
                request="Просим рассмотреть обращение клиента в пределах вашей компетенции.",
                shared_data=[str(item) for item in MINIMAL_SHARED_DATA],
                created_by=author,
                created_at=sent_at - timedelta(hours=3),
                sent_by=None if draft else author,
                sent_at=None if draft else sent_at,
                due_on=None if draft else sent_on + timedelta(days=partner.response_days),
                answered_at=answered_at,
                answer_days=answer_days,
                completed_at=finished_at if state == ReferralState.COMPLETED else None,
                closed_at=finished_at if state not in OPEN_STATES and not draft else None,
                decline_reason="Не в нашей компетенции." if state == ReferralState.DECLINED else "",
                result="Помощь оказана." if state == ReferralState.COMPLETED else "",
            )
        )
    with transaction.atomic():
        bulk.insert(referrals, batch_size=1000)
        events = []
        links = []
        for referral in referrals:
            events.append(
                ReferralEvent(
                    referral=referral,
                    to_state=ReferralState.DRAFT,
                    actor_id=referral.created_by_id,
                    at=referral.created_at,
                )
            )
            if referral.sent_at:
                events.append(
                    ReferralEvent(
                        referral=referral,
                        from_state=ReferralState.DRAFT,
                        to_state=ReferralState.SENT,
                        actor_id=referral.created_by_id,
                        at=referral.sent_at,
                    )
                )
            if referral.state not in (ReferralState.DRAFT, ReferralState.SENT):
                events.append(
                    ReferralEvent(
                        referral=referral,
                        from_state=ReferralState.SENT,
                        to_state=referral.state,
                        actor_id=referral.created_by_id,
                        at=referral.completed_at or referral.closed_at or referral.answered_at,
                    )
                )
            if referral.case_id in first_category:
                links.append(
                    Referral.categories.through(
                        referral_id=referral.pk, problemcategory_id=first_category[referral.case_id]
                    )
                )
        bulk.insert_all(events, links)
        open_referrals = Referral.objects.filter(state__in=OPEN_STATES).values("case_id")
        Case.objects.filter(pk__in=open_referrals).exclude(status__in=[CaseStatus.CLOSED, CaseStatus.WAITING]).update(
            status=CaseStatus.WAITING
        )
    return len(referrals)


def seed(context: dict, *, clients, rng, stdout) -> str:
    partners = seed_partners()
    memorandum = seed_memorandum(partners)
    story = seed_story_referrals(context, partners)
    bulk = seed_bulk_referrals(context, partners, rng=rng) if clients else 0
    context["partners"] = partners
    return (
        f"{len(partners)} partners, memorandum with {memorandum.signatories.count()} signatories, "
        f"{story + bulk} new referrals"
    )
