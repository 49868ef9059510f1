"""Every program a test runs is installed by `make test`'s own set-up, so the suite passes on a fresh machine.

The scanner reads the source of every tests/**/*.py (with `ast`) and finds the programs it runs:
the command given to subprocess.run/call/check_call/check_output/Popen, os.system/exec*/spawn*,
pty.spawn and asyncio's subprocess functions (directly, through variables, loop variables,
`[*prefix, ...]`, helpers that return a command, and helper parameters filled in by their callers),
`shutil.which("...")`, and any list or tuple that starts with the name of a well-known program.
Each program must then be

  (a) installed by `scripts/setup-system.sh test` (read from its `have_cmd X || need+=(pkg)` lines,
      plus the programs that each of those packages brings, PACKAGE_PROGRAMS below),
  (b) the interpreter, or a program in the venv's bin that the project or its test extra installs
      (the distributions reachable from `tgreport[test]`, read from the installed metadata), or
  (c) a basic program of an Essential Debian package, BASIC below.

Absolute paths in a command (epubcheck's jar) must be ones the script checks with `[ -f PATH ]`.
A command whose program the scanner cannot work out fails too: name the program literally.
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
SETUP = ROOT / "scripts" / "setup-system.sh"

# Programs that a Debian package installed by setup-system.sh brings besides the one its
# `have_cmd` line checks for (poppler-utils is checked by pdftotext, but the tests also run
# pdffonts, pdftoppm, pdfinfo). test_package_programs_table_is_true checks it where dpkg is.
PACKAGE_PROGRAMS: dict[str, frozenset[str]] = {
    "poppler-utils": frozenset({"pdftotext", "pdffonts", "pdftoppm", "pdfinfo", "pdfimages", "pdftocairo"}),
    "default-jre-headless": frozenset({"java"}),
    "epubcheck": frozenset({"epubcheck"}),
    "libreoffice-writer-nogui": frozenset({"soffice", "libreoffice"}),
    "pandoc": frozenset({"pandoc"}),
    "pkg-config": frozenset({"pkg-config"}),
}

# Basic programs of Essential Debian packages, on every Debian machine (not procps's `kill`,
# which a minimal Debian lacks). test_basic_programs_are_essential checks it where dpkg is.
BASIC: dict[str, str] = {
    "sh": "dash",
    "bash": "bash",
    "env": "coreutils",
    "true": "coreutils",
    "false": "coreutils",
    "iconv": "libc-bin",  # the legacy Vietnamese encodings, an independent implementation
    "setpriv": "util-linux",  # runs a command as root without the capabilities that skip permissions
    "dpkg": "dpkg",
    "dpkg-query": "dpkg",
}

# A list or tuple starting with one of these is taken for a command wherever it stands.
WELL_KNOWN = frozenset({
    "pdftotext", "pdffonts", "pdftoppm", "pdfinfo", "pdfimages", "pdftocairo", "qpdf", "mutool", "gs",
    "soffice", "libreoffice", "lowriter", "java", "epubcheck", "pandoc", "xmllint", "tidy", "iconv",
    "setpriv", "convert", "magick", "fc-list", "fc-match", "fc-cache", "unzip", "zip", "xvfb-run",
    "tesseract", "wkhtmltopdf", "weasyprint", "pkg-config", "dpkg", "dpkg-query", "apt-get",
})

INTERPRETER = "<sys.executable>"
UNRESOLVED = "<unresolved>"
BUILT = "*/"  # before a name: a path built at run time (venv / "bin" / "name"), not a name on PATH

# The functions that run a command, and what their first argument is: a command as a list
# ("argv"), one program ("program"), or a shell line ("shell").
RUNNERS = {
    **{f"subprocess.{f}": "argv" for f in ("run", "call", "check_call", "check_output", "Popen")},
    "subprocess.getoutput": "shell",
    "subprocess.getstatusoutput": "shell",
    "os.system": "shell",
    "os.popen": "shell",
    **{f"os.{f}": "program" for f in (
        "execv", "execve", "execvp", "execvpe", "execl", "execle", "execlp", "execlpe",
        "posix_spawn", "posix_spawnp",
    )},
    **{f"os.{f}": "second" for f in ("spawnv", "spawnve", "spawnvp", "spawnvpe", "spawnl", "spawnlp")},
    "pty.spawn": "argv",
    "asyncio.create_subprocess_exec": "program",
    "asyncio.create_subprocess_shell": "shell",
    "shutil.which": "program",
}


@dataclass(frozen=True)
class Use:
    program: str  # a name, INTERPRETER, or UNRESOLVED
    file: str
    line: int
    code: str  # the expression, for UNRESOLVED


@dataclass(frozen=True)
class Setup:
    programs: dict[str, str]  # program -> the package that brings it
    files: dict[str, str]  # absolute path -> the package that brings it


# --- the scanner ---------------------------------------------------------------------------------


class _Module:
    def __init__(self, name: str, source: str) -> None:
        self.name = name
        self.stem = Path(name).stem
        self.tree = ast.parse(source, filename=name)
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.aliases: dict[str, str] = {}  # local name -> "module.name" (imports)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.aliases[alias.asname or alias.name.split(".")[0]] = alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        self.functions = [
            n for n in ast.walk(self.tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]

    def qualified(self, func: ast.expr) -> str | None:
        """"subprocess.run" for `subprocess.run`, `sp.run` (import subprocess as sp), `run` (from-import)."""
        if isinstance(func, ast.Name):
            return self.aliases.get(func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            return f"{self.aliases.get(func.value.id, func.value.id)}.{func.attr}"
        return None

    def enclosing(self, node: ast.AST) -> list[ast.AST]:
        """The functions around `node`, innermost first, then the module."""
        chain: list[ast.AST] = []
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                chain.append(node)
        chain.append(self.tree)
        return chain


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of `scope` outside the functions nested in it."""
    found: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        found.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            todo.extend(ast.iter_child_nodes(node))
    return found


