"""``python -m courriers``."""

from courriers.cli import main_console

main_console()
