"""Per-field accuracy of the page reader on tests/read/pages: `python -m tests.read.accuracy`."""

from __future__ import annotations

import sys

from .fields import FIELDS, expected_fields, observed, page_cases, read


def main() -> int:
    right = dict.fromkeys(FIELDS, 0)
    total = dict.fromkeys(FIELDS, 0)
    for path in page_cases():
        expected = expected_fields(path)
        got = observed(read(path))
        for field in FIELDS:
            if field not in expected:
                continue
            total[field] += 1
            if got[field] == expected[field]:
                right[field] += 1
            else:
                print(f"{path.name}: {field}: expected {expected[field]!r}, got {got[field]!r}")
    print()
    for field in FIELDS:
        if total[field]:
            print(f"{field:12} {right[field]:3} / {total[field]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