Resolver = Callable[[ast.expr, _Module], set[str]]


def _built(names: set[str]) -> set[str]:
    return {n if n in (UNRESOLVED, INTERPRETER) else BUILT + n.removeprefix(BUILT) for n in names}


def _params(scope: ast.AST) -> list[str]:
    if not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        return []
    a = scope.args
    return [p.arg for p in [*a.posonlyargs, *a.args]]


def _all_params(scope: ast.AST) -> set[str]:
    if not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        return set()
    a = scope.args
    return {p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, [a.vararg, a.kwarg])]}


class Scanner:
    def __init__(self, sources: dict[str, str]) -> None:
        self.modules = [_Module(name, text) for name, text in sorted(sources.items())]
        self.uses: set[Use] = set()
        self._busy: set[tuple[int, str]] = set()

    # Each resolver returns the program names an expression stands for.

    def command(self, node: ast.expr, mod: _Module) -> set[str]:
        """The programs of a command given as a list (argv)."""
        if isinstance(node, ast.List | ast.Tuple):
            if not node.elts:
                return {UNRESOLVED}
            head = node.elts[0]
            if isinstance(head, ast.Starred):
                return self.command(head.value, mod)
            return self.program(head, mod)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return self.shell(node, mod)  # a string is run as one program name (or a shell line)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.command(node.left, mod)
        if isinstance(node, ast.IfExp):
            return self.command(node.body, mod) | self.command(node.orelse, mod)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id in ("list", "tuple") and node.args:
                return self.command(node.args[0], mod)
            if mod.qualified(node.func) == "shlex.split" and node.args:
                return self.shell(node.args[0], mod)
            return self.returned(node, mod, self.command)
        if isinstance(node, ast.Name):
            return self.name(node, mod, self.command)
        return {UNRESOLVED}

    def program(self, node: ast.expr, mod: _Module) -> set[str]:
        """The program named by one expression (the first item of a command)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.Attribute) and mod.qualified(node) == "sys.executable":
            return {INTERPRETER}
        if isinstance(node, ast.Call) and node.args:
            wrapper = mod.qualified(node.func) or (node.func.id if isinstance(node.func, ast.Name) else "")
            if wrapper in ("str", "os.fspath", "pathlib.Path", "shutil.which"):
                return self.program(node.args[-1], mod)
            if wrapper == "os.path.join":
                return _built(self.program(node.args[-1], mod))
            return self.returned(node, mod, self.program)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return _built(self.program(node.right, mod))  # some_folder / "bin" / "name"
        if isinstance(node, ast.IfExp):
            return self.program(node.body, mod) | self.program(node.orelse, mod)
        if isinstance(node, ast.Name):
            return self.name(node, mod, self.program)
        return {UNRESOLVED}

    def shell(self, node: ast.expr, mod: _Module) -> set[str]:
        """The program a shell line starts with."""
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            text = str(node.values[0].value)
            if len(node.values) > 1 and not text[-1:].isspace():
                return {UNRESOLVED}  # the name itself is built at run time
        elif isinstance(node, ast.Name):
            return self.name(node, mod, self.shell)
        if text is None:
            return {UNRESOLVED}
        words = [w for w in shlex.split(text) if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", w)]
        return {words[0]} if words else {UNRESOLVED}

    def name(self, node: ast.Name, mod: _Module, resolve: Resolver) -> set[str]:
        """What a variable holds: its assignments, loop values, or its callers' arguments."""
        key = (id(node), resolve.__name__)
        if key in self._busy:
            return set()
        self._busy.add(key)
        try:
            for scope in mod.enclosing(node):
                if node.id in _all_params(scope):
                    return self.arguments(scope, node.id, mod, resolve)
                values = self.assigned(scope, node.id)
                if values:
                    return set().union(*(resolve(v, mod) for v in values))
            origin = mod.aliases.get(node.id)
            if origin and "." in origin:  # from helpers import CONSTANT
                module_name, _, attr = origin.rpartition(".")
                found: set[str] = set()
                for other in self.modules:
                    if other.stem == module_name.rpartition(".")[2]:
                        for value in self.assigned(other.tree, attr):
                            found |= resolve(value, other)
                if found:
                    return found
            return {UNRESOLVED}
        finally:
            self._busy.discard(key)

    @staticmethod
    def assigned(scope: ast.AST, name: str) -> list[ast.expr]:
        values: list[ast.expr] = []
        for node in _own_nodes(scope):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
                targets, value = [node.target], node.value
            elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
                targets, value = [node.target], node.iter
                if isinstance(value, ast.List | ast.Tuple | ast.Set):  # for tool in ("a", "b")
                    if isinstance(node.target, ast.Name) and node.target.id == name:
                        values.extend(value.elts)
                    continue
            for target in targets:
                if isinstance(target, ast.Name) and target.id == name:
                    values.append(value)
        return values

    def sees(self, other: _Module, name: str, mod: _Module) -> bool:
        """Whether `other` can call the function `name` of `mod`: it is `mod`, or imports it or `mod`."""
        return other is mod or any(
            origin.endswith(f"{mod.stem}.{name}") or origin.rpartition(".")[2] == mod.stem
            for origin in other.aliases.values()
        )

    def callers(self, function: ast.AST, mod: _Module) -> list[tuple[ast.Call, _Module]]:
        """The calls of `function` in its own module and in the modules that import it."""
        name = getattr(function, "name", None)
        calls = []
        for other in self.modules:
            if name is None or not self.sees(other, name, mod):
                continue
            for node in ast.walk(other.tree):
                if isinstance(node, ast.Call):
                    func = node.func
                    called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                    if called == name:
                        calls.append((node, other))
        return calls

    def arguments(self, function: ast.AST, param: str, mod: _Module, resolve: Resolver) -> set[str]:
        """What the callers of `function` pass for `param` (and its default)."""
        assert isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        positional = _params(function)
        vararg = function.args.vararg.arg if function.args.vararg else None
        found: set[str] = set()
        defaults = dict(zip(reversed(positional), reversed(function.args.defaults), strict=False))
        for kw, default in zip(function.args.kwonlyargs, function.args.kw_defaults, strict=True):
            if default is not None:
                defaults[kw.arg] = default
        if param in defaults:
            found |= resolve(defaults[param], mod)
        for call, other in self.callers(function, mod):
            method = positional[:1] in (["self"], ["cls"]) and isinstance(call.func, ast.Attribute)
            offset = 1 if method else 0
            if param == vararg:  # def run(*command): the arguments from there on, as a tuple
                rest = call.args[len(positional) - offset:]
                found |= resolve(ast.Tuple(elts=rest, ctx=ast.Load()), other) if rest else {UNRESOLVED}
                continue
            given = [k.value for k in call.keywords if k.arg == param]
            if given:
                found |= resolve(given[0], other)
                continue
            index = positional.index(param) - offset if param in positional else -1
            if 0 <= index < len(call.args):
                argument = call.args[index]
                if any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
                    found.add(UNRESOLVED)
                else:
                    found |= resolve(argument, other)
        return found or {UNRESOLVED}

    def returned(self, call: ast.Call, mod: _Module, resolve: Resolver) -> set[str]:
        """What a helper function of the tests returns, for a call of it."""
        func = call.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        found: set[str] = set()
        for other in self.modules:
            if not self.sees(mod, name, other):
                continue
            for function in other.functions:
                if function.name == name:
                    for node in _own_nodes(function):
                        if isinstance(node, ast.Return) and node.value is not None:
                            found |= resolve(node.value, other)
        return found or {UNRESOLVED}

    def scan(self) -> list[Use]:
        for mod in self.modules:
            for node in ast.walk(mod.tree):
                if isinstance(node, ast.Call):
                    self._call(node, mod)
                elif isinstance(node, ast.List | ast.Tuple) and node.elts:
                    head = node.elts[0]
                    if isinstance(head, ast.Constant) and head.value in WELL_KNOWN:
                        self._add({str(head.value)}, node, mod)
        # The whole call before the list inside it, so that a report quotes the call.
        return sorted(self.uses, key=lambda u: (u.file, u.line, u.program, -len(u.code), u.code))

    def _call(self, call: ast.Call, mod: _Module) -> None:
        kind = RUNNERS.get(mod.qualified(call.func) or "")
        if kind is None:
            return
        args = [a for a in call.args if not isinstance(a, ast.Starred)]
        first = args[0] if args else next((k.value for k in call.keywords if k.arg in ("args", "cmd")), None)
        if kind == "second":  # os.spawnv(mode, path, args)
            first = args[1] if len(args) > 1 else None
        if first is None:
            self._add({UNRESOLVED}, call, mod)
            return
        shell = any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                    for k in call.keywords)
        if shell and isinstance(first, ast.List | ast.Tuple):  # the shell line is the first item
            self._add(self.shell(first.elts[0], mod) if first.elts else {UNRESOLVED}, call, mod)
        elif kind == "shell" or shell:
            self._add(self.shell(first, mod), call, mod)
        elif kind == "argv":
            self._add(self.command(first, mod), call, mod)
        else:
            self._add(self.program(first, mod), call, mod)

    def _add(self, programs: set[str], node: ast.AST, mod: _Module) -> None:
        code = ast.unparse(node)
        for program in programs or {UNRESOLVED}:
            self.uses.add(Use(program, mod.name, getattr(node, "lineno", 0), code[:120]))

    def absolute_paths(self) -> list[tuple[str, str, int]]:
        """Absolute paths of files under /usr or /opt written in the tests (epubcheck's jar)."""
        found = []
        for mod in self.modules:
            for node in ast.walk(mod.tree):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and re.fullmatch(r"/(usr|opt)/\S+\.\w+", node.value)):
                    found.append((node.value, mod.name, node.lineno))
        return found


