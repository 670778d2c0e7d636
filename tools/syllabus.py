"""The grid of learning goals against exercises in docs/instructors/syllabus.md, made from the lessons.

Sources: each notebook's numbered "Learning goals" list (goal ``Gk`` is the k-th item), its
"Goals and exercises" table (``| G1 | Exercise 1 (`01.1`) |``), and the lesson registries
(``_EXERCISES`` with their ``points``; ``WRITTEN`` for written questions).  ``python3 tasks.py syllabus``
rewrites the part of the syllabus between the two GRID markers; ``tests/test_syllabus.py`` fails when
the page and the lessons disagree or a lesson's table is missing or incomplete.
"""

from __future__ import annotations

import importlib
import re
import sys

import assign
import nbtools

ROOT = nbtools.ROOT
SYLLABUS = ROOT / "docs" / "instructors" / "syllabus.md"
BEGIN, END = "<!-- BEGIN GRID (python3 tasks.py syllabus) -->", "<!-- END GRID -->"
GOAL_ITEM = re.compile(r"^\s*(\d+)\.\s+(.*?)\s*$")
ROW = re.compile(r"^\|\s*G(\d+)\s*\|(.*)\|\s*$")
EX_ID = re.compile(r"`(\d\d\.\d+)`")


def _markdown(nb) -> list[str]:
    return [nbtools.source(c) for c in nb.cells if c.cell_type == "markdown"]


def learning_goals(nb) -> list[str]:
    """The items of the Overview's numbered "Learning goals" list, in order (G1, G2, ...)."""
    for text in _markdown(nb):
        if "### Learning goals" not in text:
            continue
        goals: list[str] = []
        for line in text.split("### Learning goals", 1)[1].splitlines():
            if line.startswith("#"):
                break
            m = GOAL_ITEM.match(line)
            if m:
                goals.append(m.group(2))
            elif goals and line.startswith("   ") and line.strip():
                goals[-1] += " " + line.strip()
        return goals
    return []


def goals_table(nb) -> dict[int, list[str]] | None:
    """``{k: [exercise ids]}`` from the "Goals and exercises" table, or None when there is none."""
    for text in _markdown(nb):
        if "### Goals and exercises" not in text:
            continue
        rows: dict[int, list[str]] = {}
        for line in text.split("### Goals and exercises", 1)[1].splitlines():
            m = ROW.match(line.strip())
            if m:
                rows[int(m.group(1))] = EX_ID.findall(m.group(2))
        return rows
    return None


def registry(lesson: str):
    return importlib.import_module(f"utils.exercises.lesson{lesson}")


def lesson_problems(nb, name: str, known: set[str]) -> list[str]:
    """What keeps one lesson's row of the grid from being complete (``known``: its exercise ids)."""
    out = []
    goals, table = learning_goals(nb), goals_table(nb)
    if not goals:
        out.append(f"{name}: no numbered 'Learning goals' list in the Overview")
    if table is None:
        return out + [f"{name}: no '### Goals and exercises' table after the learning goals"]
    for k in range(1, len(goals) + 1):
        if k not in table:
            out.append(f"{name}: goal G{k} has no row in 'Goals and exercises'")
    for k in table:
        if k > len(goals):
            out.append(f"{name}: the table has G{k} but the lesson lists {len(goals)} goals")
    for k, ids in sorted(table.items()):
        for ex_id in ids:
            if ex_id not in known:
                out.append(f"{name}: G{k} names `{ex_id}`, which is not in the lesson's _EXERCISES or WRITTEN")
    return out


def known_ids(lesson: str) -> set[str]:
    reg = registry(lesson)
    return set(reg._EXERCISES) | set(getattr(reg, "WRITTEN", {}) or {})


def problems() -> list[str]:
    """Everything that keeps the grid from being complete: missing tables, goals without a row, unknown ids."""
    out = []
    for path in nbtools.lesson_notebooks():
        out += lesson_problems(nbtools.read(path), path.name, known_ids(path.name[:2]))
    return out


