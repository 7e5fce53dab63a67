"""Rendering: templates to a small document model, and writers for DOCX and HTML."""