def scan(sources: dict[str, str]) -> list[Use]:
    return Scanner(sources).scan()


# --- what the set-up installs ----------------------------------------------------------------------


def setup_installs(script: str, what: str = "test") -> Setup:
    """The programs and files that `setup-system.sh WHAT` makes sure of, and the package of each."""
    programs: dict[str, str] = {}
    files: dict[str, str] = {}
    modes: list[str | None] = []  # the `if [ "$what" = X ]` blocks around a line (None: another if)
    for raw in script.splitlines():
        line = raw.split(" #", 1)[0].strip()
        opened = re.match(r'if \[ "\$what" = (\w+) \]; then$', line)
        if opened:
            modes.append(opened[1])
            continue
        if re.match(r"if\b", line):
            modes.append(None)
            continue
        if line == "fi":
            modes.pop()
            continue
        if any(mode is not None and mode != what for mode in modes):
            continue
        needed = re.search(r"\|\| need\+=\(([^)\s]+)\)$", line)
        if not needed:
            continue
        package = needed[1]
        for program in PACKAGE_PROGRAMS.get(package, ()):
            programs.setdefault(program, package)
        if m := re.match(r"have_cmd (\S+) ", line):
            programs[m[1]] = package
        elif m := re.match(r"\[ -[fx] (\S+) \] ", line):
            files[m[1]] = package
    return Setup(programs, files)


