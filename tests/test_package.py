"""The utils package: every module is listed, importable, and import stays light."""

import importlib
import subprocess
import sys
from pathlib import Path

import astropy.units as u
import pytest

import utils

MODULES = sorted(p.stem for p in Path(utils.__file__).parent.glob("*.py") if not p.stem.startswith("_"))
TESTS = Path(__file__).resolve().parent


def test_every_module_has_its_test_file():
    """The tests of ``utils/NAME.py`` live in ``tests/test_NAME.py`` (lesson-specific tests in test_lessonNN*)."""
    assert MODULES, "no utils modules found"
    missing = [f"tests/test_{name}.py" for name in MODULES if not (TESTS / f"test_{name}.py").is_file()]
    assert not missing, f"utils modules without their test file: {missing}"


def test_every_module_is_listed_in_all():
    missing = set(MODULES) - set(utils.__all__)
    assert not missing, f"add {sorted(missing)} to utils.__all__"


@pytest.mark.parametrize("name", sorted(set(utils.__all__)))
def test_every_listed_name_resolves(name):
    assert getattr(utils, name) is not None


@pytest.mark.parametrize("name", MODULES)
def test_every_module_has_a_docstring(name):
    mod = importlib.import_module(f"utils.{name}")
    assert mod.__doc__, f"utils.{name} needs a module docstring"


def test_import_utils_does_not_load_astropy_or_matplotlib():
    code = "import sys, utils; print(sorted(m for m in ('astropy', 'matplotlib', 'rebound') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"import utils loaded {out.strip()}"


def test_unknown_name_says_so():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        utils.nonsense  # noqa: B018 - the attribute access is what is tested


def test_dir_lists_the_public_names_for_tab_completion():
    names = dir(utils)
    assert set(utils.__all__) <= set(names)
    assert not {"Path", "annotations", "importlib"} & set(names)


def test_tab_completion_offers_no_way_to_an_expected_answer():
    """The self-checks compute each exercise's answer; Tab after ``utils.`` or ``utils.checks.`` must not offer
    the functions that return it (IPython's completer leaves out names that start with an underscore)."""
    import utils.checks

    assert "exercises" not in dir(utils)
    public = [name for name in dir(utils.checks) if not name.startswith("_")]
    assert not [name for name in public if "expected" in name or name.startswith("get_")], public
    answer = utils.checks._expected_answer("00.3", altitude=1 * u.km, ceres_radius=2 * u.km)
    assert answer.to_value(u.km) == pytest.approx(3)
    assert utils.exercises.lesson00._EXERCISES  # still loads when asked for by name


@pytest.mark.parametrize("lesson", [f"{n:02d}" for n in range(9)])
def test_no_public_name_of_an_exercise_module_holds_an_exercise(lesson):
    """Tab after ``utils.exercises.lessonNN.`` must not offer the exercises themselves (each computes its answer)."""
    import importlib

    from utils.checks import Exercise

    module = importlib.import_module(f"utils.exercises.lesson{lesson}")
    assert module._EXERCISES and all(isinstance(e, Exercise) for e in module._EXERCISES.values())
    for name in (n for n in dir(module) if not n.startswith("_")):
        value = getattr(module, name)
        held = value.values() if isinstance(value, dict) else [value]
        assert not any(isinstance(v, Exercise) for v in held), f"lesson{lesson}.{name} holds an exercise"
