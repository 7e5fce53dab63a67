from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pratinjau.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_doc = resolve('doc')
    l_0_spec = resolve('spec')
    l_0_problems = resolve('problems')
    l_0_fields = resolve('fields')
    l_0_annex = resolve('annex')
    try:
        t_1 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_2 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="lomba">\n<title>'
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'title'))
    yield '</title>\n<style>\n  :root { --hijau: #0b3d2e; --abu: #5f6b66; --batas: #d5dcd8; --latar: #f5f7f6; }\n  * { box-sizing: border-box; }\n  body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; margin: 0; color: #1d2421;\n         background: var(--latar); line-height: 1.5; }\n  header { background: var(--hijau); color: #fff; padding: 1.2rem 2rem; }\n  header h1 { margin: 0 0 .2rem; font-size: 1.5rem; }\n  header p { margin: 0; opacity: .9; }\n  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }\n  .draf { background: #c00000; color: #fff; font-weight: bold; padding: .5rem 2rem; }\n  .masalah { background: #fff4f4; border: 1px solid #e5b5b5; padding: .75rem 1rem; border-radius: 6px; }\n  .isian { background: #fff; border: 1px solid var(--batas); border-radius: 8px; margin: 1rem 0;\n           padding: 1rem 1.25rem; }\n  .isian h2 { font-size: 1.1rem; margin: 0 0 .25rem; color: var(--hijau); }\n  .pertanyaan { color: var(--abu); font-style: italic; margin: 0 0 .5rem; }\n  .teks { white-space: pre-wrap; background: var(--latar); border: 1px solid var(--batas);\n          border-radius: 6px; padding: .75rem; margin: 0; font-family: inherit; }\n  .meta { display: flex; gap: 1rem; align-items: center; justify-content: space-between;\n          margin-top: .5rem; font-size: .9rem; }\n  .hitung { font-weight: bold; }\n  .hitung.ok { color: #1b7a3a; } .hitung.near { color: #a36200; }\n  .hitung.over, .hitung.under { color: #c00000; }\n  .inferensi { font-size: .8rem; color: var(--abu); }\n  button { background: var(--hijau); color: #fff; border: 0; border-radius: 4px;\n           padding: .4rem .9rem; cursor: pointer; font: inherit; }\n  button.disalin { background: #1b7a3a; }\n  table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1rem; }\n  th, td { border: 1px solid var(--batas); padding: .35rem .5rem; text-align: left; vertical-align: top; }\n  th { background: #e8eeeb; } td.num { text-align: right; } tr.total td { font-weight: bold; }\n  figure { margin: 1rem 0; text-align: center; } figure img { max-width: 100%; }\n  figcaption { font-size: .85rem; color: var(--abu); font-style: italic; }\n  @media print { button { display: none; } body { background: #fff; } }\n  ol.tingkat-1, ul.tingkat-1 { margin-left: 1.5rem; } ol.tingkat-2, ul.tingkat-2 { margin-left: 3rem; }\n</style>\n</head>\n<body>\n'
    if environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'draft'):
        pass
        yield '<div class="draf" id="draf">DRAF — belum memenuhi syarat lomba</div>'
    yield '\n<header>\n  <h1>'
    yield escape((environment.getattr(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'cover'), 'title') if environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'cover') else environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'title')))
    yield '</h1>\n  <p>'
    yield escape(environment.getattr((undefined(name='spec') if l_0_spec is missing else l_0_spec), 'nama'))
    yield ' · '
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'author'))
    yield '</p>\n</header>\n<main>\n'
    if (undefined(name='problems') if l_0_problems is missing else l_0_problems):
        pass
        yield '\n<section class="masalah" id="masalah">\n  <strong>Yang masih perlu diperbaiki:</strong>\n  <ul>'
        for (l_1_line, l_1_text, l_1_severity) in (undefined(name='problems') if l_0_problems is missing else l_0_problems):
            _loop_vars = {}
            pass
            yield '<li class="'
            yield escape(l_1_severity)
            yield '">baris '
            yield escape(l_1_line)
            yield ': '
            yield escape(l_1_text)
            yield '</li>'
        l_1_line = l_1_text = l_1_severity = missing
        yield '</ul>\n</section>\n'
    yield '\n<h2>Isian formulir</h2>\n<p>Salin setiap isian ke kotak yang sama di portal. Jumlah kata dihitung seperti Microsoft Word.</p>\n'
    for l_1_f in (undefined(name='fields') if l_0_fields is missing else l_0_fields):
        _loop_vars = {}
        pass
        yield '\n<section class="isian" id="bagian-'
        yield escape(environment.getattr(l_1_f, 'id'))
        yield '">\n  <h2>'
        if environment.getattr(l_1_f, 'number'):
            pass
            yield escape(environment.getattr(l_1_f, 'number'))
            yield '. '
        yield escape(environment.getattr(l_1_f, 'title'))
        yield '</h2>\n  '
        if environment.getattr(l_1_f, 'question'):
            pass
            yield '<p class="pertanyaan">'
            yield escape(environment.getattr(l_1_f, 'question'))
            yield '</p>'
        yield '\n  <pre class="teks" id="teks-'
        yield escape(environment.getattr(l_1_f, 'id'))
        yield '">'
        yield escape(environment.getattr(l_1_f, 'text'))
        yield '</pre>\n  <div class="meta">\n    <span class="hitung '
        yield escape(environment.getattr(l_1_f, 'state'))
        yield '" data-kata="'
        yield escape(environment.getattr(l_1_f, 'words'))
        yield '">'
        yield escape(environment.getattr(l_1_f, 'words'))
        yield ' kata'
        if environment.getattr(l_1_f, 'limit'):
            pass
            yield ' / '
            yield escape(environment.getattr(l_1_f, 'limit'))
        yield '</span>\n    '
        if environment.getattr(l_1_f, 'weight'):
            pass
            yield '<span>Bobot '
            yield escape(t_1(context.eval_ctx, t_2(environment.getattr(l_1_f, 'weight'), 1), '.0', ''))
            yield '%</span>'
        yield '\n    '
        if environment.getattr(l_1_f, 'inferred'):
            pass
            yield '<span class="inferensi">bagian disimpulkan, bukan dari juknis resmi</span>'
        yield '\n    <button type="button" data-salin="teks-'
        yield escape(environment.getattr(l_1_f, 'id'))
        yield '">Salin</button>\n  </div>\n</section>\n'
    l_1_f = missing
    yield '\n<h2>Lampiran dan tabel</h2>\n'
    yield escape((undefined(name='annex') if l_0_annex is missing else l_0_annex))
    yield '\n</main>\n<script>\ndocument.querySelectorAll("button[data-salin]").forEach(function (button) {\n  button.addEventListener("click", function () {\n    var text = document.getElementById(button.dataset.salin).textContent;\n    function done() { button.textContent = "Tersalin"; button.classList.add("disalin"); }\n    if (navigator.clipboard && window.isSecureContext) {\n      navigator.clipboard.writeText(text).then(done, fallback);\n    } else { fallback(); }\n    function fallback() {\n      var area = document.createElement("textarea");\n      area.value = text; document.body.appendChild(area); area.select();\n      try { document.execCommand("copy"); done(); } finally { document.body.removeChild(area); }\n    }\n  });\n});\n</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '7=29&44=31&46=35&47=37&50=41&53=44&58=57&59=61&60=63&61=69&62=75&64=79&65=90&66=96&67=100&72=104'