def venv_programs() -> dict[str, str]:
    """The programs in a venv's bin that tgreport and its test extra install, with their distribution."""
    programs: dict[str, str] = {}
    todo: list[tuple[str, str]] = [("tgreport", "test"), ("tgreport", "")]
    seen: set[tuple[str, str]] = set()
    while todo:
        name, extra = todo.pop()
        key = (re.sub(r"[-_.]+", "-", name).lower(), extra)
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        for entry in dist.entry_points:
            if entry.group in ("console_scripts", "gui_scripts"):
                programs.setdefault(entry.name, dist.metadata["Name"])
        for file in dist.files or ():
            if len(file.parts) > 1 and file.parts[-2] == "bin":
                programs.setdefault(file.parts[-1], dist.metadata["Name"])
        for text in dist.requires or ():
            requirement = Requirement(text)
            marker = requirement.marker
            if extra:  # what the extra adds: the requirements whose marker names it
                wanted = marker is not None and "extra" in str(marker) and marker.evaluate({"extra": extra})
            else:
                wanted = marker is None or marker.evaluate({"extra": ""})
            if wanted:
                todo.append((requirement.name, ""))
                todo.extend((requirement.name, e) for e in requirement.extras)
    return programs


def interpreter_names() -> set[str]:
    """The interpreter as a venv's bin names it (bare, only python3 is on every machine's PATH)."""
    return {"python", "python3", f"python3.{sys.version_info.minor}"}


