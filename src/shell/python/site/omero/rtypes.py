"""omero.rtypes: as in OMERO's Python API (see omero._bridge for how values cross)."""

from . import _bridge

globals().update(_bridge.namespace('omero.rtypes'))

__all__ = [n for n in globals() if not n.startswith('_')]
