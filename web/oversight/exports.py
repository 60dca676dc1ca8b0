"""Export bundles for a time range, as a zip download for `opencounter audit verify --bundle`."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from datetime import date
from pathlib import Path

from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from audit.bundle import export_bundle
from audit.storage.log import TransparencyLog
from web.oversight.facets import FacetIndex, FacetQuery
from web.oversight.service import day_bounds

RANGE_FILE = "range.json"


def bundle_response(
    log: TransparencyLog, facets: FacetIndex, first: date | None, last: date | None
) -> FileResponse:
    """Zip a bundle that covers every entry up to the end of `last` (the whole log if None).

    Verifying needs every entry from index 0, so the bundle starts at the log's beginning;
    `range.json` names the entries that fall inside the chosen days.
    """
    start, end = day_bounds(first, last)
    facets.catch_up(log.size())
    inside = facets.rows(FacetQuery(since=start, until=end), ["idx"]) if first or last else []
    indices = [int(str(row[0])) for row in inside]
    covering = max(indices) + 1 if indices else (None if last is None else 0)
    work = Path(tempfile.mkdtemp(prefix="opencounter-export-"))
    folder = work / "bundle"
    size = export_bundle(log, folder, covering=covering)
    description = {
        "from": first.isoformat() if first else None,
        "to": last.isoformat() if last else None,
        "entries_in_range": len(indices),
        "first_index": min(indices) if indices else None,
        "last_index": max(indices) if indices else None,
        "bundle_size": size,
        "note": "The bundle holds entries 0 to bundle_size - 1: verification needs all of them.",
    }
    (folder / RANGE_FILE).write_text(json.dumps(description, indent=1) + "\n", "utf-8")
    archive = work / "bundle.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.iterdir()):
            out.write(path, f"opencounter-log/{path.name}")
    name = f"opencounter-log-{first or 'start'}-{last or 'now'}.zip"
    return FileResponse(
        archive,
        media_type="application/zip",
        filename=name,
        background=BackgroundTask(shutil.rmtree, work, ignore_errors=True),
    )
