"""`python -m sigap.standins.meta --port 9100 …`"""

import sys

from sigap.standins.meta.cli import main

sys.exit(main())
