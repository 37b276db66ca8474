"""What the lock files are made from, read from pyproject.toml: `requirements` prints the build system's
requirements (locked too, so nothing is fetched unpinned), `fingerprint` a digest of every dependency range —
scripts/lock writes it into the lock files, scripts/install compares it to tell when they are out of date."""

import hashlib
import json
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def main(what: str) -> int:
    """Print the build requirements or the fingerprint."""
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))
    build = [*project["build-system"]["requires"], "pip"]
    if what == "requirements":
        print("\n".join(build))
        return 0
    ranges = {
        "build": build,
        "run": project["project"]["dependencies"],
        "extras": project["project"].get("optional-dependencies", {}),
    }
    print(hashlib.sha256(json.dumps(ranges, sort_keys=True).encode()).hexdigest()[:16])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "fingerprint"))