def _short(goal: str) -> str:
    text = re.sub(r"\*+", "", goal)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).replace("|", "/")
    return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + " ..."


def _follow_up_rubric(lesson: str, ex_id: str) -> str | None:
    """The rubric of a self-checked exercise's written follow-up (``**NN.k follow-up rubric:**``), if it has one."""
    pages = sorted((ROOT / "docs" / "instructors").glob(f"{lesson}-*.md"))
    if not pages:
        return None
    return assign._labelled(pages[0].read_text(encoding="utf-8"), ex_id, "follow-up rubric")


def beyond_goal(nb) -> set[str]:
    """The exercise ids a "Goals and exercises" row lists after "beyond G<k>": going further, past that goal, so
    the grid marks them as such rather than as tests of it."""
    out: set[str] = set()
    for text in _markdown(nb):
        if "### Goals and exercises" not in text:
            continue
        for line in text.split("### Goals and exercises", 1)[1].splitlines():
            m = ROW.match(line.strip())
            past = re.split(r"beyond G\d+", m.group(2), maxsplit=1) if m else []
            if len(past) == 2:
                out.update(EX_ID.findall(past[1]))
    return out


def grid() -> str:
    """The markdown grid: one row per goal, with the exercises that test it and how each is graded."""
    lines = []
    for path in nbtools.lesson_notebooks():
        nb, lesson = nbtools.read(path), path.name[:2]
        reg = registry(lesson)
        written = getattr(reg, "WRITTEN", {}) or {}
        goals, table, beyond = learning_goals(nb), goals_table(nb) or {}, beyond_goal(nb)
        lines += [f"### {path.name}", "", "| goal | tested by | graded as (question, points) |", "|---|---|---|"]
        for k, goal in enumerate(goals, start=1):
            ids = table.get(k)
            if ids is None:
                lines.append(f"| G{k} {_short(goal)} | *(no row in the lesson's table yet)* | |")
                continue
            tested, graded = [], []
            for ex_id in ids:
                qname = "q" + ex_id.replace(".", "_")
                if ex_id in reg._EXERCISES:
                    ex = reg._EXERCISES[ex_id]
                    title = ex.title.split("·", 1)[-1].strip()
                    # a field the notebook fills in is shown by its name: "at a = ‹a›"
                    title = re.sub(r"\{(\w+)[^{}]*\}", r"‹\1›", title)
                    past = f" (going further, beyond G{k})" if ex_id in beyond else ""
                    tested.append(f"`{ex_id}` {title}{past}")
                    graded.append(f"{qname} auto, {float(getattr(ex, 'points', 1)):g}")
                    follow_up = _follow_up_rubric(lesson, ex_id)  # a written line under the check, graded by hand
                    if follow_up is not None:
                        graded.append(f"{qname} follow-up by hand (rubric, {assign.rubric_points(follow_up):g})")
                elif ex_id in written:
                    tested.append(f"`{ex_id}` {str(written[ex_id]).split('·', 1)[-1].strip()} (written)")
                    graded.append(f"{qname} by hand (rubric)")
                else:
                    tested.append(f"`{ex_id}` *(unknown id)*")
            lines.append(f"| G{k} {_short(goal)} | {'; '.join(tested) or '*discussion only*'} | {'; '.join(graded)} |")
        untested = sorted(set(reg._EXERCISES) | set(written))
        used = {i for ids in table.values() for i in ids}
        extra = [i for i in untested if i not in used]
        if table and extra:
            lines.append(f"| (no goal) | {', '.join(f'`{i}`' for i in extra)} | |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render(text: str) -> str:
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{SYLLABUS} has no {BEGIN} ... {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{grid()}{END}{tail}"


def main(argv: list[str]) -> int:
    SYLLABUS.write_text(render(SYLLABUS.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the goals grid in {SYLLABUS.relative_to(ROOT)}")
    left = problems()
    for p in left:
        print("  incomplete:", p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
