"""The `lomba` command: thin Click commands over the library.

Exit codes: 0 success (warnings allowed), 1 problems in the user's files, 2 wrong usage.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from lomba import __version__
from lomba.check.workspace import LoadedWorkspace, load_workspace
from lomba.cli.ci_formats import FORMATS
from lomba.cli.output import (
    diagnostics_json,
    format_diagnostic,
    summary_line,
    use_color,
)
from lomba.diagnostics import relative_name
from lomba.errors import LombaError, UsageError, os_error
from lomba.jsonout import json_document
from lomba.load.discover import find_root
from lomba.messages import Suggestion, render_message, resolve_lang
from lomba.validate.snapshot import load_config
from lomba.validate.validation import closest


class Context:
    def __init__(self, directory: Path | None, lang: str) -> None:
        self.directory = directory
        self.lang = lang

    def say(self, code: str, **params: object) -> str:
        """The catalogue's sentence ``code`` in this command's language."""
        return render_message(code, params, self.lang)

    def resolve(self, path: Path) -> Path:
        """A path the user typed, relative to ``-C`` (or the current folder), as git does;
        ``entries\\dinkes\\x.yaml`` typed on Windows habits works anywhere."""
        if "\\" in str(path) and os.sep == "/" and not path.exists():
            path = Path(str(path).replace("\\", "/"))
        return path if path.is_absolute() else (self.directory or Path.cwd()) / path

    def root(self) -> Path:
        """The workspace; :class:`~lomba.load.discover.WorkspaceNotFound` outside one."""
        return find_root(self.directory or Path.cwd())


def _never_fail_to_print() -> None:
    """Output in an encoding that cannot hold a character (``PYTHONIOENCODING=ascii``, a
    Windows code page when output is redirected) shows a replacement, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "—→✔✘·…".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")


def fail(message: str, code: int = 1) -> None:
    click.echo(message, err=True)
    sys.exit(code)


