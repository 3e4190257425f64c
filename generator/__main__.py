"""``python -m generator`` is the ``tarjotin`` command."""

from generator.cli import main

main(prog_name="tarjotin")
