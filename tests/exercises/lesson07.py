"""Natural formulas and one adaptation for lesson 07's exercises."""

NOTEBOOK = "07-fact-check.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "07.1": (
        'answer_1 = {"N05": "number", "N06": "date", "N09": "date", "N12": "first", "N13": "interpretation", '
        '"N19": "attribution"}'
    ),
    "07.2": "answer_2 = (vesta_departure - vesta_arrival).to(MONTH)",
    "07.3": 'answer_3 = "true"',
    "07.4": 'answer_4 = "misleading"',
    "07.5": "answer_5 = facula / (distance_image * ifov.to_value(u.rad))",
    "07.6": "answer_6 = (facula / n_pixels / ifov.to_value(u.rad)).to(u.km)",
    "07.7": 'answer_7 = "false"',
    "07.9": 'answer_9 = "true"',
    "07.10": 'answer_10 = "misleading"',
    "07.11": 'answer_11 = "cannot be checked"',
}

# An instructor asks for 50 pixels across the facula instead of 20.
ADAPT = {
    "exercise": "07.6",
    "replace": ("n_pixels = 20", "n_pixels = 50"),
    "title_contains": "50 pixels",
}
