"""The Python half of omero-shell's bridge to its JavaScript client.

Every value that crosses is converted here, explicitly:

* Python -> JavaScript: None -> null; bool, int, float, str as themselves; list, tuple and set ->
  arrays; dict -> a plain object (string keys); an omero object -> the JavaScript object it wraps.
* JavaScript -> Python: null and undefined -> None; numbers, strings, booleans as themselves (a
  whole number is an int); arrays -> lists; plain objects and Maps -> dicts (copies: changing them
  changes nothing on the JavaScript side); class instances (model objects, rtypes, services,
  handles) -> an instance of the Python class made for their JavaScript class, so that
  ``isinstance(p, omero.model.ProjectI)`` holds and ``dir``, ``help`` and Tab know its members.

A JavaScript exception never reaches user code as such: the JavaScript side returns it as data
and it is raised here as the ``omero`` exception of the same name (``omero.SecurityViolation``),
or as TypeError / ValueError / RuntimeError for other errors.
"""

import inspect

import _omero_js as _js
from pyodide.ffi import JsArray, JsProxy, jsnull, to_js

_classes = {}

_BUILTIN_ERRORS = {'TypeError': TypeError, 'RangeError': ValueError, 'SyntaxError': ValueError}


def to_js_value(v):
    """A Python value as the JavaScript client expects it."""
    if v is None or v is jsnull:
        return jsnull
    if isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, JsObject):
        return object.__getattribute__(v, '_omero_js')
    if isinstance(v, dict):
        return _js.object(to_js([[str(k), to_js_value(x)] for k, x in v.items()], depth=1))
    if isinstance(v, (list, tuple, set, frozenset)):
        return to_js([to_js_value(x) for x in v], depth=1)
    raise TypeError("cannot pass a %s to the OMERO client" % type(v).__name__)


def _args(values):
    return to_js([to_js_value(v) for v in values], depth=1)


def from_js(v):
    """A JavaScript value as a Python one (see the module's docstring)."""
    if v is None or v is jsnull:
        return None
    if not isinstance(v, JsProxy):
        return v
    kind = _js.classOf(v)
    if kind == -2:
        return [from_js(x) for x in v]
    if kind in (-1, -4):
        return {from_js(k): from_js(x) for k, x in _js.entries(v)}
    if kind == -3:
        if callable(v):
            return _function(v)
        return v.to_py()
    return class_for(kind)._omero_wrap(v)


def _function(fn):
    def call(*args):
        return result(_js.invoke(_js.object(to_js([['f', fn]], depth=1)), 'f', _args(args)))
    return call


def result(r):
    """The value of a bridge call, or the exception it reports, raised as a Python exception."""
    if r.ok:
        return from_js(r.value)
    raise exception_from(r.error) from None


def _raw(r):
    if r.ok:
        return r.value
    raise exception_from(r.error) from None


def exception_from(info):
    """The Python exception for an error the JavaScript side reported."""
    chain = list(info.chain)
    if info.classId >= 0:
        e = class_for(info.classId)(info.message)
        for k, v in _js.entries(info.fields):
            if k != 'message':
                setattr(e, k, from_js(v))
        return e
    for name in chain:
        if name in _BUILTIN_ERRORS:
            return _BUILTIN_ERRORS[name](info.message)
    return RuntimeError(info.message)


class JsObject:
    """An object of omero-shell's client (model object, rtype, service, handle) seen from Python.

    Attribute reads and writes, method calls and ``print`` go to the object itself; values are
    converted as the module ``omero._bridge`` describes."""

    __slots__ = ('_omero_js',)
    _omero_id = None

    def __init__(self, *args, **kwargs):
        cls = type(self)
        if cls._omero_id is None:
            raise TypeError('%s cannot be created from Python' % cls.__name__)
        if kwargs and not args:
            js = _raw(_js.construct(cls._omero_id, _args([kwargs])))
        else:
            js = _raw(_js.construct(cls._omero_id, _args(args)))
        object.__setattr__(self, '_omero_js', js)
        for k, v in kwargs.items() if args else ():
            setattr(self, k, v)

    @classmethod
    def _omero_wrap(cls, js):
        obj = object.__new__(cls)
        object.__setattr__(obj, '_omero_js', js)
        return obj

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        js = object.__getattribute__(self, '_omero_js')
        if _js.has(js, name):
            return result(_js.get(js, name))
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        if name.startswith('_omero'):
            return object.__setattr__(self, name, value)
        result(_js.set(object.__getattribute__(self, '_omero_js'), name, to_js_value(value)))

    def __dir__(self):
        own = list(_js.keys(object.__getattribute__(self, '_omero_js')))
        return sorted(set(object.__dir__(self)) | set(own))

    def __repr__(self):
        return _js.repr(object.__getattribute__(self, '_omero_js'))

    __str__ = __repr__

    def __eq__(self, other):
        """The same object, or equal by the object's own ``equals`` (rtypes: ``rlong(1) == rlong(1)``)."""
        if not isinstance(other, JsObject):
            return NotImplemented
        a = object.__getattribute__(self, '_omero_js')
        b = object.__getattribute__(other, '_omero_js')
        if a == b:
            return True
        return _js.has(a, 'equals') and result(_js.invoke(a, 'equals', to_js([b], depth=1))) is True

    def __hash__(self):
        # Equal objects must hash alike, and rtypes are equal by value: hash by class (correct, if slow in big sets).
        return id(type(self))


