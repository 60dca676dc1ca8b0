"""Why the app cannot start, named by the setting an operator must fix."""

from __future__ import annotations

FIX_THE_SETTING = "Fix the setting and start again."


class UnusableSetting(Exception):
    """A setting's value cannot be used; the message names the setting, the problem, the fix."""

    def __init__(self, setting: str, problem: str, fix: str = FIX_THE_SETTING) -> None:
        super().__init__(f"{setting} cannot be used: {problem}. {fix}")
        self.setting = setting
        self.problem = problem
