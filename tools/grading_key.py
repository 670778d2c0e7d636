"""Grading side of a Bright Spots assignment: judges one answer with the full exercise registry.

This file goes into the otter-grader autograder zip (never to students), next
to a full copy of ``utils/`` and ``data/``.  The hidden test of each question
calls :func:`is_right` with the answer and the exercise's inputs as they are in
the submitted notebook, exactly as the formative self-check does.
"""

from __future__ import annotations


def is_right(exercise_id: str, answer, **inputs) -> bool:
    """True when ``answer`` is right for ``exercise_id`` with these inputs."""
    from utils.checks import Exercise, _get_exercise

    exercise = _get_exercise(exercise_id)
    if not isinstance(exercise, Exercise):
        # The kernel imported a graded (answer-free) copy of utils: refuse loudly rather than grade wrongly.
        raise RuntimeError(
            f"Cannot grade {exercise_id}: the utils package in use is a graded copy without answers. "
            "Grade with the autograder zip of this assignment (python3 tasks.py grade)."
        )
    return exercise.check(answer, **inputs).ok
