"""python -m guide: the same as the wromik command."""

import sys

from .cli import main

sys.exit(main())