class Commands(click.Group):
    """Every command runs here: a :class:`LombaError` (and any OS failure a command did not
    name itself) is printed once, in the user's language, with exit 1 (2 for usage); never a
    traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LombaError as exc:
            lang = ctx.obj.lang if isinstance(ctx.obj, Context) else resolve_lang()
            for d in exc.diagnostics:
                click.echo(format_diagnostic(d, lang), err=True)
            fail(exc.message(lang), exc.exit_code)
        except BrokenPipeError:
            # The reader went away (`lomba status | head`): nothing more to say, to no one.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except OSError as exc:
            lang = ctx.obj.lang if isinstance(ctx.obj, Context) else resolve_lang()
            fail(os_error(exc).message(lang))
        return None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-C", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Jalankan seolah-olah dari folder ini. / Run as if started in DIR.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Bahasa pesan (bawaan: LOMBA_LANG atau id). / Message language.")
@click.version_option(__version__, prog_name="lomba")
@click.pass_context
def main(ctx: click.Context, directory: Path | None, lang: str | None) -> None:
    """lomba: satu berkas inovasi, dokumen untuk setiap lomba inovasi daerah.

    lomba: one innovation file, a document for every innovation competition.
    """
    _never_fail_to_print()
    if directory is not None and not directory.is_dir():
        raise click.BadParameter(f"'{directory}' bukan folder / is not a folder", param_hint="-C")
    ctx.obj = Context(directory, resolve_lang(lang))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              help="Bentuk keluaran, mis. github, gitlab, sarif untuk CI. / Output format.")
@click.option("--strict", is_flag=True, help="Peringatan juga gagal. / Warnings fail too.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="id | en")
@click.pass_obj
def check(obj: Context, paths: tuple[Path, ...], as_json: bool, fmt: str, strict: bool,
          lang: str | None) -> None:
    """Periksa lomba.yaml dan berkas inovasi. / Check the workspace and its entries."""
    if lang:
        obj.lang = lang
    root = obj.root()
    selection = [obj.resolve(p) for p in paths] or None
    ws = loaded(root, selection)
    diags = ws.report.sorted()
    if as_json or fmt == "json":
        click.echo(diagnostics_json(ws.report, diags, obj.lang))
    elif fmt != "text":
        from lomba.cli import ci_formats

        text = getattr(ci_formats, fmt)(diags, obj.lang)
        if text:
            click.echo(text)
    else:
        color = use_color()
        for d in diags:
            click.echo(format_diagnostic(d, obj.lang, color=color), color=color)
        click.echo(summary_line(ws.report, obj.lang))
    failed = bool(ws.report.errors) or (strict and bool(ws.report.warnings))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("entries", nargs=-1)
@click.option("--kompetisi", "-k", "competitions", multiple=True,
              help="Hanya kompetisi ini (mis. sinovik atau sinovik/2019). / Only this competition.")
@click.option("--opd", "opds", multiple=True, help="Hanya OPD ini. / Only this OPD.")
@click.option("--force", is_flag=True,
              help="Buat juga yang belum memenuhi syarat, bertanda DRAF. / Render drafts too.")
@click.option("--clean", "fresh", is_flag=True,
              help="Hapus hasil lama dan susun ulang semuanya. / Rebuild everything.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Jumlah proses (bawaan: semua inti). / Processes (default: all cores).")
@click.option("--strict", is_flag=True,
              help="Gagal bila ada dokumen yang tidak dibuat. / Fail on any document not made.")
@click.option("--pdf", is_flag=True,
              help="Buat juga PDF lewat LibreOffice. / Also make PDFs with LibreOffice.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.pass_obj
def build(obj: Context, entries: tuple[str, ...], competitions: tuple[str, ...],
          opds: tuple[str, ...], force: bool, fresh: bool, jobs: int | None, strict: bool,
          pdf: bool, as_json: bool) -> None:
    """Susun dokumen DOCX dan HTML ke build/. / Render the documents into build/."""
    import os

    from lomba import build as builder
    from lomba.cli.summary import build_json, print_build_summary, progress_bar

    root = obj.root()
    entries = tuple(_entry_name(obj, root, e) for e in entries)

    def waiting() -> None:
        click.echo(obj.say("cli-build-waiting"), err=True)

    with progress_bar(obj.lang) as bar:
        result = builder.run_build(
            root, entries=entries, competitions=competitions, opds=opds, force=force,
            fresh=fresh, jobs=jobs or os.cpu_count() or 1, progress=bar.advance,
            start=bar.start, on_wait=waiting, allow_noop=not (strict or as_json), pdf=pdf,
            stage=bar.stage)
    if result.noop:
        click.echo(obj.say("cli-build-noop"))
        return
    not_made = [*(p for p in result.pairs if p.reason is not None),
                *(r for r in result.regions if r.skipped_reason is not None)]
    if as_json:
        click.echo(json_document("build", build_json(result, root, obj.lang)))
    else:
        print_build_summary(result.pairs, root, obj.lang, extra=[*result.desk, *result.pdfs],
                            removed=result.removed, stale=result.stale,
                            previews=len(result.previews), moved=result.moved,
                            regions=result.regions)
        for d in result.unreadable:
            click.echo(format_diagnostic(d, obj.lang), err=True)
        if entries or competitions or opds:
            if not (result.pairs or result.regions or result.unreadable):
                click.echo(obj.say("build-selection-empty"))
            click.echo(obj.say("build-partial-desk"))
    if result.unreadable:
        fail(obj.say("build-entry-unreadable", count=len(result.unreadable)))
    if strict and not_made:
        fail(obj.say("build-strict-failed", count=len(not_made)))
    if result.spec_errors:
        for d in result.spec_errors:
            click.echo(format_diagnostic(d, obj.lang), err=True)
        fail(obj.say("build-spec-errors", count=len(result.spec_errors)))


@main.command()
@click.option("--force", is_flag=True,
              help="Buat juga yang belum memenuhi syarat, bertanda DRAF. / Render drafts too.")
@click.option("--pdf", is_flag=True,
              help="Buat juga PDF lewat LibreOffice. / Also make PDFs with LibreOffice.")
@click.pass_obj
def watch(obj: Context, force: bool, pdf: bool) -> None:
    """Susun ulang setiap kali berkas disimpan. / Rebuild whenever a file is saved."""
    from lomba.build.watch import watch as watching

    root = obj.root()
    first = True
    for round_ in watching(root, jobs=os.cpu_count() or 1, force=force, pdf=pdf):
        if round_.changed and not round_.after_documents:
            click.echo(obj.say("watch-changed", files=", ".join(round_.changed)))
        for d in round_.findings:
            click.echo(format_diagnostic(d, obj.lang))
        if isinstance(round_.error, LombaError):
            for d in round_.error.diagnostics:
                click.echo(format_diagnostic(d, obj.lang))
            click.echo(round_.error.message(obj.lang))
        elif round_.error is not None:
            click.echo(os_error(round_.error).message(obj.lang)  # type: ignore[arg-type]
                       if isinstance(round_.error, OSError) else str(round_.error))
        elif round_.result is not None:
            written = [p for o in round_.result.outcomes for p in o.written]
            made = [*written, *round_.result.desk, *round_.result.pdfs]
            key = "watch-documents" if round_.documents_only else "watch-built"
            if made or not round_.documents_only:  # (no document made: its findings said why)
                click.echo(obj.say(key, count=len(made),
                                   files=", ".join(relative_name(p, root) for p in made[:6])
                                   + (" …" if len(made) > 6 else "")))
        if first:
            click.echo(obj.say("watch-ready"))
            first = False
        sys.stdout.flush()
    click.echo(obj.say("watch-stopped"))


def _entry_name(obj: Context, root: Path, typed: str) -> str:
    """An entry as typed (a path from here, or ``opd/slug``, or a slug) in the build's terms:
    a path inside the workspace becomes its workspace-relative name."""
    path = obj.resolve(Path(typed))
    if path.is_file():
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return typed.replace("\\", "/").removeprefix("./")


def loaded(root: Path, selection: list[Path] | None = None) -> LoadedWorkspace:
    """The workspace, loaded and then set aside from the cycle collector for the rest of this
    one command: its million objects would otherwise be walked again by each collection."""
    ws = load_workspace(root, selection)
    gc.freeze()
    return ws


def _desk(obj: Context):  # type: ignore[no-untyped-def]
    root = obj.root()
    ws = loaded(root)
    if ws.config is None:
        for d in ws.report.sorted():
            click.echo(format_diagnostic(d, obj.lang), err=True)
        fail(obj.say("cli-config-invalid"))
    return ws


def _console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(highlight=False)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.option("--opd", "opds", multiple=True, help="Hanya OPD ini. / Only this OPD.")
@click.option("--kompetisi", "-k", "competitions", multiple=True,
              help="Hanya kompetisi ini. / Only this competition.")
@click.pass_obj
def status(obj: Context, as_json: bool, opds: tuple[str, ...],
           competitions: tuple[str, ...]) -> None:
    """Kesiapan setiap inovasi untuk setiap lomba. / Readiness of every entry per competition."""
    from lomba.desk.status import readiness_matrix
    from lomba.desk.views import print_status, status_json
    from lomba.plan.pairs import check_filters

    ws = _desk(obj)
    check_filters(ws, competitions=competitions, opds=opds)
    matrix = readiness_matrix(ws, competitions=set(competitions) or None,
                              opds=set(opds) or None)
    if as_json:
        click.echo(json_document("status", status_json(matrix, obj.lang)))
    else:
        print_status(_console(), matrix, obj.lang)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.pass_obj
def rekap(obj: Context, as_json: bool) -> None:
    """Kepatuhan setiap OPD pada kewajiban inovasi tahunan. / OPD compliance for the year."""
    from lomba.desk.status import compliance
    from lomba.desk.views import compliance_json, print_compliance

    ws = _desk(obj)
    items = compliance(ws)
    if as_json:
        click.echo(json_document("rekap", {"year": ws.config.tahun_kerja,
                                           "opd": compliance_json(items, obj.lang)}))
    else:
        print_compliance(_console(), items, ws.config.tahun_kerja, obj.lang)


@main.command()
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis juga berkas iCalendar. / Also write an iCalendar file.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.pass_obj
def jadwal(obj: Context, ics: Path | None, as_json: bool) -> None:
    """Semua tenggat lomba dan tenggat internal pemda. / Every deadline in one calendar."""
    from lomba.desk.calendar import calendar, to_ics
    from lomba.desk.views import print_calendar
    from lomba.fileio import atomic_write_text

    ws = _desk(obj)
    items = calendar(ws, ws.editions())
    if ics is not None:
        atomic_write_text(obj.resolve(ics),
                          to_ics(items, f"Tenggat inovasi {ws.config.pemda.nama}", ws.today))
    if as_json:
        click.echo(json_document("jadwal", {"date": ws.today.isoformat(), "deadlines": [
            {"date": d.day.isoformat(), "days_left": d.days_left(ws.today), "owner": d.owner,
             "name": d.name, "file": d.file, "line": d.line} for d in items]}))
        return
    print_calendar(_console(), items, ws.today, obj.lang)
    if ics is not None:
        click.echo(obj.say("cli-written", path=str(ics)))


@main.command()
@click.argument("jenis", type=click.Choice(["teguran", "pengingat"]))
@click.argument("opds", nargs=-1)
@click.option("--pdf", is_flag=True,
              help="Buat juga PDF lewat LibreOffice. / Also make PDFs with LibreOffice.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.pass_obj
def surat(obj: Context, jenis: str, opds: tuple[str, ...], pdf: bool, as_json: bool) -> None:
    """Surat teguran atau pengingat untuk OPD yang belum patuh (atau yang disebut).

    Reprimand or reminder letters for the OPD that fall short (or those named).
    """
    from lomba.desk.outputs import write_letters
    from lomba.desk.status import compliance
    from lomba.fileio import remove_leftovers
    from lomba.plan.incremental import build_lock
    from lomba.write.pdf import convert, due, find_soffice

    ws = _desk(obj)
    config_errors = [d for d in ws.report.errors if d.file == "lomba.yaml" and not d.competition]
    if config_errors:  # an official letter is never made from a lomba.yaml check refuses
        for d in config_errors:
            click.echo(format_diagnostic(d, obj.lang), err=True)
        fail(obj.say("config-errors"))
    items = compliance(ws)
    known = {c.kode: c for c in items}
    for code in opds:
        if code not in known:
            fail(render_message("opd-unknown", {
                "opd": code, "suggestion": Suggestion(closest(code, list(known)))}, obj.lang))
    chosen = [known[c] for c in opds] if opds else [c for c in items if not c.compliant]
    for c in chosen:
        if c.compliant and not as_json:
            click.echo(obj.say("cli-letter-not-needed", opd=c.kode))
    skipped = [c.kode for c in chosen if c.compliant]
    chosen = [c for c in chosen if not c.compliant]
    pdf = pdf or ws.config.pdf
    if pdf:
        find_soffice()  # said before a number is issued
    with build_lock(ws.root):  # the register's numbers are handed out one run at a time
        remove_leftovers(ws.root / "surat")
        letters = write_letters(ws, chosen, jenis, issue=True)  # type: ignore[arg-type]
        if pdf:
            convert(due([path for _, path in letters]), ws.root / "build" / ".cache" / "pdf")
    if as_json:
        click.echo(json_document("surat", {"kind": jenis, "not_needed": skipped, "letters": [
            {"number": letter.number, "serial": letter.serial, "opd": letter.opd.kode,
             "date": letter.day.isoformat(), "file": relative_name(path, ws.root)}
            for letter, path in letters]}))
        return
    for letter, path in letters:
        click.echo(obj.say("cli-letter-issued", number=letter.number or "",
                           opd=letter.opd.kode, path=relative_name(path, ws.root)))
    if not letters:
        click.echo(obj.say("cli-no-letters"))


@main.command()
@click.argument("kompetisi_", metavar="[iga]", required=False,
                type=click.Choice(["iga"]), default="iga")
@click.option("--edisi", type=int, help="Edisi aturan IGA, mis. 2026. / IGA rules edition.")
@click.option("--saran", "limit", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="Jumlah saran. / Number of suggestions.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.pass_obj
def skor(obj: Context, kompetisi_: str, edisi: int | None, limit: int, as_json: bool) -> None:
    """Perkiraan Indeks Inovasi Daerah (IGA) dan cara menaikkannya. / IID estimate."""
    from lomba.desk.score_view import print_score, score_json
    from lomba.scoring.iga import RulesUnknown, region_for_workspace, suggestions

    ws = _desk(obj)
    try:
        region = region_for_workspace(ws, ws.editions(), edisi)
    except RulesUnknown as exc:
        reason = str(exc).rstrip(". ")
        fail(obj.say("cli-index-not-computed", reason=reason))
    actions = suggestions(region, limit)
    if as_json:
        click.echo(json_document("skor", score_json(region, actions, obj.lang)))
    else:
        print_score(_console(), region, actions, obj.lang)


@main.command()
@click.argument("entry", type=click.Path(path_type=Path))
@click.pass_obj
def promote(obj: Context, entry: Path) -> None:
    """Naikkan ide menjadi inovasi (tahapan inisiatif). / Promote an idea to an innovation."""
    from lomba.author.promote import PromoteError, promote_entry

    root = obj.root()
    path = obj.resolve(entry)
    try:
        added = promote_entry(root, path)
    except PromoteError as exc:
        fail(exc.message(obj.lang))
    click.echo(obj.say("cli-promoted", file=relative_name(path, root),
                       fields=", ".join(added) or "-"))
    click.echo(obj.say("cli-promoted-next"))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def init(obj: Context, directory: Path) -> None:
    """Buat ruang kerja baru di DIRECTORY. / Create a new workspace in DIRECTORY."""
    from lomba.author.scaffold import init_workspace

    target = obj.resolve(directory)
    try:
        created = init_workspace(target)
    except FileExistsError as exc:
        existing = ", ".join(relative_name(p, target) for p in exc.args[0])
        fail(obj.say("cli-init-exists", files=existing))
    for path in created:
        click.echo(obj.say("cli-created", path=relative_name(path, target.parent)))
    click.echo(obj.say("cli-init-ready", folder=str(directory)))


@main.command()
@click.argument("opd")
@click.argument("slug")
@click.option("--nama", help="Nama inovasi. / Innovation name.")
@click.pass_obj
def new(obj: Context, opd: str, slug: str, nama: str | None) -> None:
    """Buat berkas inovasi baru entries/OPD/SLUG.yaml. / Scaffold a new entry."""
    from lomba.author.scaffold import SLUG_RE, new_entry

    root = obj.root()
    if not SLUG_RE.match(slug):
        fail(obj.say("cli-slug-invalid", slug=slug), 2)
    config, report = load_config(root)
    if config is None:
        for d in report.sorted():
            click.echo(format_diagnostic(d, obj.lang), err=True)
        sys.exit(1)
    opds = config.opd_by_key()
    if opd not in opds:
        fail(render_message("opd-unknown", {
            "opd": opd, "suggestion": Suggestion(closest(opd, list(opds)))}, obj.lang))
    try:
        path = new_entry(root, opds[opd], slug, nama)
    except FileExistsError:
        fail(obj.say("cli-entry-exists", opd=opd, slug=slug))
    click.echo(obj.say("cli-created", path=relative_name(path, root)))


@main.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.pass_context
def kompetisi(ctx: click.Context, as_json: bool) -> None:
    """Daftar edisi kompetisi yang tersedia. / List the competition editions."""
    if ctx.invoked_subcommand is not None:
        return
    from lomba.diagnostics import Report
    from lomba.validate.competitions import Registry

    obj: Context = ctx.obj
    root = obj.root()
    registry = Registry(root, Report())
    rows = []
    for key, edition in sorted(registry.folders):
        _folder, display = registry.folders[(key, edition)]
        loaded = registry.get(key, edition)
        rows.append({"ref": f"{key}/{edition}", "key": key, "edition": edition,
                     "name": loaded.spec.nama if loaded else None, "valid": loaded is not None,
                     "origin": "workspace" if display.startswith("templates/") else "lomba",
                     "file": display})
    if as_json:
        click.echo(json_document("kompetisi", {"editions": rows}))
        return
    for row in rows:
        name = row["name"] or obj.say("cli-spec-invalid")
        origin = obj.say("cli-origin-workspace") if row["origin"] == "workspace" else "lomba"
        click.echo(f"{row['ref']}\t{name}\t[{origin}]")


@kompetisi.command("salin")
@click.argument("ref")
@click.option("--sebagai", "as_ref", default=None,
              help="Jadikan edisi sementara ini, mis. sinovik/2026. / As a provisional edition.")
@click.pass_obj
def kompetisi_salin(obj: Context, ref: str, as_ref: str | None) -> None:
    """Salin edisi bawaan ke templates/ untuk diubah, mis. sinovik/2019. / Copy an edition."""
    from lomba.diagnostics import Report
    from lomba.validate.competitions import Registry, copy_edition, provisional_edition

    root = obj.root()
    key, _, edition = ref.partition("/")
    if not edition.isdigit():
        fail(obj.say("cli-edition-form"), 2)
    try:
        if as_ref is not None:
            new_key, _, new_edition = as_ref.partition("/")
            if not new_edition.isdigit() or not new_key:
                fail(obj.say("cli-edition-form"), 2)
            target = provisional_edition(root, key, int(edition), new_key, int(new_edition),
                                         Registry(root, Report()))
        else:
            target = copy_edition(root, key, int(edition))
    except FileNotFoundError:
        fail(obj.say("cli-edition-unknown", ref=ref))
    except FileExistsError:
        fail(obj.say("cli-edition-exists", ref=ref))
    click.echo(obj.say("cli-copied", path=relative_name(target, root)))


@main.command()
@click.argument("kode")
@click.pass_obj
def jelaskan(obj: Context, kode: str) -> None:
    """Jelaskan kode pesan, mis. unknown-field. / Explain a message code."""
    from lomba.author.guide import explain, message_codes

    text = explain(kode.strip("[]"), obj.lang)
    if text is None:
        raise UsageError("code-unknown", code=kode,
                         suggestion=Suggestion(closest(kode, message_codes())))
    click.echo(text)


@main.command()
@click.pass_obj
def schema(obj: Context) -> None:
    """Tulis berkas JSON Schema untuk penyunting. / Write the editors' JSON Schema files."""
    from lomba.validate.jsonschema import write_schemas

    root = obj.root()
    changed = write_schemas(root)
    for path in changed:
        click.echo(obj.say("cli-updated", path=relative_name(path, root)))
    if not changed:
        click.echo(obj.say("cli-schemas-current"))


if __name__ == "__main__":  # pragma: no cover
    main()
