import sys

from heartwise.cli.main import main

sys.exit(main())
