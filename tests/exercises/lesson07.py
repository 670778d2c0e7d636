"""Natural formulas and one adaptation for lesson 07's exercises."""

NOTEBOOK = "07-ice-or-salt.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "07.1": ("answer_1 = (solar_constant * (1 * u.AU / distance_1) ** 2 * (1 - faculae) / const.sigma_sb) ** (1 / 4)"),
    "07.2": "answer_2 = pit_depth / (flux_day / ice_density)",
    "07.4": "answer_4 = sunlight * (1 - ceres_albedo) / (latent_heat * ice_density) * 1 * u.yr",
}

# An instructor asks exercise 1 for the temperature at aphelion instead of perihelion.
ADAPT = {
    "exercise": "07.1",
    "replace": (
        'distance_1 = ceres_a * (1 - fact("ceres.e"))  # perihelion: a (1 - e)',
        'distance_1 = ceres_a * (1 + fact("ceres.e"))  # aphelion: a (1 + e)',
    ),
    "title_contains": "2.98 AU",
}
