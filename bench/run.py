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
    return _timing([run_once(command, cwd, env) for _ in range(runs)])


def measure_by_turns(
    first: list[str], second: list[str], runs: int, cwd: Path, env: dict | None
) -> tuple[Timing, Timing]:
    """Two commands run by turns, so that a busy moment of a shared machine slows both alike."""
    run_once(first, cwd, env)
    run_once(second, cwd, env)
    samples: tuple[list, list] = ([], [])
    for _ in range(runs):
        samples[0].append(run_once(first, cwd, env))
        samples[1].append(run_once(second, cwd, env))
    return _timing(samples[0]), _timing(samples[1])


def _timing(samples: list[tuple[float, float]]) -> Timing:
    times = [seconds for seconds, _ in samples]
    return Timing(
        round(statistics.median(times), 4),
        round(min(times), 4),
        round(max(times), 4),
        len(samples),
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
    ours, theirs = measure_by_turns(command, baseline_command, runs, cwd, env)
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
        bank = prepare("bank", size, work / f"check-{size}")
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
        bank = prepare("bank", 10_000, work / "check-10000")
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


def lint_figures(work: Path) -> list[Figure]:
    """The cross-item rules index keys, so 10,000 items take about as long as loading them."""
    bank = work / "check-10000" / "question_bank" / "synthetic-10000.yaml"
    if not bank.exists():
        bank = prepare("bank", 10_000, work / "check-10000")
    return [
        absolute(
            "`quizgen lint`, 10,000 items (validation included)",
            QUIZGEN + ["lint", str(bank)],
            2.0,
            runs=7,
            note="every rule; warnings printed",
        )
    ]


def prepare(*arguments: object) -> str:
    """A step of bench/prepare.py, in its own process so that this one stays small."""
    command = [PYTHON, str(BENCH / "prepare.py"), *map(str, arguments)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def worksheet_figures(work: Path) -> list[Figure]:
    figures = []
    long_article = prepare("long-article", 140, work / "long")
    jobs = (
        (
            "`quizgen worksheet`: 30 versions x 20 questions with keys, Arabic",
            [
                "worksheet",
                "-o",
                str(work / "ws.pdf"),
                "--key",
                str(work / "key.pdf"),
                "--count",
                "20",
                "--versions",
                "30",
                "--seed",
                "1",
            ],
            [work / "ws.pdf", work / "key.pdf"],
            0.6,
        ),
        (
            "`quizgen worksheet --with-passages`: a 200-page passages document",
            ["worksheet", str(long_article), "-o", str(work / "long.pdf"), "--with-passages"],
            [work / "long.pdf"],
            None,
        ),
    )
    for name, arguments, outputs, goal in jobs:
        command = QUIZGEN + arguments
        ours = measure(command, runs=7)
        pages = int(prepare("pages", *outputs))
        lines = prepare("shaped-lines", work / "lines.json", *outputs)
        baseline = None
        if lines:
            baseline = measure(
                [
                    PYTHON,
                    str(BENCH / "baselines" / "plain_reportlab.py"),
                    str(lines),
                    str(work / "plain.pdf"),
                ],
                runs=7,
            )
        ratio = round(ours.median_s / baseline.median_s, 2) if baseline else None
        figures.append(
            Figure(
                name,
                ours,
                baseline,
                "plain ReportLab drawing the same lines, already shaped" if baseline else "",
                f"< {goal} s" if goal else "",
                ratio,
                None if goal is None else ours.median_s < goal,
                f"{pages} pages",
            )
        )
    return figures


def grade_figures(work: Path) -> list[Figure]:
    answers, responses = prepare("class", 40, 1000, work / "class").split()
    command = QUIZGEN + ["grade", responses, "--answers", answers, "-o", str(work / "results.csv")]
    command += ["--report", str(work / "class-report.pdf")]
    return [
        absolute(
            "`quizgen grade`: 1,000 students x 40 items, item analysis, results CSV and report",
            command + ["--format", "json"],
            2.0,
            runs=7,
            note="4 versions, every question type, random responses",
        )
    ]


def quiz_figures(work: Path, runs: int = 11) -> list[Figure]:
    """Time from start to the first question on a pseudo-terminal, then quit."""
    import pexpect

    times, peaks = [], []
    for run in range(runs + 1):
        started = time.perf_counter()
        child = pexpect.spawn(
            QUIZGEN[0],
            QUIZGEN[1:]
            + [
                "quiz",
                "--count",
                "5",
                "--seed",
                str(run),
                "--fresh",
                "--ui-lang",
                "en",
                "--rtl",
                "terminal",
                "--db",
                str(work / f"quiz-{run}.db"),
            ],
            cwd=str(REPOSITORY),
            encoding="utf-8",
            timeout=30,
            dimensions=(40, 120),
        )
        child.expect("Question 1 of 5")
        elapsed = time.perf_counter() - started
        child.sendline("q")
        child.expect(pexpect.EOF)
        _, _, usage = os.wait4(child.pid, 0)
        child.ptyproc.terminated = True  # reaped here, for its resource usage
        child.close()
        if run:  # the first run warms the caches
            times.append(elapsed)
            peaks.append(usage.ru_maxrss / 1024)
    timing = Timing(
        round(statistics.median(times), 4),
        round(min(times), 4),
        round(max(times), 4),
        runs,
        round(max(peaks), 1),
    )
    return [
        Figure(
            "`quizgen quiz`: time to the first question (bundled bank)",
            timing,
            None,
            "",
            "",
            None,
            None,
            "pseudo-terminal, until the question is on screen",
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
        "Produced by `make bench` (bench/run.py; method, baselines and profiling notes in",
        "[README.md](README.md)); medians of whole-process wall times over repeated runs,",
        "after one warm-up run; peak memory is the largest resident set of any run (the kernel's",
        "ru_maxrss; this runner stays small so that a child does not inherit a larger figure from it).",
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
        groups = (
            startup_figures,
            lambda: check_figures(work),
            lambda: anki_figures(work),
            lambda: lint_figures(work),
            lambda: worksheet_figures(work),
            lambda: grade_figures(work),
            lambda: quiz_figures(work),
        )
        for group in groups:
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
