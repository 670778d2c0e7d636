"""Natural formulas and one adaptation for lesson 08's exercises."""

NOTEBOOK = "08-fact-check.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "08.1": (
        'answer_1 = {"N05": "number", "N06": "date", "N09": "date", "N12": "first", "N13": "interpretation", '
        '"N19": "attribution"}'
    ),
    "08.2": "answer_2 = (vesta_departure - vesta_arrival).to(MONTH)",
    "08.3": 'answer_3 = "true"',
    "08.4": 'answer_4 = "misleading"',
    "08.5": "answer_5 = facula / (distance_image * ifov.to_value(u.rad))",
    "08.6": "answer_6 = (facula / n_pixels / ifov.to_value(u.rad)).to(u.km)",
    "08.7": 'answer_7 = "false"',
    "08.9": 'answer_9 = "true"',
    "08.10": 'answer_10 = "misleading"',
    "08.11": 'answer_11 = "cannot be checked"',
}

# An instructor asks for 50 pixels across the facula instead of 20.
ADAPT = {
    "exercise": "08.6",
    "replace": ("n_pixels = 20", "n_pixels = 50"),
    "title_contains": "50 pixels",
}
