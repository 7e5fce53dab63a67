"""Check: rules over the snapshot, giving findings and readiness per (entry, competition) pair.

:mod:`.rules` is the registry, :mod:`.builtin` registers lomba's own rules, :mod:`.checker` runs
them, :mod:`.workspace` checks a whole workspace (in worker processes when it is large).
"""
