"""Allow ``python -m advisor_desk``."""

from advisor_desk.cli import main

raise SystemExit(main())
