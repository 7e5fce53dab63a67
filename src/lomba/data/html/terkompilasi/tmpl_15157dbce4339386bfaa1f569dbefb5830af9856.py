from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'dasbor.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_year = resolve('year')
    l_0_pemda = resolve('pemda')
    l_0_today = resolve('today')
    l_0_innovations = resolve('innovations')
    l_0_ideas = resolve('ideas')
    l_0_late = resolve('late')
    l_0_compliance = resolve('compliance')
    l_0_upcoming = resolve('upcoming')
    l_0_calendar = resolve('calendar')
    l_0_region_documents = resolve('region_documents')
    l_0_region = resolve('region')
    l_0_angka = resolve('angka')
    l_0_actions = resolve('actions')
    l_0_index_note = resolve('index_note')
    l_0_chart_opd = resolve('chart_opd')
    l_0_chart_readiness = resolve('chart_readiness')
    l_0_matrix = resolve('matrix')
    l_0_matrix_rows = resolve('matrix_rows')
    l_0_symbols = resolve('symbols')
    l_0_reasons = resolve('reasons')
    l_0_document_list = resolve('document_list')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    try:
        t_3 = environment.filters['tanggal']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'tanggal' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="lomba">\n<title>Dasbor Inovasi Daerah '
    yield escape((undefined(name='year') if l_0_year is missing else l_0_year))
    yield ' — '
    yield escape((undefined(name='pemda') if l_0_pemda is missing else l_0_pemda))
    yield '</title>\n<style>\n  :root { --hijau: #0b3d2e; --abu: #5f6b66; --batas: #d5dcd8; --latar: #f5f7f6; }\n  * { box-sizing: border-box; }\n  body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; margin: 0; color: #1d2421;\n         background: var(--latar); line-height: 1.45; }\n  header { background: var(--hijau); color: #fff; padding: 1rem 2rem; }\n  header h1 { margin: 0; font-size: 1.4rem; } header p { margin: .2rem 0 0; opacity: .9; }\n  main { max-width: 72rem; margin: 0 auto; padding: 1rem; }\n  .kartu { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; }\n  .kartu div { background: #fff; border: 1px solid var(--batas); border-radius: 8px; padding: .75rem 1rem; }\n  .kartu strong { display: block; font-size: 1.8rem; color: var(--hijau); }\n  .kartu .merah strong { color: #c00000; }\n  section { background: #fff; border: 1px solid var(--batas); border-radius: 8px; padding: 1rem;\n            margin: 1rem 0; overflow-x: auto; }\n  h2 { margin: 0 0 .6rem; font-size: 1.15rem; color: var(--hijau); }\n  table { border-collapse: collapse; width: 100%; font-size: .92rem; }\n  th, td { border: 1px solid var(--batas); padding: .3rem .45rem; text-align: left; vertical-align: top; }\n  th { background: #e8eeeb; } td.pusat { text-align: center; white-space: nowrap; }\n  tr.terlambat td:first-child { border-left: 4px solid #c00000; }\n  .siap { color: #1b7a3a; } .peringatan { color: #a36200; } .belum { color: #c00000; font-weight: bold; }\n  .tidak-ikut { color: #9aa5a0; }\n  .dua { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }\n  .dua section { margin: 0; }\n  a { color: #0563c1; } small { color: var(--abu); }\n  input[type=search] { padding: .35rem .5rem; width: 16rem; max-width: 100%; margin-bottom: .5rem; }\n  /* The key column stays in view while the competitions scroll sideways (on a phone, too). */\n  #matriks th:first-child, #matriks td:first-child, #tabel-kepatuhan td:first-child,\n  #tabel-kepatuhan th:first-child { position: sticky; left: 0; background: #fff; z-index: 1;\n    min-width: 9rem; max-width: 14rem; }\n  #matriks th:first-child, #tabel-kepatuhan th:first-child { background: #e8eeeb; }\n  sup a { text-decoration: none; font-size: .8em; }\n  ol#alasan li { margin: .25rem 0; } ol#alasan li:target { background: #fff3c4; }\n  @media (max-width: 40rem) {\n    header { padding: .75rem 1rem; } main { padding: .5rem; }\n    section { padding: .6rem; } table { font-size: .82rem; }\n    th, td { padding: .25rem .3rem; }\n    .dua { grid-template-columns: 1fr; }\n    .dua section svg { max-width: 100%; height: auto; }\n  }\n  @media print { input { display: none; } body { background: #fff; } }\n</style>\n</head>\n<body>\n<header>\n  <h1>Dasbor Inovasi Daerah '
    yield escape((undefined(name='year') if l_0_year is missing else l_0_year))
    yield '</h1>\n  <p>'
    yield escape((undefined(name='pemda') if l_0_pemda is missing else l_0_pemda))
    yield ' · keadaan per '
    yield escape(t_3((undefined(name='today') if l_0_today is missing else l_0_today)))
    yield '</p>\n</header>\n<main>\n<div class="kartu" id="ringkasan">\n  <div><strong>'
    yield escape((undefined(name='innovations') if l_0_innovations is missing else l_0_innovations))
    yield '</strong>inovasi</div>\n  <div><strong>'
    yield escape((undefined(name='ideas') if l_0_ideas is missing else l_0_ideas))
    yield '</strong>ide di bank ide</div>\n  <div class="'
    yield escape(('merah' if (undefined(name='late') if l_0_late is missing else l_0_late) else ''))
    yield '"><strong id="opd-terlambat">'
    yield escape(t_1((undefined(name='late') if l_0_late is missing else l_0_late)))
    yield '</strong>dari '
    yield escape(t_1((undefined(name='compliance') if l_0_compliance is missing else l_0_compliance)))
    yield ' OPD belum memenuhi kewajiban</div>\n  '
    if (undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming):
        pass
        yield '<div><strong>'
        yield escape(context.call(environment.getattr(environment.getitem((undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming), 0), 'days_left'), (undefined(name='today') if l_0_today is missing else l_0_today)))
        yield '</strong>hari menuju '
        yield escape(environment.getattr(environment.getitem((undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming), 0), 'name'))
        yield ' ('
        yield escape(environment.getattr(environment.getitem((undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming), 0), 'owner'))
        yield ')</div>'
    yield '\n</div>\n\n<section id="tenggat">\n  <h2>Tenggat</h2>\n  <table>\n    <thead><tr><th>Tanggal</th><th>Sisa waktu</th><th>Kegiatan</th></tr></thead>\n    <tbody>\n    '
    for l_1_d in (undefined(name='calendar') if l_0_calendar is missing else l_0_calendar):
        l_1_days_text = resolve('days_text')
        _loop_vars = {}
        pass
        yield '\n      <tr><td>'
        yield escape(t_3(environment.getattr(l_1_d, 'day')))
        yield '</td><td class="'
        yield escape(('belum' if (0 <= context.call(environment.getattr(l_1_d, 'days_left'), (undefined(name='today') if l_0_today is missing else l_0_today), _loop_vars=_loop_vars) <= 14) else ('tidak-ikut' if (context.call(environment.getattr(l_1_d, 'days_left'), (undefined(name='today') if l_0_today is missing else l_0_today), _loop_vars=_loop_vars) < 0) else '')))
        yield '">'
        yield escape(context.call((undefined(name='days_text') if l_1_days_text is missing else l_1_days_text), context.call(environment.getattr(l_1_d, 'days_left'), (undefined(name='today') if l_0_today is missing else l_0_today), _loop_vars=_loop_vars), 'id', _loop_vars=_loop_vars))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_d, 'owner'))
        yield ': '
        yield escape(environment.getattr(l_1_d, 'name'))
        yield '</td></tr>\n    '
    l_1_d = l_1_days_text = missing
    yield '\n    </tbody>\n  </table>\n  <p><a href="jadwal.ics">Tambahkan ke kalender (jadwal.ics)</a></p>\n</section>\n\n<section id="kepatuhan">\n  <h2>Kepatuhan OPD tahun '
    yield escape((undefined(name='year') if l_0_year is missing else l_0_year))
    yield '</h2>\n  <table id="tabel-kepatuhan">\n    <thead><tr><th>OPD</th><th>Ide</th><th>Inovasi</th><th>Tahun '
    yield escape((undefined(name='year') if l_0_year is missing else l_0_year))
    yield '</th><th>RAI</th><th>Kekurangan</th><th>Surat</th></tr></thead>\n    <tbody>\n    '
    l_1_loop = missing
    for l_1_c, l_1_loop in LoopContext((undefined(name='compliance') if l_0_compliance is missing else l_0_compliance), undefined):
        l_1_letters = resolve('letters')
        _loop_vars = {}
        pass
        yield '\n      <tr class="'
        yield escape(('' if environment.getattr(l_1_c, 'compliant') else 'terlambat'))
        yield '" data-opd="'
        yield escape(environment.getattr(l_1_c, 'kode'))
        yield '">\n        <td>'
        yield escape(environment.getattr(l_1_c, 'nama'))
        yield ' <small>('
        yield escape(environment.getattr(l_1_c, 'kode'))
        yield ')</small></td>\n        <td class="pusat">'
        yield escape(t_1(environment.getattr(l_1_c, 'ideas')))
        yield '</td>\n        <td class="pusat">'
        yield escape(t_1(environment.getattr(l_1_c, 'innovations')))
        yield '</td>\n        <td class="pusat">'
        yield escape(t_1(environment.getattr(l_1_c, 'innovations_this_year')))
        yield '</td>\n        <td class="pusat '
        yield escape(('siap' if environment.getattr(l_1_c, 'action_plan_ready') else 'belum'))
        yield '">'
        yield escape(('✔' if environment.getattr(l_1_c, 'action_plan_ready') else '✘'))
        yield '</td>\n        <td>'
        if environment.getattr(l_1_c, 'missing'):
            pass
            l_2_loop = missing
            for l_2_m, l_2_loop in LoopContext(environment.getattr(l_1_c, 'missing'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.getitem(l_2_m, 0))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '; '
            l_2_loop = l_2_m = missing
        else:
            pass
            yield '<span class="siap">memenuhi kewajiban</span>'
        yield '</td>\n        <td>'
        if (environment.getattr(l_1_c, 'kode') in (undefined(name='letters') if l_1_letters is missing else l_1_letters)):
            pass
            yield '<a href="'
            yield escape(environment.getitem((undefined(name='letters') if l_1_letters is missing else l_1_letters), environment.getattr(l_1_c, 'kode')))
            yield '">surat</a>'
        yield '</td>\n      </tr>\n    '
    l_1_loop = l_1_c = l_1_letters = missing
    yield '\n    </tbody>\n  </table>\n</section>\n\n'
    if (undefined(name='region_documents') if l_0_region_documents is missing else l_0_region_documents):
        pass
        yield '\n<section id="dokumen-daerah">\n  <h2>Dokumen tingkat daerah</h2>\n  <ul>'
        for l_1_d in (undefined(name='region_documents') if l_0_region_documents is missing else l_0_region_documents):
            _loop_vars = {}
            pass
            yield '\n    <li>'
            if environment.getattr(l_1_d, 'link'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_1_d, 'link'))
                yield '">'
                yield escape(environment.getattr(l_1_d, 'title'))
                yield '</a>'
                if environment.getattr(l_1_d, 'draft'):
                    pass
                    yield ' (DRAF)'
            else:
                pass
                yield escape(environment.getattr(l_1_d, 'title'))
                yield ': belum dibuat. '
                yield escape(environment.getattr(l_1_d, 'reason'))
            yield ' · '
            yield escape(environment.getattr(l_1_d, 'members'))
            yield ' produk/jasa inovatif</li>'
        l_1_d = missing
        yield '\n  </ul>\n</section>\n'
    yield '\n\n<section id="indeks">\n  <h2>Perkiraan Indeks Inovasi Daerah</h2>\n  '
    if (undefined(name='region') if l_0_region is missing else l_0_region):
        pass
        yield '\n  <table>\n    <thead><tr><th></th><th>Diklaim</th><th>Terverifikasi</th></tr></thead>\n    <tbody>\n      <tr><td>SPD</td><td>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'spd'), 2)))
        yield '</td><td>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'verified'), 'spd'), 2)))
        yield '</td></tr>\n      <tr><td>Rata-rata SID (Σ '
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'sid_total'), 2)))
        yield ' ÷ '
        yield escape(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'divisor'))
        yield ')</td><td>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'average'), 2)))
        yield '</td><td>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'verified'), 'average'), 2)))
        yield '</td></tr>\n      <tr><td>Skor jumlah inovasi (urusan wajib tercakup '
        yield escape(t_1(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'covered')))
        yield '/'
        yield escape(t_1(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'rules'), 'urusan_wajib')))
        yield ')</td><td>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'count_score'), 2)))
        yield '</td><td>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'verified'), 'count_score'), 2)))
        yield '</td></tr>\n      <tr><td><strong>IID</strong></td><td id="iid-diklaim"><strong>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'iid'), 2)))
        yield '</strong> · '
        yield escape(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'claimed'), 'band'))
        yield '</td><td id="iid-terverifikasi"><strong>'
        yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'verified'), 'iid'), 2)))
        yield '</strong> · '
        yield escape(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'verified'), 'band'))
        yield '</td></tr>\n    </tbody>\n  </table>\n  <p><small>Menurut aturan '
        yield escape(environment.getattr(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'edition'), 'spec'), 'singkatan'))
        yield ' untuk '
        yield escape(t_1(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'innovations')))
        yield ' inovasi yang ikut '
        if environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'simulated_from'):
            pass
            yield 'IGA '
            yield escape(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'simulated_from'))
            yield ' (simulasi: aturan edisi itu belum diketahui)'
        else:
            pass
            yield escape(environment.getattr(environment.getattr(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'edition'), 'spec'), 'singkatan'))
        yield '. Rincian: <code>lomba skor</code>.</small></p>\n  '
        if environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'excluded'):
            pass
            yield '\n  <p id="tidak-dihitung"><small>Tidak dihitung: '
            l_1_loop = missing
            for l_1_x, l_1_loop in LoopContext(environment.getattr((undefined(name='region') if l_0_region is missing else l_0_region), 'excluded'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.getattr(l_1_x, 'name'))
                yield ' ('
                yield escape(environment.getitem(environment.getattr(l_1_x, 'reason'), 0))
                yield ')'
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield '; '
            l_1_loop = l_1_x = missing
            yield '.</small></p>\n  '
        yield '\n  '
        if (undefined(name='actions') if l_0_actions is missing else l_0_actions):
            pass
            yield '\n  <h3>Yang paling menaikkan indeks</h3>\n  <ol id="saran">'
            for l_1_a in (undefined(name='actions') if l_0_actions is missing else l_0_actions):
                _loop_vars = {}
                pass
                yield '<li><strong>+'
                yield escape(context.call((undefined(name='angka') if l_0_angka is missing else l_0_angka), t_2(environment.getattr(l_1_a, 'gain'), 2), _loop_vars=_loop_vars))
                yield '</strong> '
                yield escape(environment.getitem(environment.getattr(l_1_a, 'text'), 0))
                yield '</li>'
            l_1_a = missing
            yield '</ol>\n  '
        yield '\n  '
    else:
        pass
        yield '\n  <p>Indeks tidak dihitung: '
        yield escape((undefined(name='index_note') if l_0_index_note is missing else l_0_index_note))
        yield '</p>\n  '
    yield '\n</section>\n\n<div class="dua">\n  <section id="grafik-opd"><h2>Inovasi per OPD (tanpa ide)</h2>'
    yield escape((undefined(name='chart_opd') if l_0_chart_opd is missing else l_0_chart_opd))
    yield '</section>\n  <section id="grafik-kesiapan"><h2>Kesiapan per kompetisi</h2>'
    yield escape((undefined(name='chart_readiness') if l_0_chart_readiness is missing else l_0_chart_readiness))
    yield '</section>\n</div>\n\n<section id="kesiapan">\n  <h2>Kesiapan per lomba</h2>\n  <input type="search" id="saring" placeholder="Saring inovasi atau OPD…" aria-label="Saring">\n  <table id="matriks">\n    <thead><tr><th>Inovasi</th><th>OPD</th>'
    for l_1_col in environment.getattr((undefined(name='matrix') if l_0_matrix is missing else l_0_matrix), 'columns'):
        _loop_vars = {}
        pass
        yield '<th title="'
        yield escape(environment.getattr(l_1_col, 'name'))
        yield '">'
        yield escape(environment.getattr(l_1_col, 'short'))
        yield '</th>'
    l_1_col = missing
    yield '</tr></thead>\n    <tbody>\n'
    yield escape((undefined(name='matrix_rows') if l_0_matrix_rows is missing else l_0_matrix_rows))
    yield '    </tbody>\n  </table>\n  <p><small>'
    l_1_loop = missing
    for l_1_s, l_1_loop in LoopContext((undefined(name='symbols') if l_0_symbols is missing else l_0_symbols), undefined):
        l_1_labels = resolve('labels')
        _loop_vars = {}
        pass
        yield escape(environment.getitem((undefined(name='symbols') if l_0_symbols is missing else l_0_symbols), l_1_s))
        yield ' '
        yield escape(environment.getitem(environment.getitem((undefined(name='labels') if l_1_labels is missing else l_1_labels), l_1_s), 0))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ' · '
    l_1_loop = l_1_s = l_1_labels = missing
    yield '. Angka kecil di sel menunjuk alasannya di bawah.</small></p>\n  '
    if (undefined(name='reasons') if l_0_reasons is missing else l_0_reasons):
        pass
        yield '\n  <h3>Alasan</h3>\n  <ol id="alasan">'
        l_1_loop = missing
        for (l_1_entry, l_1_ref), l_1_loop in LoopContext((undefined(name='reasons') if l_0_reasons is missing else l_0_reasons), undefined):
            l_1_rows_by_entry = resolve('rows_by_entry')
            l_1_row = missing
            _loop_vars = {}
            pass
            l_1_row = environment.getitem((undefined(name='rows_by_entry') if l_1_rows_by_entry is missing else l_1_rows_by_entry), l_1_entry)
            _loop_vars['row'] = l_1_row
            yield '<li id="alasan-'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '"><strong>'
            if environment.getattr(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'entry'), 'readable'):
                pass
                yield escape(environment.getattr(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'entry'), 'nama'))
            else:
                pass
                yield escape(l_1_entry)
            yield '</strong> · '
            yield escape(l_1_ref)
            yield ': '
            yield escape(context.call(environment.getattr(environment.getattr(environment.getitem(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'cells'), l_1_ref), 'reason'), 'message'), 'id', _loop_vars=_loop_vars))
            yield '</li>'
        l_1_loop = l_1_entry = l_1_ref = l_1_rows_by_entry = l_1_row = missing
        yield '</ol>\n  '
    yield '\n</section>\n\n<section id="unduhan">\n  <h2>Rekap dan dokumen</h2>\n  <ul>\n    <li><a href="rekap.xlsx">rekap.xlsx</a> dan <a href="rekap.csv">rekap.csv</a>: satu baris per inovasi, dengan lembar kepatuhan OPD</li>\n    <li><a href="jadwal.ics">jadwal.ics</a>: semua tenggat untuk kalender ponsel</li>\n'
    yield escape((undefined(name='document_list') if l_0_document_list is missing else l_0_document_list))
    yield '  </ul>\n</section>\n</main>\n<script>\n(function () {\n  var box = document.getElementById("saring");\n  var rows = document.querySelectorAll("#matriks tbody tr");\n  box.addEventListener("input", function () {\n    var q = box.value.toLowerCase();\n    rows.forEach(function (row) {\n      row.style.display = row.textContent.toLowerCase().indexOf(q) === -1 ? "none" : "";\n    });\n  });\n}());\n</script>\n</body>\n</html>'

blocks = {}
debug_info = '7=51&52=55&53=57&57=61&58=63&59=65&60=71&68=81&69=86&77=98&79=100&81=103&82=108&83=112&84=116&85=118&86=120&87=122&88=126&89=141&96=149&99=152&100=156&107=177&111=180&112=184&113=192&114=200&117=208&118=221&119=225&121=238&123=241&126=255&131=258&132=260&139=262&141=272&143=275&144=287&146=291&155=315'