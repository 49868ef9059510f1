"""`make-report` and `python -m tgreport`: the program's entry point.

The command line's modules are imported only when the program runs: each reading worker
re-imports the script that started its parent (multiprocessing does, to find what it defines),
and needs none of them."""

from __future__ import annotations

import sys


def main() -> int:
    from tgreport.cli import console

    return console()


if __name__ == "__main__":
    sys.exit(main())
