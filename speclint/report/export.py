"""Write the code catalog (every record, located) as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from speclint import __version__
from speclint.model import ParsedFile


def to_json(files: Sequence[ParsedFile]) -> str:
    catalog = {
        "tool": {"name": "speclint", "version": __version__},
        "records": [record.to_dict() for f in files for record in f.records],
    }
    return json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"


def to_csv(files: Sequence[ParsedFile]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "line", "column", "section", "name", "value", "description", "extra"])
    for parsed in files:
        for r in parsed.records:
            extra = json.dumps(r.extra, ensure_ascii=False) if r.extra else ""
            writer.writerow(
                [r.file, r.line, r.column(), " > ".join(r.section), r.name, r.value,
                 r.description, extra]
            )  # fmt: skip
    return out.getvalue()
