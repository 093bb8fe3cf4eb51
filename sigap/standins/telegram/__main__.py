"""`python -m sigap.standins.telegram --port 9200 …`"""

import sys

from sigap.standins.telegram.cli import main

sys.exit(main())
