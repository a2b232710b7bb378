"""Compare every table the query summary serves with the store's answer, on a real store.

    python benchmarks/check_summary.py STORE COPY

STORE has its summary (summary.sqlite); COPY is the same store without it (a copy, or hard links to
its files but summary.sqlite*), so that the same queries are asked of the store. Prints, for each
query and filter, the rows, whether they are identical row for row and in order, and both times.
Exits 1 when any differs.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import bind, get_query, stream_local, summary_for  # noqa: E402
from kg.store import KGStore  # noqa: E402

CASES = [("resolved-interactions", {}), ("interactions", {}), ("people", {}), ("visits", {}), ("country-network", {}),
         ("who-met-whom", {}), ("roles", {}), ("agreements", {}), ("country-network", {"country": "USA"}),
         ("visits", {"country": "USA"}), ("roles", {"country": "FRA"})]


def main() -> int:
    served, plain = KGStore(sys.argv[1], read_only=True), KGStore(sys.argv[2], read_only=True)
    differ = 0
    for name, values in CASES:
        query = get_query(name)
        found = summary_for(served, query, bind(query, values))
        if found is None:
            print(f"{name} {values}: not served by the summary (stale, or another text of the query)")
            continue
        found.close()
        began = time.perf_counter()
        mine = list(stream_local(served, query, values).rows)
        middle = time.perf_counter()
        theirs = list(stream_local(plain, query, values).rows)
        same = mine == theirs
        differ += not same
        print(f"{name} {values} {len(mine)} rows: {'identical' if same else 'DIFFERENT'} "
              f"(summary {middle - began:.2f} s, store {time.perf_counter() - middle:.2f} s)", flush=True)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
