"""Glacier2: the login exceptions (PermissionDeniedException, CannotCreateSessionException)."""

from omero import _bridge

globals().update(_bridge.namespace('Glacier2'))

__all__ = [n for n in globals() if not n.startswith('_')]
