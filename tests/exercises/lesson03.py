"""Natural formulas and one adaptation for lesson 03's exercises."""

NOTEBOOK = "03-resonances.ipynb"

# For every self-checked exercise: the first thing a student would plausibly type, with the inputs the
# notebook gives, as code that assigns the answer variable.
NATURAL = {
    "03.1": "answer_1 = period(a_jup) / period(a_ast)",
    "03.3": "answer_3 = 'librates about 0'",
    "03.4": "distances = {(p, q): abs(a_ast - a_jup * (q / p) ** (2 / 3)) for p, q in KIRKWOOD_RESONANCES}\n"
    "nearest_4 = min(distances, key=distances.get)\n"
    "answer_4 = distances[nearest_4]",
    "03.5": "answer_5 = 360 * u.deg / (period(a_jup) / period(a_ast) - 1)",
    "03.7": "answer_7 = np.nanmax(run_belt([a_try] * u.AU, e_try, t_try, jupiter_e=0, **settings).e[0])",
    "03.8": "answer_8 = np.nanmin(live.a[i_pick] * (1 - live.e[i_pick])) * u.AU",
    "03.9": "answer_9 = 1 - a_mars / a_last",
}

# Another asteroid for exercises 1, 4 and 5 (Themis, a = 3.13 AU): the conjunction step moves from 228 to 315 degrees.
ADAPT = {
    "exercise": "03.5",
    "replace": ('asteroid, a_ast = "Ceres", fact("ceres.a")', 'asteroid, a_ast = "Themis", 3.13 * u.AU'),
    "title_contains": "Themis",
}
