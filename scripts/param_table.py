"""Print, or write into docs/model.md, the Markdown parameter table built from ``netwerksim.params``.

The table sits between ``<!-- params:start -->`` and ``<!-- params:end -->`` in docs/model.md;
``tests/test_docs.py`` fails when the two differ.

    .venv/bin/python scripts/param_table.py            # print it
    .venv/bin/python scripts/param_table.py --write    # replace it in docs/model.md
"""

import sys
from pathlib import Path

from netwerksim.params import markdown_table

START, END = "<!-- params:start -->", "<!-- params:end -->"

if __name__ == "__main__":
    if "--write" in sys.argv:
        doc = Path(__file__).resolve().parents[1] / "docs" / "model.md"
        text = doc.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        doc.write_text(f"{head}{START}\n{markdown_table().strip()}\n{END}{tail}", encoding="utf-8")
    else:
        print(markdown_table(), end="")
