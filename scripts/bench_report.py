"""The table `make bench` prints (scripts/bench.py): every figure with its target and
whether it was met (issue 20's targets, docs/performance.md)."""

HIT = 0.6  # times the ceiling, from the page cache
BYPASSED = 0.06  # times the ceiling, rendered
BYPASSED_P99 = 50  # ms
SEARCH = 0.02  # times the ceiling, a search rendered
SEARCH_P99 = 100  # ms
WORKER_MB = 150  # peak resident memory of a worker


def judge(kind, cached, result, ceiling):
    """(target, "met" / "missed" / "reported") for a page's row."""
    ratio = result["rps"] / ceiling
    if cached:
        return f">= {HIT}x", verdict(ratio >= HIT)
    if kind == "search":
        return f">= {SEARCH}x, p99 < {SEARCH_P99} ms", verdict(
            ratio >= SEARCH and result["p99"] < SEARCH_P99
        )
    if kind == "broad":
        return "bounded (reported)", "reported" if result["errors"] == 0 else "missed"
    return f">= {BYPASSED}x, p99 < {BYPASSED_P99} ms", verdict(
        ratio >= BYPASSED and result["p99"] < BYPASSED_P99
    )


def verdict(met):
    return "met" if met else "missed"


CACHE_LABELS = {
    (True, "page"): "hit",
    (False, "page"): "bypassed",
    (False, "never"): "never cached",
    (False, "staff"): "staff, uncached",
    (False, "search"): "bypassed, new address",
    (False, "broad"): "bypassed, new address",
}


def page_table(rows, ceiling, size):
    """Markdown lines: one row per page and cache state, then the ceiling's."""
    lines = [
        "| page | cache | requests/s | p50 ms | p99 ms | x ceiling | queries | errors "
        "| target | |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for name, kind, cached, queries, r in rows:
        target, outcome = judge(kind, cached, r, ceiling["rps"])
        label = CACHE_LABELS.get((cached, kind), "hit" if cached else "bypassed")
        lines.append(
            f"| {name} | {label} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
            f"{r['rps'] / ceiling['rps']:.3f} | {queries} | {r['errors']} | {target} "
            f"| {outcome} |"
        )
    lines.append(
        f"| ceiling ({size} bytes) | - | {ceiling['rps']:.0f} | {ceiling['p50']:.2f} | "
        f"{ceiling['p99']:.2f} | 1.000 | 0 | {ceiling['errors']} | | |"
    )
    return lines


def other_table(figures):
    """Markdown lines for the figures that are not a page under load: (name, value,
    target, outcome) each."""
    lines = ["| figure | value | target | |", "|---|---:|---|---|"]
    lines += [
        f"| {name} | {value} | {target} | {outcome} |" for name, value, target, outcome in figures
    ]
    return lines


def memory_figure(peak, rss):
    return (
        "worker memory after the run (largest worker: peak, resident)",
        f"{peak:.0f} MB, {rss:.0f} MB",
        f"peak < {WORKER_MB} MB",
        verdict(0 < peak < WORKER_MB),
    )
