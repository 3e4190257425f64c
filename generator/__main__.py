"""``python -m generator`` is the ``tarjotin`` command (the build starts its export this way)."""

from generator.cli import main

main(prog_name="tarjotin")