def uncovered(uses: list[Use], setup: Setup, venv: dict[str, str]) -> list[str]:
    """One line per use of a program that no set-up provides (file:line, program, code)."""
    problems = []
    seen: set[tuple[str, str, int]] = set()
    for use in uses:
        program = use.program
        if (program, use.file, use.line) in seen:  # a call and the list in it, found twice
            continue
        seen.add((program, use.file, use.line))
        name = program.rpartition("/")[2]
        where = f"{use.file}:{use.line}"
        if program == UNRESOLVED:
            problems.append(f"{where}: cannot tell which program `{use.code}` runs "
                            "(name it literally, or teach tests/test_setup_installs.py this form)")
        elif program == INTERPRETER or program in setup.files or name in setup.programs or name in BASIC:
            continue
        elif program.startswith(BUILT) and (name in interpreter_names() or name in venv):
            continue  # a venv's own bin, found by its path
        elif program == "python3":
            continue
        elif name in venv or name in interpreter_names():
            problems.append(f"{where}: runs `{program}` by name, but `make test` does not put .venv/bin on "
                            f"PATH: run Path(sys.executable).parent / \"{name}\" (or sys.executable -m): "
                            f"`{use.code}`")
        else:
            problems.append(f"{where}: runs `{program}`, which `scripts/setup-system.sh test` does not "
                            f"install (add `have_cmd {name} || need+=(PACKAGE)`): `{use.code}`")
    return problems


