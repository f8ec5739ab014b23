#!/usr/bin/env python3
"""Lantai's command line: python build.py build|serve|check|new (see README.md)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lantai.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
