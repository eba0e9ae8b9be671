"""The explicit rule registry: every rule module, in code order. Installed as `linter.rules`.

A code is never reused: when a rule is retired its module stays listed with a removal note.
"""

from __future__ import annotations

import importlib

from linter.rule import Rule

# One module per rule; add new rules here (tests check codes are unique and complete).
MODULES: tuple[str, ...] = (
    "rcp001_free_footnote",
    "rcp002_free_with_charge",
    "rcp003_free_trial_conversion",
    "rcp004_gated_free_resource",
    "rcp005_absolute_free_claim",
    "rcp006_prize_impression",
    "rcp007_reference_price",
    "rcp008_bonus_stacking",
    "rcp009_rejection_then_retreat",
    "rcp010_personal_concession",
    "rcp011_reciprocity_debt",
    "rcp012_hidden_quid_pro_quo",
    "rcp013_hedged_no_obligation",
    "rcp014_thank_you_gift_reask",
    "rcp015_uninvited_gift",
    "rcp016_ask_fit",
    "rcp017_gift_then_urgency",
    "rcp018_urgency_timers",
    "rcp019_scarcity_social_proof",
    "rcp020_confirmshaming",
    "rcp021_guilt_accusation",
    "rcp022_blacklisted_aggressive_phrasing",
    "rcp023_free_tool_overpromise",
    "rcp024_service_message_hard_pitch",
    "rcp025_vague_cta",
    "rcp026_recurring_without_exit",
    "rcp027_quid_pro_quo_disclosure",
    "rcp028_email_envelope",
    "rcp029_subject_thread_mimicry",
    "rcp030_locale_fit",
)

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (importlib.import_module(f"{__name__}.{name}").RULE for name in MODULES),
        key=lambda r: r.code,
    )
)
