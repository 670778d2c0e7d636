"""Natural formulas and one adaptation for lesson 07's exercises."""

NOTEBOOK = "07-ice-or-salt.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "07.1": (
        "answer_1 = (solar_constant * (1 * u.AU / (ceres_a * (1 - ceres_e))) ** 2 * (1 - faculae) / const.sigma_sb) "
        "** (1 / 4)"
    ),
    "07.2": "answer_2 = pit_depth / (flux_day / ice_density)",
    "07.4": "answer_4 = sunlight * (1 - ceres_albedo) / (latent_heat * ice_density) * 1 * u.yr",
}

# An instructor asks exercise 1 for an orbit twice as eccentric as Ceres' (the perihelion moves closer to the Sun).
ADAPT = {
    "exercise": "07.1",
    "replace": (
        'ceres_e = fact("ceres.e")  # Ceres\' orbital eccentricity (lesson 02)',
        'ceres_e = 2 * fact("ceres.e")  # an orbit twice as eccentric as Ceres\'',
    ),
    "title_contains": "e = 0.157",
}
