"""Who may use the oversight console: a signed-in, enabled account with the oversight role.

Caseworkers and admins run the service; oversight checks it, so neither may read the
oversight pages (and oversight users cannot act on conversations in the console).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException

from web.http.console.access import CsrfStaffDep, Staff, StaffDep


def oversight_staff(staff: StaffDep) -> Staff:
    if staff.account.role != "oversight":
        raise HTTPException(403, "the oversight console is for oversight accounts only")
    return staff


OversightDep = Annotated[Staff, Depends(oversight_staff)]


def oversight_with_csrf(staff: CsrfStaffDep) -> Staff:
    """Reading a transcript or recording a review: the form must carry the CSRF token."""
    return oversight_staff(staff)


OversightCsrfDep = Annotated[Staff, Depends(oversight_with_csrf)]
