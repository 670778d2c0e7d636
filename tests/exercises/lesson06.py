"""Natural formulas and one adaptation for lesson 06's exercises."""

NOTEBOOK = "06-bright-spots.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "06.1": "answer_1 = ceres_albedo * 2 * np.cos(incidence) / (np.cos(incidence) + np.cos(emission))",
    "06.3": "answer_3 = crater_size / (distance_3 * ifov.to_value(u.rad))",
    "06.4": (
        "f = np.pi * (facula_size / 2) ** 2 / (distance_4 * ifov.to_value(u.rad)) ** 2\n"
        "answer_4 = f * faculae + (1 - f) * ceres_albedo"
    ),
    "06.6": ("answer_6 = (solar_constant * (1 * u.AU / distance_6) ** 2 * (1 - faculae) / const.sigma_sb) ** (1 / 4)"),
    "06.7": "answer_7 = thermal.sublimation_mass_flux(t_dark, water) / ice_density * 1 * u.yr",
    "06.8": "answer_8 = pit_depth / ice_loss_mean",
    "06.9": "answer_9 = (1 - spread) * faculae / ceres_albedo",
}

# An instructor moves exercise 3 from the Survey orbit to the HAMO orbit.
ADAPT = {
    "exercise": "06.3",
    "replace": (
        'distance_3 = fact("occator.diameter"), views["Survey orbit"]',
        'distance_3 = fact("occator.diameter"), views["HAMO orbit"]',
    ),
    "title_contains": "1,470 km",
}
