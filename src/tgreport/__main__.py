"""`python -m tgreport` is `make-report`."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
