"""Jars from Maven Central for the benchmarks that run third-party code (lines.py, realworld.py)."""
import subprocess
from pathlib import Path

M2 = Path.home() / ".m2" / "repository"


def artifact(group, name, version, classifier=None):
    """(coordinates for dependency:get, the jar's path in ~/.m2)."""
    suffix = f"-{classifier}" if classifier else ""
    coords = f"{group}:{name}:{version}" + (f":jar:{classifier}" if classifier else "")
    return coords, M2 / group.replace(".", "/") / name / version / f"{name}-{version}{suffix}.jar"


def fetched(artifacts):
    """The jars, each fetched into ~/.m2 with `mvn dependency:get` when missing."""
    for coords, path in artifacts:
        if not path.is_file():
            subprocess.run(["mvn", "-B", "-q", "dependency:get", "-Dtransitive=false", f"-Dartifact={coords}"],
                           check=True)
    return [str(p) for _, p in artifacts]
