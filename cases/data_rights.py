"""What cases add to a client's data rights: the subject-access export and anonymisation.

Registered with the clients app's extension points in ``CasesConfig.ready``.
"""

import audit
from audit.masking import MASK
from cases.models import Case, CaseEvent, Consultation, FollowUp

# Free text that may name people or places; dates, kinds, categories, outcomes and amounts stay for reports.
FREE_TEXT = {
    Case: ["summary"],
    Consultation: ["summary", "next_steps", "place", "psych_notes"],
    FollowUp: ["title"],
    CaseEvent: ["reason"],
}


def export_client_cases(client) -> dict:
    """The client's cases for a subject-access export.

    Psychological notes are not included: the export says whether they exist, so the psychologist
    can review them with the client.
    """
    cases = (
        Case.objects.filter(client=client)
        .select_related("office", "lead", "project")
        .prefetch_related("categories", "consultations__given_by", "consultations__language", "follow_ups", "events")
        .order_by("opened_on", "pk")
    )
    return {
        "cases": [
            {
                "number": case.number,
                "office": case.office.code,
                "kind": case.kind,
                "categories": [category.code for category in case.categories.all()],
                "summary": case.summary,
                "urgent": case.is_urgent,
                "status": case.status,
                "opened_on": case.opened_on.isoformat(),
                "closed_on": case.closed_on.isoformat() if case.closed_on else None,
                "outcome": case.outcome,
                "wages_claimed": str(case.wages_claimed) if case.wages_claimed is not None else None,
                "wages_recovered": str(case.wages_recovered) if case.wages_recovered is not None else None,
                "documents_returned": case.documents_returned,
                "status_regularised": case.status_regularised,
                "deportation_avoided": case.deportation_avoided,
                "return_home_arranged": case.return_home_arranged,
                "project": case.project.code if case.project_id else None,
                "consultations": [
                    {
                        "started_at": consultation.started_at.isoformat(),
                        "duration_minutes": consultation.duration_minutes,
                        "given_by": str(consultation.given_by),
                        "kind": consultation.kind,
                        "mode": consultation.mode,
                        "place": consultation.place,
                        "language": consultation.language.code if consultation.language_id else None,
                        "interpreter_used": consultation.interpreter_used,
                        "summary": consultation.summary,
                        "next_steps": consultation.next_steps,
                        "psychological_notes_held": bool(consultation.psych_notes),
                    }
                    for consultation in case.consultations.all()
                ],
                "follow_ups": [
                    {"title": f.title, "due_on": f.due_on.isoformat(), "done": f.done} for f in case.follow_ups.all()
                ],
                "events": [
                    {"kind": e.kind, "to": e.to_status, "at": e.at.isoformat(), "reason": e.reason_text}
                    for e in case.events.all()
                ],
            }
            for case in cases
        ]
    }


def anonymise_client_cases(client, actor) -> None:
    """Erase the free text of the client's cases (and its copies in the audit trail)."""
    case_ids = list(Case.objects.filter(client=client).values_list("pk", flat=True))
    ids = {
        Case: case_ids,
        Consultation: list(Consultation.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)),
        FollowUp: list(FollowUp.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)),
        CaseEvent: list(CaseEvent.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)),
    }
    Case.objects.filter(pk__in=case_ids).update(summary=MASK)
    Consultation.objects.filter(pk__in=ids[Consultation]).update(summary=MASK, next_steps="", place="", psych_notes="")
    FollowUp.objects.filter(pk__in=ids[FollowUp]).update(title=MASK)
    CaseEvent.objects.filter(pk__in=ids[CaseEvent]).update(reason="")
    for model, fields in FREE_TEXT.items():
        audit.scrub_personal_values(model=model, object_ids=ids[model], fields=fields)
