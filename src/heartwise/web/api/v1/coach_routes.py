"""/api/v1 for communication and expectations: the message coach, "I feel" statements,
conversation plans, expectations and ways of showing affection.

The coach stores nothing. The three logs answer like the self-awareness tools: each record
with ``shared`` (whether the linked partner can see it), changed with PATCH, where
``"shared": true`` shares it.
"""

from __future__ import annotations

from fastapi import Response

from heartwise.domain.affection import WAYS
from heartwise.services import sharing
from heartwise.services.affection import KIND as AFFECTION_KIND
from heartwise.services.affection import AffectionProfiles
from heartwise.services.coach import coach_message, filled_rewrite
from heartwise.services.coach_log import (
    ConversationPlans,
    Expectations,
    IFeelStatements,
    check_expectation_text,
    ifeel_choices,
    preview_ifeel,
)
from heartwise.web.api.v1.coach_schemas import (
    AffectionIn,
    AfterwardsIn,
    CoachIn,
    ConversationChange,
    ConversationIn,
    ExpectationChange,
    ExpectationCheckIn,
    ExpectationIn,
    IFeelChange,
    IFeelIn,
    IFeelOutcomeIn,
    IFeelPreviewIn,
)
from heartwise.web.api.v1.common import api_router
from heartwise.web.api.v1.records import Out, add_record_routes, one
from heartwise.web.deps import WorkspaceDep

router = api_router()


# -- the message coach -----------------------------------------------------------------------


@router.post("/coach", response_model=Out, tags=["coach"])
def coach(body: CoachIn, _: WorkspaceDep) -> Out:
    """Read a draft to your partner: what may land as blame and why, and a gentler rewrite
    made of your own words. Nothing is stored.

    ``rewrite`` shows what the draft leaves open as "[one / other]"; ``choices`` lists
    those options, and ``filled`` is the rewrite with your ``feeling`` and ``request``
    (or the first of each). ``crisis`` is not "none" when the draft sounds like you may be
    in danger: then there is no rewrite, and ``note`` says why.
    """
    result = coach_message(body.text)
    rewrite = result.rewrite
    return {
        **result.to_dict(),
        "note": result.note,
        "crisis": result.crisis,
        "choices": {
            "feeling": list(rewrite.feeling_choices) if rewrite and rewrite.needs_feeling else [],
            "request": list(rewrite.request_choices) if rewrite and rewrite.needs_request else [],
        },
        "filled": filled_rewrite(result, body.feeling, body.request),
    }


# -- "I feel" statements ---------------------------------------------------------------------


@router.get("/ifeel/choices", response_model=Out, tags=["i feel"])
def ifeel_lists(_: WorkspaceDep) -> Out:
    """Feelings grouped by family, and needs; your own words are welcome too."""
    return ifeel_choices()


@router.post("/ifeel/preview", response_model=Out, tags=["i feel"])
def ifeel_preview(body: IFeelPreviewIn, _: WorkspaceDep) -> Out:
    """Three phrasings, and what in each part may work against being heard. Not stored."""
    return preview_ifeel(body.feeling, body.situation, body.need, body.request).to_dict()


@router.post("/ifeel", status_code=201, response_model=Out, tags=["i feel"])
def create_ifeel(body: IFeelIn, ws: WorkspaceDep) -> Out:
    """Save a draft statement; without ``text``, the first phrasing is kept."""
    log = IFeelStatements(ws)
    fields = body.model_dump()
    return one(log, log.create(fields.pop("feeling"), fields.pop("situation"), **fields))


@router.post("/ifeel/{record_id}/outcome", response_model=Out, tags=["i feel"])
def ifeel_outcome(record_id: int, body: IFeelOutcomeIn, ws: WorkspaceDep) -> Out:
    """Whether it was sent and how it went; said again, it replaces what was said."""
    log = IFeelStatements(ws)
    return one(log, log.record_outcome(record_id, body.sent, body.how_it_went))


add_record_routes(router, "/ifeel", IFeelStatements, IFeelChange, "i feel", dated=False)


# -- conversation plans ----------------------------------------------------------------------


@router.post("/conversations", status_code=201, response_model=Out, tags=["conversations"])
def create_conversation(body: ConversationIn, ws: WorkspaceDep) -> Out:
    """Plan a talk: the topic and, if you like, your hope, a time and place, your opening
    and what you will listen for."""
    log = ConversationPlans(ws)
    fields = body.model_dump()
    return one(log, log.create(fields.pop("topic"), **fields))


@router.post("/conversations/{record_id}/afterwards", response_model=Out, tags=["conversations"])
def conversation_afterwards(record_id: int, body: AfterwardsIn, ws: WorkspaceDep) -> Out:
    """How it went (0 to 10) and what you agreed; said again, it replaces the last."""
    log = ConversationPlans(ws)
    return one(log, log.record_afterwards(record_id, body.rating, body.agreed))


add_record_routes(
    router, "/conversations", ConversationPlans, ConversationChange, "conversations", dated=False
)


# -- expectations ----------------------------------------------------------------------------


@router.post("/expectations/check", response_model=Out, tags=["expectations"])
def check_expectation(body: ExpectationCheckIn, _: WorkspaceDep) -> Out:
    """The realism check and a softer wording, before anything is saved."""
    return check_expectation_text(body.text).to_dict()


@router.post("/expectations", status_code=201, response_model=Out, tags=["expectations"])
def create_expectation(body: ExpectationIn, ws: WorkspaceDep) -> Out:
    """Save an expectation (open); its check and softer wording come with it. PATCH
    ``status`` to mark it discussed or agreed."""
    log = Expectations(ws)
    return one(log, log.create(body.text, note=body.note))


add_record_routes(
    router, "/expectations", Expectations, ExpectationChange, "expectations", dated=False
)


# -- ways of showing affection ---------------------------------------------------------------


def _affection(profiles: AffectionProfiles) -> Out:
    profile = profiles.get()
    comparison = profiles.comparison()
    return {
        "ways": WAYS,
        "profile": None if profile is None else profile.to_dict(),
        "comparison": None if comparison is None else comparison.to_dict(),
        "shared": AFFECTION_KIND in sharing.shared_kinds(profiles.ws),
    }


@router.get("/affection", response_model=Out, tags=["affection"])
def read_affection(ws: WorkspaceDep) -> Out:
    """Your ratings and your guess for your partner, side by side (with your partner's own
    once they share theirs), where they differ, and ideas for bridging each gap."""
    return _affection(AffectionProfiles(ws))


@router.put("/affection", response_model=Out, tags=["affection"])
def save_affection(body: AffectionIn, ws: WorkspaceDep) -> Out:
    """Replace your ratings (and guess); every rating is checked before anything is stored.
    Share them with PUT /api/v1/partner/sharing/affection."""
    profiles = AffectionProfiles(ws)
    data = body.model_dump()
    profiles.save(data["mine"], data["guess"])
    return _affection(profiles)


@router.delete("/affection", status_code=204, tags=["affection"])
def clear_affection(ws: WorkspaceDep) -> Response:
    AffectionProfiles(ws).clear()
    return Response(status_code=204)
