"""`python -m tgreport` is `make-report`."""

from __future__ import annotations

import sys

from tgreport.cli import console

sys.exit(console())
