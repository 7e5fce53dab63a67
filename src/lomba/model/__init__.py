"""Pydantic models of what users write: the workspace, innovations, competition specs."""