def _method(owner, module, name, params):
    def method(self, *args):
        return result(_js.invoke(object.__getattribute__(self, '_omero_js'), name, _args(args)))
    method.__name__ = name
    method.__qualname__ = '%s.%s' % (owner, name)
    method.__module__ = module
    method.__doc__ = '%s(%s)' % (name, params)
    method.__signature__ = _signature(params)
    return method


def _signature(params):
    """The signature help() and Tab show, from the JavaScript parameter list (all optional in Ice)."""
    P = inspect.Parameter
    found = [P('self', P.POSITIONAL_ONLY)]
    for text in (p.strip() for p in params.split(',') if p.strip()):
        name = text.split('=')[0].strip().lstrip('.')
        if not name.isidentifier():
            return inspect.Signature([P('self', P.POSITIONAL_ONLY), P('args', P.VAR_POSITIONAL)])
        optional = '=' in text or name == 'ctx'
        found.append(P(name, P.POSITIONAL_ONLY, default=None if optional else P.empty))
    try:
        return inspect.Signature(found)
    except ValueError:
        return inspect.Signature([P('self', P.POSITIONAL_ONLY), P('args', P.VAR_POSITIONAL)])


def _field(name):
    def get(self):
        return result(_js.get(object.__getattribute__(self, '_omero_js'), name))

    def set_(self, value):
        result(_js.set(object.__getattribute__(self, '_omero_js'), name, to_js_value(value)))
    return property(get, set_, doc='the field %s' % name)


_MODULES = {}


def class_for(cid, module='omero'):
    """The Python class of a JavaScript class (made once, with its parents)."""
    cls = _classes.get(cid)
    if cls is not None:
        return cls
    info = _js.classInfo(cid)
    if info.error:
        return _exception_class(cid, info, module)
    base = class_for(info.parent, module) if info.parent >= 0 else JsObject
    where = _MODULES.get(cid, 'omero.api' if info.name.endswith('Prx') else module)
    attrs = {'__slots__': (), '_omero_id': cid, '__module__': where, '__doc__': '%s.%s' % (where, info.name)}
    for name, params in info.methods:
        attrs[name] = _method(info.name, where, name, params)
    for name in info.fields:
        attrs[name] = _field(name)
    cls = type(info.name, (base,), attrs)
    _classes[cid] = cls
    return cls


class OmeroError(Exception):
    """Base of the exceptions the client raises; ``message`` holds the text."""

    def __init__(self, message='', *args, **fields):
        super().__init__(message, *args)
        self.message = message
        for k, v in fields.items():
            setattr(self, k, v)

    def __str__(self):
        return str(self.message)


def _exception_class(cid, info, module):
    if info.parent >= 0 and _js.classInfo(info.parent).error:
        base = class_for(info.parent, module)
    else:
        base = OmeroError
    where = _MODULES.get(cid, 'omero')
    cls = type(info.name, (base,), {'__module__': where, '__doc__': '%s.%s' % (where, info.name), '_omero_id': cid})
    _classes[cid] = cls
    return cls


def namespace(module):
    """The names of one ``omero`` module: its classes and functions, by name."""
    names = {}
    for e in _entries():
        if e['module'] != module:
            continue
        if e['kind'] == 'class':
            _MODULES.setdefault(e['id'], module)
            names[e['name']] = class_for(e['id'], module)
        else:
            names[e['name']] = _named_function(e['id'], e['name'], module)
    return names


_ENTRIES = None


def _entries():
    global _ENTRIES
    if _ENTRIES is None:
        _ENTRIES = [{'module': e.module, 'name': e.name, 'kind': e.kind, 'id': e.id} for e in _js.namespace()]
        # Register every module's classes first, so that each class gets the module it is exported from.
        for e in _ENTRIES:
            if e['kind'] == 'class':
                _MODULES.setdefault(e['id'], e['module'])
    return _ENTRIES


def _named_function(fid, name, module):
    def function(*args):
        return result(_js.callFunction(fid, _args(args)))
    function.__name__ = name
    function.__qualname__ = name
    function.__module__ = module
    function.__doc__ = '%s.%s' % (module, name)
    return function


def new_client(args):
    """A JavaScript omero.client over this shell's connection."""
    return _raw(_js.newClient(_args(args)))
