"""The site's one setting, its links and its notebook handling (no build, no browser)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest

import nbtools
import sitebuild
from conftest import ROOT


def write_pyproject(tmp_path, body: str):
    path = tmp_path / "pyproject.toml"
    path.write_text(body)
    return path


def test_the_setting_is_read_from_pyproject():
    cfg = sitebuild.config(environ={})
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", cfg.repository)
    assert cfg.jupyterhub.startswith("https://") and not cfg.jupyterhub.endswith("/")


def test_environment_overrides_the_hub_for_one_build():
    cfg = sitebuild.config(environ={"BRIGHT_SPOTS_JUPYTERHUB": "https://hub.my-college.edu/"})
    assert cfg.jupyterhub == "https://hub.my-college.edu"


@pytest.mark.parametrize(
    "body, words",
    [
        ("[project]\nname = 'x'\n", "[tool.bright-spots]"),
        ("[tool.bright-spots]\nrepository = 'no-slash'\njupyterhub = 'https://h.org'\n", "owner/name"),
        ("[tool.bright-spots]\nrepository = 'a/b'\njupyterhub = 'hub.org'\n", "https://"),
        ("[tool.bright-spots]\nrepository = 'a/b'\nbranch = 'x y'\njupyterhub = 'https://h.org'\n", "branch"),
    ],
)
def test_a_bad_setting_is_named(tmp_path, body, words):
    with pytest.raises(sitebuild.SiteError, match=re.escape(words)):
        sitebuild.config(write_pyproject(tmp_path, body), environ={})


def test_readme_binder_badge_uses_the_setting():
    """The README's badge and its link point at the repository of [tool.bright-spots]."""
    cfg = sitebuild.config(environ={})
    readme = (ROOT / "README.md").read_text()
    url = sitebuild.binder_url(cfg, "notebooks/00-start-here.ipynb")
    assert f"[![Binder](https://mybinder.org/badge_logo.svg)]({url})" in readme
    others = set(re.findall(r"https://mybinder\.org/v2/gh/([^/\s)]+/[^/\s)]+)/", readme))
    assert others == {cfg.repository}


