"""A corpus of filled-in original council forms, from every producer a council's archive holds.

    .venv/bin/python -m tools.corpus OUT [--per-council N] [--older M] [--seed S] [--held-out]
                                         [--producers all|office,archive,pdfs,scans,NAME,...] [--plain]
    .venv/bin/python -m tools.corpus.fixtures          # the committed set in tests/corpus/fixtures
    .venv/bin/python -m tools.corpus.check OUT          # which producers lose typed text
    .venv/bin/python tools/measure_accuracy.py OUT --errors

Each council's original layout (seeds 000, 001, 002) is rebuilt with python-docx, and
earlier editions of it (`editions.py`), then filled in the ways people really fill forms
(`fill.py`, `form.py`) with made-up answers (`answers.py`, `pools.py`). Every document
comes with its truth, the model it should read as (`OUT/truth.json`). The producers
(`producers/`) then make, from the same filled forms: LibreOffice re-saves, PDFs and the
archive formats (.doc, .dot, .rtf, .odt, .dotx), Word for the web and Strict Open XML
packages, Word-like PDFs, chromium prints of an HTML version, Ghostscript re-distils,
PostScript prints (readable, and with garbage text), pandoc/LaTeX PDFs, and scans.
`--held-out` draws names, answers, fonts, label wordings and date styles from pools the
default corpus never uses, to check that accuracy holds on forms nobody tuned on.
"""
