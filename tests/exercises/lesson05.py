"""Natural formulas and one adaptation for lesson 05's exercises."""

NOTEBOOK = "05-ion-propulsion.ipynb"

# For every self-checked exercise: the first thing a student would plausibly type, written plainly
# (textbook formula with the inputs given in the notebook), as code that assigns the answer variable.
NATURAL = {
    "05.11": "answer_11 = isp_low * g0",
    "05.2": "answer_2 = np.sqrt(2 * charge_number * e_charge * grid_voltage / xenon)",
    "05.3": "answer_3 = dawn_isp * g0 * np.log(launch_mass / (launch_mass - xenon_mass))",
    "05.4": 'answer_4 = "xenon"',
    "05.12": "answer_12 = xenon_mass / thrust_time * dawn_isp * g0",
    "05.13": "answer_13 = final_mass * (np.exp(reported_dv / (chem_isp * g0)) - 1)",
    "05.14": "answer_14 = base_mass * ((base_mass + base_xenon) / base_mass)**2 - base_mass",
    "05.5": "answer_5 = circular_speed(r_inner) - circular_speed(r_outer) - prop.hohmann_delta_v(r_inner, r_outer)",
    # the right-hand side and the call to solve_ivp, with the tight tolerance the exercise asks for
    "05.7": (
        "def rhs(t, state):\n"
        "    x, y, vx, vy = state\n"
        "    r = np.sqrt(x**2 + y**2)\n"
        "    v = np.sqrt(vx**2 + vy**2)\n"
        "    return [vx, vy, -gm_sun * x / r**3 + acc * vx / v, -gm_sun * y / r**3 + acc * vy / v]\n"
        "sol = solve_ivp(rhs, (0, t_end), [r0, 0, 0, v0], rtol=1e-9)\n"
        "answer_7 = np.hypot(sol.y[0, -1], sol.y[1, -1]) * u.km"
    ),
    "05.8": "answer_8 = GM_sun / (v_start - accel * duration) ** 2",
    "05.16": "answer_16 = mass_at_vesta * dv_tilted / (2 * eta_vesta * power_at_vesta / (dawn_isp * g0))",
    "05.17": "answer_17 = 2 * eta_vesta * power_at_vesta * cruise / (mass_at_vesta * dv_tilted * g0)",
    "05.15": "answer_15 = chart_thrust * chart_isp * g0 / 2",
    "05.9": "answer_9 = (hall_thrust / hall_power) / (ion_thrust / ion_power)",
    "05.10": "answer_10 = hall_isp / ion_isp",
}

# One adaptation: a climb from Earth's orbit straight to Ceres' instead of to Vesta's; the spiral's expected
# extra cost over Hohmann changes and the title names the new radii.
ADAPT = {
    "exercise": "05.5",
    "replace": ("r_inner, r_outer = 1 * u.AU, a_vesta", "r_inner, r_outer = 1 * u.AU, a_ceres"),
    "title_contains": "1.00 AU to 2.77 AU",
}
