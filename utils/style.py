"""One plotting style for every lesson.

The palette is Okabe & Ito's colour-blind-safe set; figures also vary line
style and marker so that no information is carried by colour alone.

Examples
--------
>>> from utils import style
>>> style.use()
>>> style.PALETTE["ceres"]
'#0072B2'
"""
from __future__ import annotations

from itertools import cycle
from pathlib import Path

__all__ = ["OKABE_ITO", "PALETTE", "LINESTYLES", "MARKERS", "STYLE_FILE", "WIDGET_STYLE", "use", "body_style"]

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
#: ``style=`` for ipywidgets controls: show the whole label ("altitude (mi)")
#: instead of cutting it to the default width.
WIDGET_STYLE = {"description_width": "initial"}

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Fixed colours for the bodies that recur across lessons (same body, same colour everywhere).
PALETTE = {
    "sun": OKABE_ITO["yellow"],
    "earth": OKABE_ITO["sky blue"],
    "mars": OKABE_ITO["vermillion"],
    "jupiter": OKABE_ITO["orange"],
    "vesta": OKABE_ITO["reddish purple"],
    "ceres": OKABE_ITO["blue"],
    "dawn": OKABE_ITO["bluish green"],
    "belt": "#7f7f7f",
}

#: Line styles and markers to pair with colours.
LINESTYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]

_BODY_STYLE = {
    "sun": ("-", "*"),
    "earth": ("-", "o"),
    "mars": ("--", "s"),
    "jupiter": ("-.", "D"),
    "vesta": (":", "^"),
    "ceres": ("-", "o"),
    "dawn": ("--", "P"),
    "belt": ("-", "."),
}

STYLE_FILE = Path(__file__).with_name("bright_spots.mplstyle")


def body_style(body: str) -> dict:
    """Matplotlib keyword arguments (colour, line style, marker, label) for a body.

    Parameters
    ----------
    body : str
        One of the keys of :data:`PALETTE`, case-insensitive.

    Examples
    --------
    >>> body_style("Mars")["color"]
    '#D55E00'
    """
    key = str(body).lower()
    if key not in PALETTE:
        raise ValueError(f"No style for {body!r}; known bodies: {', '.join(PALETTE)}.")
    ls, marker = _BODY_STYLE[key]
    return {"color": PALETTE[key], "linestyle": ls, "marker": marker, "label": key.capitalize()}


def use() -> None:
    """Apply the Bright Spots style (readable sizes, colour-blind-safe cycle, no LaTeX)."""
    import matplotlib.pyplot as plt
    from cycler import cycler

    plt.style.use(STYLE_FILE)
    colours = [OKABE_ITO[k] for k in ("blue", "orange", "bluish green", "vermillion",
                                      "reddish purple", "sky blue", "black", "yellow")]
    styles = [ls for ls, _ in zip(cycle(LINESTYLES), colours)]
    plt.rcParams["axes.prop_cycle"] = cycler(color=colours) + cycler(linestyle=styles)
