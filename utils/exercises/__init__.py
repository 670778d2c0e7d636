"""Exercise definitions, one module per lesson (``lessonNN._EXERCISES``).

Each exercise computes its expected answer from the inputs the notebook
passes, so an instructor can change an input and the self-check follows.
"""
