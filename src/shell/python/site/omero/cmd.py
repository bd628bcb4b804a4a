"""omero.cmd: graph requests (Delete2, Chgrp2, Chown2, Chmod2, DoAll, legacy Delete) and responses.

Requests take their fields by keyword as in OMERO: ``Delete2(targetObjects={'Project': [id]})``."""

import sys as _sys
import types as _types

from . import _bridge

globals().update(_bridge.namespace('omero.cmd'))
graphs = _types.ModuleType('omero.cmd.graphs', 'omero.cmd.graphs: ChildOption')
graphs.__dict__.update(_bridge.namespace('omero.cmd.graphs'))
_sys.modules['omero.cmd.graphs'] = graphs

__all__ = [n for n in globals() if not n.startswith('_')]
