"""`make bench`: quizgen's speed and memory against baselines, medians over repeated runs.

Writes bench/results.json and bench/results.md. Every figure is measured here, in this run, on this
machine (described in the results); each process is timed whole, from start to exit, and its peak
memory is its maximum resident set size as the kernel reports it.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPOSITORY = BENCH.parent
sys.path.insert(0, str(BENCH))

from synthetic_bank import write_synthetic_project  # noqa: E402

PYTHON = sys.executable
QUIZGEN = [PYTHON, "-m", "quizgen"]


@dataclass
class Timing:
    median_s: float
    min_s: float
    max_s: float
    runs: int
    peak_mb: float


@dataclass
class Figure:
    name: str
    quizgen: Timing
    baseline: Timing | None
    baseline_name: str
    goal: str
    ratio: float | None
    met: bool | None
    note: str = ""


def run_once(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {error[-1500:]}")
    return elapsed, usage.ru_maxrss / 1024


def measure(
    command: list[str], runs: int, cwd: Path = REPOSITORY, env: dict | None = None
) -> Timing:
    run_once(command, cwd, env)  # warm the file cache and bytecode
    samples = [run_once(command, cwd, env) for _ in range(runs)]
    times = [seconds for seconds, _ in samples]
    return Timing(
        round(statistics.median(times), 4),
        round(min(times), 4),
        round(max(times), 4),
        runs,
        round(max(peak for _, peak in samples), 1),
    )


def compare(
    name,
    command,
    baseline_command,
    baseline_name,
    goal_ratio,
    runs,
    cwd=REPOSITORY,
    env=None,
    note="",
):
    ours = measure(command, runs, cwd, env)
    theirs = measure(baseline_command, runs, cwd, env)
    ratio = round(ours.median_s / theirs.median_s, 2)
    return Figure(
        name, ours, theirs, baseline_name, f"<= {goal_ratio}x", ratio, ratio <= goal_ratio, note
    )


def absolute(name, command, goal_seconds, runs, cwd=REPOSITORY, env=None, note=""):
    ours = measure(command, runs, cwd, env)
    met = None if goal_seconds is None else ours.median_s < goal_seconds
    goal = "" if goal_seconds is None else f"< {goal_seconds} s"
    return Figure(name, ours, None, "", goal, None, met, note)


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": time.strftime("%Y-%m-%d"),
    }


def startup_figures() -> list[Figure]:
    return [
        compare(
            "start-up: `quizgen --help`",
            QUIZGEN + ["--help"],
            [PYTHON, str(BENCH / "baselines" / "bare_click.py"), "--help"],
            "bare click app, one command",
            1.3,
            runs=20,
        )
    ]


def check_figures(work: Path) -> list[Figure]:
    figures = []
    for size, runs in ((1_000, 10), (10_000, 7), (100_000, 3)):
        bank = write_synthetic_project(work / f"check-{size}", size)
        goal = 1.0 if size == 10_000 else None
        figure = absolute(
            f"`quizgen check`, {size:,} items", QUIZGEN + ["check", str(bank)], goal, runs
        )
        figure.note = f"{figure.quizgen.median_s / size * 1e6:.0f} µs per item"
        figures.append(figure)
    return figures


def anki_figures(work: Path) -> list[Figure]:
    bank = work / "check-10000" / "question_bank" / "synthetic-10000.yaml"
    if not bank.exists():
        bank = write_synthetic_project(work / "check-10000", 10_000)
    return [
        compare(
            "`quizgen anki`, 10,000 items (validation included)",
            QUIZGEN + ["anki", str(bank), "-o", str(work / "deck.apkg")],
            [
                PYTHON,
                str(BENCH / "baselines" / "minimal_genanki.py"),
                str(bank),
                str(work / "baseline.apkg"),
            ],
            "minimal genanki script, same notes",
            1.5,
            runs=5,
        )
    ]


def write_results(figures: list[Figure], described: dict) -> None:
    payload = {"machine": described, "figures": [asdict(figure) for figure in figures]}
    (BENCH / "results.json").write_text(
        json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    lines = [
        "# quizgen benchmarks",
        "",
        "Produced by `make bench` (bench/run.py); medians of whole-process wall times over repeated runs,",
        "after one warm-up run; peak memory is the largest resident set of any run.",
        "",
        f"Machine: {described['cpu']}, {described['cores']} cores, {described['memory']}, "
        f"Python {described['python']}, {described['system']}; measured {described['date']}.",
        "",
        "| figure | quizgen median | baseline median | baseline | ratio | goal | met | quizgen peak memory | note |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for figure in figures:
        baseline = f"{figure.baseline.median_s * 1000:.0f} ms" if figure.baseline else ""
        ratio = f"{figure.ratio}x" if figure.ratio is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[figure.met]
        lines.append(
            f"| {figure.name} | {figure.quizgen.median_s * 1000:.0f} ms | {baseline} | {figure.baseline_name} "
            f"| {ratio} | {figure.goal} | {met} | {figure.quizgen.peak_mb:.0f} MB | {figure.note} |"
        )
    (BENCH / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    started = time.perf_counter()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as folder:
        work = Path(folder)
        for group in (startup_figures, lambda: check_figures(work), lambda: anki_figures(work)):
            for figure in group():
                figures.append(figure)
                print(
                    f"{figure.name}: {figure.quizgen.median_s * 1000:.0f} ms"
                    + (
                        f" vs {figure.baseline.median_s * 1000:.0f} ms ({figure.ratio}x)"
                        if figure.baseline
                        else ""
                    ),
                    flush=True,
                )
    write_results(figures, machine())
    print(f"wrote bench/results.md and bench/results.json in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
