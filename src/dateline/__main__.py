"""``python -m dateline`` is the ``dateline`` command."""

from dateline.cli import main

main()
