"""Natural formulas and one adaptation for lesson 06's exercises."""

NOTEBOOK = "06-bright-spots.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "06.1": "answer_1 = ceres_albedo * 2 * np.cos(incidence) / (np.cos(incidence) + np.cos(emission))",
    "06.7": (
        "image = imaging.render_sphere(n_7, smooth, ceres_radius, phase_7, law=law_7, occator_latitude=20 * u.deg)\n"
        "answer_7 = image[n_7 // 2, limb_col] / image[n_7 // 2, n_7 // 2]"
    ),
    "06.9": "answer_9 = crater_size / (pixels_9 * ifov.to_value(u.rad))",
    "06.2": (
        "near_px = imaging.camera_image(scene, distance_2, ifov, psf_fwhm_px=0).signal.max()\n"
        "far_px = imaging.camera_image(scene, far_2, ifov, psf_fwhm_px=0).signal.max()\n"
        "answer_2 = near_px / far_px"
    ),
    "06.4": ("answer_4 = (solar_constant * (1 * u.AU / distance_4) ** 2 * (1 - faculae) / const.sigma_sb) ** (1 / 4)"),
    "06.10": "answer_10 = sunlight * (1 - ceres_albedo) / (latent_heat * ice_density) * 1 * u.yr",
    "06.5": "answer_5 = pit_depth / ice_loss_mean",
    "06.11": "answer_11 = (1 - spread) * faculae / (ceres_albedo + ceres_error)",
}

# An instructor asks exercise 9 for 80 pixels across the crater instead of 50.
ADAPT = {
    "exercise": "06.9",
    "replace": (
        'pixels_9 = fact("occator.diameter"), 50',
        'pixels_9 = fact("occator.diameter"), 80',
    ),
    "title_contains": "span 80 pixels",
}
