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

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "OTHER_COLOURS",
    "LINESTYLES",
    "MARKERS",
    "STYLE_FILE",
    "WIDGET_STYLE",
    "use",
    "body_style",
    "show",
]

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
#: Okabe & Ito's eight colours, plus two of Paul Tol's colour-blind-safe set for the inner planets
#: and a neutral grey for asteroids in general.  No other figure element may use these colours.
PALETTE = {
    "sun": OKABE_ITO["yellow"],
    "mercury": "#882255",  # Tol's wine
    "venus": "#DDCC77",  # Tol's sand
    "earth": OKABE_ITO["sky blue"],
    "mars": OKABE_ITO["vermillion"],
    "jupiter": OKABE_ITO["orange"],
    "vesta": OKABE_ITO["reddish purple"],
    "ceres": OKABE_ITO["blue"],
    "dawn": OKABE_ITO["bluish green"],
    "belt": "#7f7f7f",  # asteroids in general (the belt, test particles, a catalogue)
}

#: Colours for things that are not bodies (groups, models, methods): none of them is a body's colour.
OTHER_COLOURS = {
    "black": OKABE_ITO["black"],
    "indigo": "#332288",  # Tol
    "olive": "#999933",  # Tol
    "teal": "#44AA99",  # Tol
    "light grey": "#BBBBBB",
}

#: Line styles and markers to pair with colours.
LINESTYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]

_BODY_STYLE = {
    "sun": ("-", "*"),
    "mercury": (":", "v"),
    "venus": ("--", "h"),
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
    key = body.lower() if isinstance(body, str) else None
    if key not in PALETTE:
        raise ValueError(f"No style for body {body!r}; known bodies: {', '.join(PALETTE)}.")
    ls, marker = _BODY_STYLE[key]
    return {"color": PALETTE[key], "linestyle": ls, "marker": marker, "label": key.capitalize()}


def use() -> None:
    """Apply the Bright Spots style (readable sizes, colour-blind-safe cycle, no LaTeX)."""
    import matplotlib.pyplot as plt
    from cycler import cycler

    plt.style.use(STYLE_FILE)
    colours = [
        OKABE_ITO[k]
        for k in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue", "black", "yellow")
    ]
    styles = [ls for ls, _ in zip(cycle(LINESTYLES), colours)]
    plt.rcParams["axes.prop_cycle"] = cycler(color=colours) + cycler(linestyle=styles)


def show(figure, alt: str) -> None:
    """Display a figure with its alt text, then close it.

    The alt text goes into the output's metadata (``{"alt": ...}``, also under
    ``image/png``), so JupyterLab, HTML exports and the course site all carry
    it for screen readers.  Works for a Matplotlib figure and for any object
    that draws itself as a PNG (``_repr_png_``).

    Parameters
    ----------
    figure : matplotlib.figure.Figure or object with ``_repr_png_``
        What to show.
    alt : str
        A description written for this figure: what it shows and what a reader
        should see in it (not "a plot").
    """
    if not isinstance(alt, str) or len(alt.strip()) < 20:
        raise ValueError("alt must describe the figure in words (at least 20 characters).")
    from matplotlib.figure import Figure

    if not isinstance(figure, Figure) and not callable(getattr(figure, "_repr_png_", None)):
        raise TypeError(
            f"figure must be a matplotlib Figure (or an object with _repr_png_); got {type(figure).__name__}."
        )
    from IPython.display import display

    display(figure, metadata={"alt": alt.strip(), "image/png": {"alt": alt.strip()}})
    fig = getattr(figure, "figure", figure)
    try:
        import matplotlib.pyplot as plt

        plt.close(fig)
    except Exception:  # not a pyplot figure: nothing to close
        pass
