"""Input guards of the conversation engine: what a message may do before a model sees it."""

from bot.guards.pipeline import InputGuard, PIIMode
from bot.guards.policy import GuardPolicy, PolicyError
from bot.guards.verdict import GuardAction, GuardVerdict, PIIFinding

__all__ = [
    "GuardAction",
    "GuardPolicy",
    "GuardVerdict",
    "InputGuard",
    "PIIFinding",
    "PIIMode",
    "PolicyError",
]
