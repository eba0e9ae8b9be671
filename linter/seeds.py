"""The product's source model, from `../shared/seeds/` (the reciprocity seed article).

Each finding carries the seed pitfall it enforces and that table's corrective action, so a
copywriter sees the principle behind the rule, not only the rule.
"""

from __future__ import annotations

# Common Pitfalls & How to Avoid Them: pitfall -> (why it backfires, corrective action)
PITFALLS: dict[str, tuple[str, str]] = {
    "Premature giving": (
        "Feels manipulative if unrelated to buyer's stage",
        "Wait until need is articulated",
    ),
    "Over-stacking gifts": ("Overwhelms or triggers skepticism", "Limit to one meaningful item"),
    "Hidden quid pro quo": ("Breaks autonomy norm", "Disclose intent clearly"),
    "Vague CTAs": ("Fails to convert goodwill", "Specify simple next step"),
    "Cultural mismatch": ("Gifting may imply obligation", "Localize norms and tone"),
    "Reciprocity guilt": ("Buyer feels trapped", 'Reinforce "no obligation" phrasing'),
    "Short-term focus": ("Boosts conversions, harms trust", "Track retention and satisfaction"),
    # Not in the pitfalls table but named by the seeds as the bad uses of reciprocity
    # (rejection-then-retreat, bad-faith concessions, premature urgency, the guardrail words).
    "Rejection then retreat": (
        "A staged refusal makes the smaller ask feel like a concession owed back",
        "Lead with the ask you actually want and show the options together",
    ),
    "Bad-faith concessions": (
        "Inflated openings make a standard price look like a favour",
        "Only concede what is real; compare against prices actually charged",
    ),
    "No time for reflection": (
        "Urgency denies the reader time to weigh the gift and the ask",
        "Allow time for reflection: avoid urgency cues",
    ),
    "Untruthful offer": (
        "A 'free' or value claim that is not literally true breaks trust",
        "Every act of reciprocity must be truthful",
    ),
    "Irreversible commitment": (
        "Commitments without an easy exit break consent",
        "Maintain consent and easy opt-out",
    ),
}

# The four stages of the seed model (Mechanism of Action), with their ethical check.
STAGES: dict[str, str] = {
    "give value": "1. Give genuine value - offer freely, without expectation",
    "allow reflection": "2. Allow time for reflection - avoid urgency cues",
    "proportional ask": "3. Make a proportional ask - keep asks relevant and voluntary",
    "support outcome": "4. Support the outcome - maintain consent and easy opt-out",
}

GUARDRAIL = "Every act of reciprocity must be truthful, optional, and reversible."

SHORT_TERM_FOCUS_NOTE = (
    "Track retention, refunds, unsubscribes and satisfaction, not only conversion; "
    "high-pressure copy lifts short-term conversion and costs trust (seed: Short-term focus)"
)
