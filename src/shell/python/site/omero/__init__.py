"""OMERO's Python API, as omero-shell provides it inside its Python shell.

``omero.client``, ``omero.model``, ``omero.rtypes``, ``omero.sys``, ``omero.cmd``,
``omero.callbacks`` and the exceptions (``omero.SecurityViolation``, ``omero.ApiUsageException``,
...) are the same objects the TypeScript shell has, reached through ``omero._bridge``. Calls block
until the server answers, as Ice calls do.
"""

from . import _bridge

globals().update(_bridge.namespace('omero'))

_Client = client  # noqa: F821 (defined by the line above)


class client(_Client):
    """omero.client(host='localhost', port=4064, {properties}): a connection to the server of
    this shell. createSession(user, password) or joinSession(key), then getSession()."""

    __slots__ = ()

    def __init__(self, *args, **kwargs):
        props = dict(kwargs)
        args = [a for a in args if not isinstance(a, dict) or props.update(a)]
        if props:
            args.append(props)
        object.__setattr__(self, '_omero_js', _bridge.new_client(args))


from . import model, rtypes, sys, cmd, callbacks  # noqa: E402

__all__ = [n for n in globals() if not n.startswith('_')]
