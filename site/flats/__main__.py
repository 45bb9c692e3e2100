import sys

from .cli import check

if __name__ == "__main__" and sys.argv[1:] == ["check"]:
    raise SystemExit(check())
print("usage: python -m flats check", file=sys.stderr)
raise SystemExit(2)
