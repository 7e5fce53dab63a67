"""``python -m lomba``: the usual way in where the ``lomba`` script is not on PATH (Windows)."""

from lomba.cli import main

main(prog_name="lomba")
