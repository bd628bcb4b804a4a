"""The console driver of omero-shell's Python mode (not part of the omero package).

The main thread of the shell owns the terminal and sends each typed line here (``push``), a whole
script (``script``), or the line to complete (``complete``). Input is compiled as Python's own
console compiles it; tracebacks show only the user's code (never this driver or the bridge).
"""

import ast
import builtins
import codeop
import linecache
import pydoc
import re
import rlcompleter
import sys
import traceback

# A line that goes on the statement above even though it is not indented.
_CONTINUES = re.compile(r'(else|elif|except|finally|case)\b|[)\]}]')
_TOKEN = re.compile(r'[\w.]*$')


class _Quitter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name

    def __call__(self, code=0):
        raise SystemExit(code)


def _help(*args, **kwargs):
    if not args and not kwargs:
        print('Type help(object) for help about object, e.g. help(admin_service) or help(omero.model.ProjectI);'
              ' dir(object) lists its members. Tab completes names and attributes.')
        return
    return pydoc.help(*args, **kwargs)


class Driver:
    def __init__(self):
        self.ns = {'__name__': '__main__', '__doc__': None, '__builtins__': builtins}
        self.buffer = []
        self.inputs = 0
        self.user_files = set()
        self.compiler = codeop.CommandCompiler()
        pydoc.pager = pydoc.plainpager
        builtins.help = _help
        builtins.exit = _Quitter('exit')
        builtins.quit = _Quitter('quit')
        sys.stdout.reconfigure(line_buffering=True)
        sys.stderr.reconfigure(line_buffering=True)

    def login(self, key):
        """Preloads omero, and with a session key client, session and the services."""
        return self._guard(lambda: self._login(key))

    def _login(self, key):
        import omero
        self.ns['omero'] = omero
        if key is None:
            return {}
        c = omero.client('localhost')
        s = c.joinSession(key)
        # The session belongs to the shell's login (its stored session): closing it here would end it there.
        s.detachOnDestroy()
        self.ns.update(client=c, session=s, admin_service=s.getAdminService(), query_service=s.getQueryService(),
                       update_service=s.getUpdateService(), container_service=s.getContainerService())
        return {}

    # -- interactive ---------------------------------------------------------------------------

    def push(self, line):
        """One typed line; returns {'more': True} while the statement goes on."""
        return self._guard(lambda: self._push(line))

    def _push(self, line):
        # A pasted block ends without a blank line when the next statement starts at column 0
        # (IPython accepts the seed's snippets pasted that way): run the block first.
        if self.buffer and line.strip() and not line[0].isspace() and not line.lstrip().startswith('#') \
                and not _CONTINUES.match(line) and self._complete('\n'.join(self.buffer)):
            source = '\n'.join(self.buffer)
            self.buffer = []
            code = self._compile_or_report(source + '\n')
            if code is not None:
                done = self._run(code)
                if 'exit' in done:
                    return done
        self.buffer.append(line)
        source = '\n'.join(self.buffer)
        name = self._input_name()
        try:
            code = self.compiler(source, name, 'single')
        except (SyntaxError, OverflowError, ValueError) as e:
            self.buffer = []
            self._remember(name, source)
            self._print_exception(e)
            return {'more': False, 'failures': 1}
        if code is None:
            return {'more': True}
        self.buffer = []
        self._remember(name, source)
        return self._run(code)

    def reset(self):
        self.buffer = []
        return {}

    def _complete(self, source):
        try:
            compile(source + '\n', '<check>', 'single')
            return True
        except (SyntaxError, OverflowError, ValueError):
            return False

    def _compile_or_report(self, source):
        name = self._input_name()
        self._remember(name, source)
        try:
            return compile(source, name, 'single')
        except (SyntaxError, OverflowError, ValueError) as e:
            self._print_exception(e)
            return None

    def _input_name(self):
        return '<python-input-%d>' % self.inputs

    def _remember(self, name, source):
        linecache.cache[name] = (len(source), None, [l + '\n' for l in source.split('\n')], name)
        self.user_files.add(name)
        self.inputs += 1

    # -- scripts -------------------------------------------------------------------------------

    def script(self, source, filename):
        """A whole script: each top-level statement in turn, as ``python FILE`` runs it (no echo of
        values), except that a failing statement does not stop the ones after it."""
        return self._guard(lambda: self._script(source, filename))

    def _script(self, source, filename):
        self.user_files.add(filename)
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            tree = ast.parse(source, filename)
        except (SyntaxError, ValueError) as e:
            self._print_exception(e)
            return {'failures': 1}
        failures = 0
        for statement in tree.body:
            code = compile(ast.Module(body=[statement], type_ignores=[]), filename, 'exec')
            done = self._run(code)
            failures += done.get('failures', 0)
            if 'exit' in done or done.get('interrupted'):
                done['failures'] = failures
                return done
        return {'failures': failures}

    # -- running -------------------------------------------------------------------------------

    def _run(self, code):
        try:
            exec(code, self.ns)
        except SystemExit as e:
            return {'exit': _exit_status(e.code)}
        except KeyboardInterrupt as e:
            self._print_exception(e)
            return {'more': False, 'failures': 1, 'interrupted': True}
        except BaseException as e:
            self._print_exception(e)
            return {'more': False, 'failures': 1}
        finally:
            sys.stdout.flush()
        return {'more': False}

    def _print_exception(self, e):
        te = traceback.TracebackException.from_exception(e)
        _keep_user_frames(te, self.user_files)
        sys.stderr.write(''.join(te.format()))
        sys.stderr.flush()

    def _guard(self, f):
        try:
            return f()
        except KeyboardInterrupt as e:
            self._print_exception(e)
            return {'more': False, 'failures': 1, 'interrupted': True}
        finally:
            sys.stdout.flush()
            sys.stderr.flush()

    # -- completion ----------------------------------------------------------------------------

    def complete(self, line):
        token = _TOKEN.search(line).group()
        if not token:
            # Tab at the start of a line indents, as in Python's console.
            return {'completions': ['    '] if not line.strip() else [], 'token': ''}
        completer = rlcompleter.Completer(self.ns)
        found = []
        try:
            for state in range(500):
                c = completer.complete(token, state)
                if c is None:
                    break
                found.append(c)
        except Exception:
            pass
        return {'completions': sorted(set(found)), 'token': token}


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write('%s\n' % code)
    return 1


def _keep_user_frames(te, user_files):
    """Drops the frames of the bridge, this driver and the library from a traceback and its causes."""
    seen = set()
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename in user_files])
        te = te.__cause__ or te.__context__
