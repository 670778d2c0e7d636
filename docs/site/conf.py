"""Sphinx configuration of the course site; built by ``python3 tasks.py site`` (tools/sitebuild.py).

tools/sitebuild.py copies this folder into build/site-src/ next to the executed lessons,
so paths here are relative to that copy.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import sitebuild  # noqa: E402

CFG = sitebuild.config()

project = "Bright Spots"
author = "The Bright Spots authors"
copyright = "the Bright Spots authors; text CC-BY-4.0, code BSD-3-Clause"
language = "en"
root_doc = "index"

extensions = [
    "myst_nb",                  # notebooks (already executed) and MyST markdown pages
    "sphinx-mathjax-offline",   # MathJax copied into _static/mathjax: no CDN
]
exclude_patterns = ["_build", "_extra", "**.ipynb_checkpoints", "__pycache__"]

# The lessons were executed by tools/sitebuild.py (widget views replaced by their default figures).
nb_execution_mode = "off"
nb_ipywidgets_js = {}           # no widget state is left on the pages: load no widget JS (from a CDN)
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = "Bright Spots"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_extra_path = ["_extra"]    # downloads/: each lesson and its student version
html_favicon = "_static/favicon.svg"   # else browsers ask for /favicon.ico and log a 404
html_context = {"default_mode": "auto"}  # light or dark as the reader's system prefers
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": CFG.repo_url,
    "repository_branch": CFG.branch,
    "use_repository_button": True,
    "use_download_button": False,   # the lesson pages carry their own download links
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}


def _render_image_with_alt(original):
    def render_image(self, data):
        nodes = original(self, data)
        alt = sitebuild.output_alt(data.output_metadata, data.mime_type)
        for node in nodes:
            if alt and not node.get("alt"):
                node["alt"] = alt
        return nodes
    return render_image


def setup(app):
    # myst-nb takes only width and height from an output's metadata; the notebooks keep each
    # figure's alt text there too (utils.style.show), so the page's <img> gets it.
    from myst_nb.core.render import NbElementRenderer

    if not getattr(NbElementRenderer.render_image, "_bright_spots_alt", False):
        NbElementRenderer.render_image = _render_image_with_alt(NbElementRenderer.render_image)
        NbElementRenderer.render_image._bright_spots_alt = True
