"""Scores: the IGA's Indeks Inovasi Daerah estimate."""
