"""Natural formulas and one adaptation for lesson 06's exercises."""

NOTEBOOK = "06-bright-spots.ipynb"

# The first thing a student would plausibly type for each self-checked exercise, with the notebook's inputs.
NATURAL = {
    "06.1": "answer_1 = (1 - spread) * faculae / (ceres_albedo + ceres_error)",
    "06.2": "answer_2 = ceres_albedo * 2 * np.cos(incidence) / (np.cos(incidence) + np.cos(emission))",
    "06.3": (
        "near_px = imaging.camera_image(scene, distance_3, ifov, psf_fwhm_px=0).signal.max()\n"
        "far_px = imaging.camera_image(scene, far_3, ifov, psf_fwhm_px=0).signal.max()\n"
        "answer_3 = near_px / far_px"
    ),
    "06.5": (
        "image = imaging.render_sphere(n_5, smooth, ceres_radius, phase_5, law=law_5, occator_latitude=20 * u.deg)\n"
        "answer_5 = image[n_5 // 2, limb_col] / image[n_5 // 2, n_5 // 2]"
    ),
    "06.7": "answer_7 = crater_size / (pixels_7 * ifov.to_value(u.rad))",
}

# An instructor asks exercise 7 for 80 pixels across the crater instead of 50.
ADAPT = {
    "exercise": "06.7",
    "replace": (
        'pixels_7 = fact("occator.diameter"), 50',
        'pixels_7 = fact("occator.diameter"), 80',
    ),
    "title_contains": "span 80 pixels",
}