def test_hub_link_is_an_nbgitpuller_link():
    cfg = sitebuild.Config("someone/bright-spots", "main", "https://hub.example.edu")
    url = urlsplit(sitebuild.hub_url(cfg, "notebooks/02-orbits.ipynb"))
    assert (url.scheme, url.netloc, url.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    assert parse_qs(url.query) == {
        "repo": ["https://github.com/someone/bright-spots"],
        "branch": ["main"],
        "urlpath": ["lab/tree/bright-spots/notebooks/02-orbits.ipynb"],
    }


def test_binder_link_opens_the_lesson():
    cfg = sitebuild.Config("someone/bright-spots", "main", "https://hub.example.edu")
    assert sitebuild.binder_url(cfg, "notebooks/02-orbits.ipynb") == (
        "https://mybinder.org/v2/gh/someone/bright-spots/HEAD?urlpath=lab/tree/notebooks/02-orbits.ipynb"
    )


def test_links_point_at_site_pages_or_github():
    cfg = sitebuild.Config("o/r", "main", "https://h.org")
    pages = sitebuild.page_map(nbtools.lesson_notebooks())
    text = (
        "[a](docs/instructors/02-orbits.md) [b](docs/instructors/) [c](LICENSE) "
        "[d](https://x.org/y) [e](#local) [f](notebooks/01-asteroid-belt.ipynb#kirkwood) [g](no-such-file.md)"
    )
    out = sitebuild.rewrite_links(text, "INSTRUCTORS.md", "instructors/index.md", pages, cfg)
    assert "[a](02-orbits.md)" in out
    assert "[b](index.md)" in out
    assert "[c](https://github.com/o/r/blob/main/LICENSE)" in out
    assert "[d](https://x.org/y)" in out and "[e](#local)" in out
    assert "[f](../lessons/01-asteroid-belt.ipynb#kirkwood)" in out
    assert "[g](no-such-file.md)" in out  # left for Sphinx to report
    # a lesson linking to its neighbour stays a page link
    assert (
        sitebuild.rewrite_links(
            "[n](02-orbits.ipynb)", "notebooks/01-asteroid-belt.ipynb", "lessons/01-asteroid-belt.ipynb", pages, cfg
        )
        == "[n](02-orbits.ipynb)"
    )


def test_alt_text_is_read_from_the_output_metadata():
    assert (
        sitebuild.output_alt({"image/png": {"alt": " Belt between Mars and Jupiter "}})
        == "Belt between Mars and Jupiter"
    )
    assert (
        sitebuild.output_alt({"alt": "A histogram of semi-major axes"}, "image/png") == "A histogram of semi-major axes"
    )
    assert sitebuild.output_alt({"image/png": {"width": 400}}) is None
    assert sitebuild.output_alt({}) is None and sitebuild.output_alt(None) is None


def _executed_with_widget():
    """A small executed notebook whose one cell showed an interact widget (as nbclient stores it)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\nSee [next](02-orbits.ipynb)."),
        nbformat.v4.new_code_cell("interact(...)"),
    ]
    nb.cells[1].outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                nbtools.WIDGET_VIEW: {"model_id": "box", "version_major": 2, "version_minor": 0},
                "text/plain": "interactive(children=(IntSlider(value=1),))",
            },
        )
    ]
    figure = {
        "output_type": "display_data",
        "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
        "metadata": {
            "alt": "Orbit of Ceres drawn at day zero",
            "image/png": {"alt": "Orbit of Ceres drawn at day zero"},
        },
    }
    nb.metadata["widgets"] = {
        nbtools.WIDGET_STATE: {
            "state": {
                "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_out"]}},
                "out": {"model_name": "OutputModel", "state": {"outputs": [figure]}},
            }
        }
    }
    return nb


def test_site_notebook_shows_the_default_figure_and_the_buttons():
    cfg = sitebuild.Config("o/r", "main", "https://h.org")
    nb = _executed_with_widget()
    page = sitebuild.site_notebook(nb, cfg, "01-asteroid-belt.ipynb", sitebuild.page_map(nbtools.lesson_notebooks()))
    assert "widgets" not in page.metadata  # nothing for myst-nb to load widget JS for
    assert "widgets" in nb.metadata  # the executed notebook itself is untouched
    launch = page.cells[1]
    assert "site-launch" in launch.metadata["tags"]
    for needle in (
        "mybinder.org/v2/gh/o/r/HEAD",
        "https://h.org/hub/user-redirect/git-pull",
        "../downloads/01-asteroid-belt.ipynb",
        "../downloads/student/01-asteroid-belt.ipynb",
    ):
        assert needle in launch.source
    outputs = page.cells[2].outputs
    assert sitebuild.WIDGET_NOTE == outputs[0]["data"]["text/markdown"]
    assert outputs[1]["data"]["image/png"] and sitebuild.output_alt(outputs[1]["metadata"])
    assert not any(nbtools.WIDGET_VIEW in o.get("data", {}) for o in outputs)
    assert sitebuild.figures_without_alt(page) == 0


def test_course_map_links_every_lesson():
    titles = {nb.name: nb.stem for nb in nbtools.lesson_notebooks()}
    table = sitebuild.course_map(titles)
    for name in titles:
        assert f"](lessons/{name})" in table
    with pytest.raises(sitebuild.SiteError, match="99-extra.ipynb"):
        sitebuild.course_map({**titles, "99-extra.ipynb": "x"})


def test_unknown_placeholder_is_an_error():
    assert sitebuild.fill("a {{ x }} b", {"x": "1"}) == "a 1 b"
    with pytest.raises(sitebuild.SiteError, match="y"):
        sitebuild.fill("{{ y }}", {"x": "1"})


def test_site_sources_use_only_known_placeholders():
    """Every {{ name }} in docs/site can be filled (the build would stop otherwise)."""
    known = {
        "repository",
        "repo_url",
        "repo_name",
        "branch",
        "jupyterhub",
        "binder_start",
        "hub_start",
        "course_map",
        "manifest",
        "facts",
        "lessons_toc",
        "instructor_toc",
    }
    used = set()
    for md in (ROOT / "docs" / "site").rglob("*.md"):
        used |= set(re.findall(r"\{\{\s*([a-z_]+)\s*\}\}", md.read_text()))
    assert used and used <= known


def test_mathjax_is_served_locally():
    conf = (ROOT / "docs" / "site" / "conf.py").read_text()
    assert '"sphinx-mathjax-offline"' in conf
    assert "nb_ipywidgets_js = {}" in conf  # myst-nb's default loads widget JS from a CDN
