"""Natural formulas and one adaptation for lesson 06's exercises."""

NOTEBOOK = "06-bright-spots.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "06.1": "answer_1 = ceres_albedo * 2 * np.cos(incidence) / (np.cos(incidence) + np.cos(emission))",
    "06.2": (
        "image = imaging.render_sphere(n_2, smooth, ceres_radius, phase_2, law=law_2, occator_latitude=20 * u.deg)\n"
        "answer_2 = image[n_2 // 2, limb_col] / image[n_2 // 2, n_2 // 2]"
    ),
    "06.4": "answer_4 = crater_size / (pixels_4 * ifov.to_value(u.rad))",
    "06.5": (
        "near_px = imaging.camera_image(scene, distance_5, ifov, psf_fwhm_px=0).signal.max()\n"
        "far_px = imaging.camera_image(scene, far_5, ifov, psf_fwhm_px=0).signal.max()\n"
        "answer_5 = near_px / far_px"
    ),
    "06.7": ("answer_7 = (solar_constant * (1 * u.AU / distance_7) ** 2 * (1 - faculae) / const.sigma_sb) ** (1 / 4)"),
    "06.8": "answer_8 = sunlight * (1 - ceres_albedo) / (latent_heat * ice_density) * 1 * u.yr",
    "06.9": "answer_9 = pit_depth / ice_loss_mean",
    "06.10": "answer_10 = (1 - spread) * faculae / (ceres_albedo + ceres_error)",
}

# An instructor asks exercise 4 for 80 pixels across the crater instead of 50.
ADAPT = {
    "exercise": "06.4",
    "replace": (
        'pixels_4 = fact("occator.diameter"), 50',
        'pixels_4 = fact("occator.diameter"), 80',
    ),
    "title_contains": "span 80 pixels",
}
