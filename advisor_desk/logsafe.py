"""Keep personal data out of logs when the desk or the server log verbosely.

Our own loggers (``advisor_desk.*``) write ids and counts only. Libraries underneath do not know what
is personal: at DEBUG, SQLAlchemy's engine logs every statement's parameters and rows (names,
e-mails, message text), urllib3 and httpx log request URLs with their query strings (a searched name
or phone number), uvicorn's access log too. :func:`cap_library_loggers` holds those at WARNING whatever
the root level, so ``ADVISOR_DESK_LOG=debug`` says more about the desk without saying who the customers
are. Call it right after ``logging.basicConfig`` in every entry point.
"""

from __future__ import annotations

import logging

#: Libraries whose INFO/DEBUG records can quote data or URLs with query strings.
LIBRARY_LOGGERS = (
    "sqlalchemy",
    "urllib3",
    "httpx",
    "httpcore",
    "requests",
    "uvicorn.access",
    "multipart",
    "python_multipart",
)


def cap_library_loggers(level: int = logging.WARNING) -> None:
    """Raise the libraries' loggers to ``level`` at least (WARNING by default)."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < level:
            logger.setLevel(level)