def _test_sources() -> dict[str, str]:
    return {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "tests").rglob("*.py"))
    }


# --- the checks ----------------------------------------------------------------------------------


def test_every_program_the_tests_run_is_installed_by_the_test_setup() -> None:
    uses = scan(_test_sources())
    programs = {u.program for u in uses}
    # The scanner does find what the suite runs today (a scanner that finds nothing checks nothing).
    assert {"pdftotext", "pdffonts", "soffice", "java", "pandoc", "iconv", INTERPRETER} <= programs, programs
    problems = uncovered(uses, setup_installs(SETUP.read_text(encoding="utf-8")), venv_programs())
    assert not problems, "programs that the tests run and the test set-up does not provide:\n" + "\n".join(
        problems
    )


def test_every_file_a_command_needs_is_installed_by_the_test_setup() -> None:
    setup = setup_installs(SETUP.read_text(encoding="utf-8"))
    paths = Scanner(_test_sources()).absolute_paths()
    assert any(p == "/usr/share/java/epubcheck.jar" for p, _, _ in paths)
    missing = [f"{file}:{line}: {path}" for path, file, line in paths if path not in setup.files]
    assert not missing, "files that the tests use and `setup-system.sh test` does not install:\n" + "\n".join(
        missing
    )


SYNTHETIC = '''
import os
import shutil
import subprocess
import sys
from pathlib import Path
from subprocess import check_output as out

FROB = ["frobnicate", "--all"]


def direct(path):
    subprocess.run(["frob-direct", str(path)], check=True)


def through_a_variable(path):
    tool = "frob-variable"
    return subprocess.check_output([tool, "-", str(path)])


def through_a_prefix(path):
    return out([*FROB, str(path)])


def helper(tool, path):
    return subprocess.run([tool, str(path)]).stdout


def caller(path):
    for name in ("frob-loop",):
        helper(name, path)
    return helper("frob-helper", path)


def wrapped(command):
    return ["frob-wrapper", *command]


def through_a_wrapper(path):
    subprocess.Popen(wrapped(["pdftotext", str(path)]))


def shells():
    os.system("LC_ALL=C frob-shell --x")
    subprocess.run("frob-shell-true | head", shell=True)
    return shutil.which("frob-which")


def covered(path):
    subprocess.run(["pdftotext", str(path), "-"])
    subprocess.run([sys.executable, "-m", "tgreport"])
    subprocess.run(["iconv", "-f", "UTF-8"])


def unknowable(command):
    subprocess.run(command())


def venv_tools(tmp):
    subprocess.run([Path(sys.executable).parent / "ruff", "check"])
    subprocess.run(["ruff", "check"])
    subprocess.run([str(tmp / "venv" / "bin" / "python"), "-c", "pass"])
    subprocess.run(["python", "-c", "pass"])


SOME = ("pandoc", "-f", "docx")
'''


