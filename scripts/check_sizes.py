#!/usr/bin/env python3
"""`make lint`: no Python module over 400 lines (migrations aside) and no class over
200, so that each concern keeps a place a reader can take in (docs/architecture.md).
Prints what is over and exits non-zero."""

import ast
import subprocess
import sys
from pathlib import Path

MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200


def tracked_python_files(root):
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [Path(name) for name in listed if "/migrations/" not in f"/{name}"]


def oversized(root, path):
    text = (root / path).read_text()
    lines = text.count("\n")
    if lines > MAX_MODULE_LINES:
        yield f"{path}: {lines} lines (at most {MAX_MODULE_LINES})"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_CLASS_LINES:
                yield (
                    f"{path}:{node.lineno}: class {node.name} has {length} lines "
                    f"(at most {MAX_CLASS_LINES})"
                )


def main():
    root = Path(__file__).resolve().parent.parent
    problems = [
        problem
        for path in tracked_python_files(root)
        if (root / path).exists()
        for problem in oversized(root, path)
    ]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
