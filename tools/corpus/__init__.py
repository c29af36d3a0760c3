"""A corpus of filled-in original council forms, built from the seeds with python-docx.

    .venv/bin/python -m tools.corpus OUT_DIR [--per-council N] [--seed S] [--no-office]

Each council's original layout (seeds 000, 001, 002) is rebuilt in `layouts/`, then filled
in the ways people really fill forms (`fill.py`), with made-up answers (`answers.py`). Every
document comes with its truth, the model it should read as; LibreOffice re-saves and PDF
exports are made with one soffice call each.
"""
