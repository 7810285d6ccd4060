"""Time and peak memory of reading large evidence files (run by hand: python benchmarks/bench_evidence.py)."""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable

from rte.evidence.coverage import parse_cobertura
from rte.evidence.junit import parse_junit
from rte.evidence.sarif import parse_sarif


def junit_bytes(cases: int) -> bytes:
    rows = []
    for i in range(cases):
        body = '<failure message="boom">trace line\ntrace line</failure>' if i % 97 == 0 else ""
        rows.append(
            f'<testcase classname="tests.unit.test_m{i % 50}" name="test_case_{i}" time="0.001">'
            f"{body}</testcase>"
        )
    return ('<testsuites><testsuite name="unit">' + "\n".join(rows) + "</testsuite></testsuites>").encode()


def sarif_bytes(results: int) -> bytes:
    rules = [
        {
            "id": f"R{i}",
            "shortDescription": {"text": f"rule {i}"},
            "properties": {"security-severity": str(i % 10)},
        }
        for i in range(100)
    ]
    res = [
        {
            "ruleId": f"R{i % 100}",
            "ruleIndex": i % 100,
            "message": {"text": "m"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f"src/f{i}.py"},
                        "region": {"startLine": i + 1},
                    }
                }
            ],
        }
        for i in range(results)
    ]
    return json.dumps(
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"rules": rules}}, "results": res}]}
    ).encode()


def cobertura_bytes(lines: int) -> bytes:
    body = "".join(f'<line number="{i}" hits="{i % 3}"/>' for i in range(lines))
    return (
        f'<coverage line-rate="0.66" lines-valid="{lines}" lines-covered="{lines * 2 // 3}">'
        f"<packages><package><classes><class><lines>{body}</lines></class></classes></package>"
        f"</packages></coverage>"
    ).encode()


def measure(label: str, data: bytes, parse: Callable[[bytes], object]) -> None:
    start = time.perf_counter()
    parse(data)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    parse(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {len(data) / 1e6:6.1f} MB  {elapsed:6.2f} s  peak {peak / 1e6:6.1f} MB")


if __name__ == "__main__":
    measure("JUnit 100k testcases", junit_bytes(100_000), lambda d: parse_junit(d, "u.xml"))
    measure("SARIF 20k results", sarif_bytes(20_000), lambda d: parse_sarif(d, "s.sarif"))
    measure("Cobertura 500k lines", cobertura_bytes(500_000), lambda d: parse_cobertura(d, "c.xml"))
