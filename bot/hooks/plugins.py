"""Finding escalation hooks: every factory registered under the entry-point group, built-ins
included (they are registered by this project's own pyproject the same way)."""

from __future__ import annotations

from importlib.metadata import entry_points

from bot.hooks.port import ENTRY_POINT_GROUP, EscalationHook, HookOptions


class HookPluginError(Exception):
    """An entry point that does not load, does not give a hook factory, or whose factory fails."""


def load_hooks(options: HookOptions, group: str = ENTRY_POINT_GROUP) -> list[EscalationHook]:
    hooks: list[EscalationHook] = []
    for point in sorted(entry_points(group=group), key=lambda p: p.name):
        try:
            factory = point.load()
        except (ImportError, AttributeError) as exc:
            raise HookPluginError(f"escalation hook {point.name!r} ({point.value}): {exc}") from exc
        if not callable(factory):
            raise HookPluginError(f"escalation hook {point.name!r} is not a factory")
        try:
            hook = factory(options)
        except Exception as exc:
            # Any error of a plugin's factory stops start-up, named, instead of a traceback.
            raise HookPluginError(
                f"escalation hook {point.name!r} ({point.value}) could not be built: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        if hook is not None:
            hooks.append(hook)
    return hooks