def test_the_scanner_reports_a_program_the_setup_does_not_install() -> None:
    uses = scan({"tests/synthetic.py": SYNTHETIC})
    found = {u.program for u in uses}
    expected = {
        "frobnicate", "frob-direct", "frob-variable", "frob-helper", "frob-loop", "frob-wrapper",
        "frob-shell", "frob-shell-true", "frob-which", "pdftotext", "iconv", "pandoc",
        INTERPRETER, UNRESOLVED,
    }
    assert found == expected | {"*/ruff", "ruff", "*/python", "python"}
    setup = Setup({"pdftotext": "poppler-utils", "pandoc": "pandoc"}, {})
    problems = "\n".join(uncovered(uses, setup, {"ruff": "ruff"}))
    for program in expected - {"pdftotext", "iconv", "pandoc", INTERPRETER, UNRESOLVED}:
        assert f"runs `{program}`" in problems and "tests/synthetic.py:" in problems
    assert "runs `pdftotext`" not in problems and "runs `iconv`" not in problems
    assert "cannot tell which program `subprocess.run(command())`" in problems
    # The venv's programs are there only by their path: make test does not put .venv/bin on PATH.
    assert "runs `*/ruff`" not in problems and "runs `*/python`" not in problems
    assert "runs `ruff` by name" in problems and "runs `python` by name" in problems


def test_only_the_test_part_of_the_script_counts() -> None:
    script = """
have_pkg libpango-1.0-0 || need+=(libpango-1.0-0)
if [ "$what" = test ]; then
  have_cmd pdftotext || need+=(poppler-utils)   # pdftotext, pdffonts
  [ -f /usr/share/java/epubcheck.jar ] || need+=(epubcheck)
fi
if [ "$what" = bench ]; then
  have_cmd pandoc || need+=(pandoc)
fi
"""
    setup = setup_installs(script)
    assert {"pdftotext", "pdffonts", "pdfinfo"} <= set(setup.programs)
    assert "pandoc" not in setup.programs  # only `make benchmark` would install it
    assert setup.files == {"/usr/share/java/epubcheck.jar": "epubcheck"}
    assert "pandoc" in setup_installs(script, "bench").programs


def test_make_test_runs_the_setup_and_the_setup_updates_apt_first() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = re.search(r"^test:(.*)$", makefile, re.MULTILINE)
    assert test_rule and "system-test" in test_rule[1].split()
    assert re.search(r"^system-test:\n\t@?scripts/setup-system\.sh test$", makefile, re.MULTILINE)
    script = SETUP.read_text(encoding="utf-8")
    update, install = script.find("apt-get update"), script.find("apt-get install")
    assert 0 <= update < install, "setup-system.sh must run `apt-get update` before `apt-get install`"


def _dpkg_owner(program: str) -> str | None:
    for folder in ("/usr/bin", "/bin", "/usr/sbin", "/sbin"):
        done = subprocess.run(["dpkg-query", "-S", f"{folder}/{program}"], capture_output=True, text=True)
        for line in done.stdout.splitlines():
            if not line.startswith("diversion by"):
                return line.split(":", 1)[0].split(",")[0].strip()
    return None


def _installed(package: str) -> bool:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return "install ok installed" in done.stdout


def _on_path(program: str) -> bool:
    # Not shutil.which(program): the scanner would take that for running a program it cannot name.
    # These are the table's own names, looked up to check the table, not programs a test needs.
    return any(os.access(Path(folder) / program, os.X_OK) for folder in os.get_exec_path())


def test_basic_programs_are_essential() -> None:
    for program, package in BASIC.items():
        assert _dpkg_owner(program) == package, program
        essential = subprocess.run(["dpkg-query", "-W", "-f=${Essential}", package], capture_output=True,
                                   text=True, check=True).stdout
        assert essential == "yes", f"{package} (for {program}) is not an Essential package"


def test_package_programs_table_is_true() -> None:
    # Where the set-up has run, each package of the table did bring each program it is said to.
    for package, programs in PACKAGE_PROGRAMS.items():
        if _installed(package):
            for program in programs:
                assert _on_path(program), f"{package} is installed but {program} is not on PATH"
