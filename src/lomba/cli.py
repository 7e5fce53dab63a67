"""The `lomba` command: thin Click commands over the library.

Exit codes: 0 success (warnings allowed), 1 problems in the user's files, 2 wrong usage.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lomba import __version__
from lomba.diagnostics import relative_name
from lomba.messages import Suggestion, render_message, resolve_lang
from lomba.output import diagnostics_json, format_diagnostic, summary_line
from lomba.validation import closest
from lomba.workspace import WorkspaceNotFound, find_root, load_config, load_workspace


class Context:
    def __init__(self, directory: Path | None, lang: str) -> None:
        self.directory = directory
        self.lang = lang

    def t(self, id_text: str, en_text: str) -> str:
        return en_text if self.lang == "en" else id_text

    def root(self) -> Path:
        try:
            return find_root(self.directory or Path.cwd())
        except WorkspaceNotFound:
            fail(render_message("workspace-missing", {}, self.lang))
            raise  # unreachable


def fail(message: str, code: int = 1) -> None:
    click.echo(message, err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    if directory is not None and not directory.is_dir():
        raise click.BadParameter(f"'{directory}' bukan folder / is not a folder", param_hint="-C")
    ctx.obj = Context(directory, resolve_lang(lang))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON. / JSON output.")
@click.option("--strict", is_flag=True, help="Peringatan juga gagal. / Warnings fail too.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="id | en")
@click.pass_obj
def check(obj: Context, paths: tuple[Path, ...], as_json: bool, strict: bool,
          lang: str | None) -> None:
    """Periksa lomba.yaml dan berkas inovasi. / Check the workspace and its entries."""
    if lang:
        obj.lang = lang
    root = obj.root()
    base = obj.directory or Path.cwd()
    selection = [p if p.is_absolute() else base / p for p in paths] or None
    ws = load_workspace(root, selection)
    diags = ws.report.sorted()
    if as_json:
        click.echo(diagnostics_json(diags, obj.lang))
    else:
        color = sys.stdout.isatty()
        for d in diags:
            click.echo(format_diagnostic(d, obj.lang, color=color))
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
@click.pass_obj
def build(obj: Context, entries: tuple[str, ...], competitions: tuple[str, ...],
          opds: tuple[str, ...], force: bool) -> None:
    """Susun dokumen DOCX dan HTML ke build/. / Render the documents into build/."""
    from lomba import build as builder
    from lomba.summary import print_build_summary, progress_bar

    root = obj.root()
    ws = load_workspace(root)
    fatal = builder.spec_errors(ws)
    if ws.config is None or fatal:
        for d in (ws.report.sorted() if ws.config is None else fatal):
            click.echo(format_diagnostic(d, obj.lang), err=True)
        fail(obj.t("Tidak ada dokumen dibuat: perbaiki galat di atas.",
                   "No documents built: fix the errors above."))
    pairs = builder.select(ws, competitions=competitions, opds=opds, entries=entries)
    with progress_bar(len(pairs), obj.lang) as advance:
        outcomes = builder.build(ws, pairs, force=force, progress=advance)
    print_build_summary(outcomes, root, obj.lang)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def init(obj: Context, directory: Path) -> None:
    """Buat ruang kerja baru di DIRECTORY. / Create a new workspace in DIRECTORY."""
    from lomba.scaffold import init_workspace

    base = obj.directory or Path.cwd()
    target = directory if directory.is_absolute() else base / directory
    try:
        created = init_workspace(target)
    except FileExistsError as exc:
        existing = ", ".join(relative_name(p, target) for p in exc.args[0])
        fail(obj.t(f"Tidak ada yang ditulis: berkas sudah ada ({existing}).",
                   f"Nothing written: files already exist ({existing})."))
    for path in created:
        click.echo(obj.t("dibuat: ", "created: ") + relative_name(path, target.parent))
    click.echo(obj.t(f"Ruang kerja siap. Lanjutkan: cd {directory} && lomba check",
                     f"Workspace ready. Next: cd {directory} && lomba check"))


@main.command()
@click.argument("opd")
@click.argument("slug")
@click.option("--nama", help="Nama inovasi. / Innovation name.")
@click.pass_obj
def new(obj: Context, opd: str, slug: str, nama: str | None) -> None:
    """Buat berkas inovasi baru entries/OPD/SLUG.yaml. / Scaffold a new entry."""
    from lomba.scaffold import SLUG_RE, new_entry

    root = obj.root()
    if not SLUG_RE.match(slug):
        fail(obj.t(f"Nama berkas `{slug}` tidak sah: pakai huruf kecil, angka dan tanda hubung, "
                   "mis. antrean-daring.",
                   f"Invalid slug `{slug}`: use lowercase letters, digits and hyphens."), 2)
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
        fail(obj.t(f"Berkas entries/{opd}/{slug}.yaml sudah ada; tidak ditimpa.",
                   f"entries/{opd}/{slug}.yaml already exists; not overwritten."))
    click.echo(obj.t("dibuat: ", "created: ") + relative_name(path, root))


@main.group(invoke_without_command=True)
@click.pass_context
def kompetisi(ctx: click.Context) -> None:
    """Daftar edisi kompetisi yang tersedia. / List the competition editions."""
    if ctx.invoked_subcommand is not None:
        return
    from lomba.competitions import Registry
    from lomba.diagnostics import Report

    obj: Context = ctx.obj
    root = obj.root()
    registry = Registry(root, Report())
    for key, edition in sorted(registry.folders):
        _folder, display = registry.folders[(key, edition)]
        loaded = registry.get(key, edition)
        name = loaded.spec.nama if loaded else obj.t("(spesifikasi bermasalah)", "(invalid spec)")
        origin = obj.t("ruang kerja", "workspace") if display.startswith("templates/") else "lomba"
        click.echo(f"{key}/{edition}\t{name}\t[{origin}]")


@kompetisi.command("salin")
@click.argument("ref")
@click.pass_obj
def kompetisi_salin(obj: Context, ref: str) -> None:
    """Salin edisi bawaan ke templates/ untuk diubah, mis. sinovik/2019. / Copy an edition."""
    from lomba.competitions import copy_edition

    root = obj.root()
    key, _, edition = ref.partition("/")
    if not edition.isdigit():
        fail(obj.t("Tulis edisi sebagai kompetisi/tahun, mis. sinovik/2019.",
                   "Write the edition as competition/year, e.g. sinovik/2019."), 2)
    try:
        target = copy_edition(root, key, int(edition))
    except FileNotFoundError:
        fail(obj.t(f"Edisi bawaan {ref} tidak ada. Lihat `lomba kompetisi`.",
                   f"No built-in edition {ref}. See `lomba kompetisi`."))
    except FileExistsError:
        fail(obj.t(f"templates/{ref} sudah ada; tidak ditimpa.",
                   f"templates/{ref} already exists; not overwritten."))
    click.echo(obj.t("disalin ke ", "copied to ") + relative_name(target, root))


@main.command()
@click.pass_obj
def schema(obj: Context) -> None:
    """Tulis berkas JSON Schema untuk penyunting. / Write the editors' JSON Schema files."""
    from lomba.jsonschema import write_schemas

    root = obj.root()
    changed = write_schemas(root)
    for path in changed:
        click.echo(obj.t("diperbarui: ", "updated: ") + relative_name(path, root))
    if not changed:
        click.echo(obj.t("Skema sudah mutakhir.", "Schemas are up to date."))


if __name__ == "__main__":  # pragma: no cover
    main()
