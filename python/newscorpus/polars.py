"""``import newscorpus.polars`` registers the ``.news`` namespace on polars Series.

(It is registered by ``import newscorpus`` too when polars was imported first.)
"""

from __future__ import annotations

from ._polars import register_namespace

register_namespace()

__all__: list[str] = []
