"""Offline docs check: process the notebooks as `nbdev_docs` would, render every page to HTML with nbconvert under the names
Quarto gives them (`tutorials/01_quick_start.ipynb` -> `tutorials/quick_start.html`; `_site/pages.json` maps each page to its
notebook), add the sidebar of `nbs/sidebar.yml`, and
fail on any cell error, a notebook missing from the sidebar, or a link between pages that leads nowhere.
Quarto is not needed; pages land in _site/ (open _site/index.html in a browser; scripts/check_pages.py does so headless)."""
import html, json, re, shutil, sys
from pathlib import Path
import nbformat, yaml
from nbconvert import HTMLExporter
from traitlets.config import Config
import nbdev.doclinks
from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml
from nbdev.serve import proc_nbs

cfg = get_config()
root, nbs, site = cfg.config_path, cfg.nbs_path, cfg.config_path/'_site'

def page_name(nb):
    "Where Quarto puts notebook `nb` (a path relative to nbs/): the number prefix goes, `.ipynb` becomes `.html`."
    nb = Path(nb)
    return (nb.parent/re.sub(r'^\d+_', '', nb.stem)).with_suffix('.html').as_posix()

def title(nb):
    "A notebook's title: its first level-1 heading."
    for c in json.loads((nbs/nb).read_text())['cells']:
        m = re.search(r'^# (.+)$', ''.join(c['source']), re.M) if c['cell_type'] == 'markdown' else None
        if m: return m.group(1).strip()
    return Path(nb).stem

def sidebar_sections(path=nbs/'sidebar.yml'):
    "The sidebar as [(section title or None, [(notebook path, link text)])], read once."
    def entry(item):
        nb = item['href'] if isinstance(item, dict) else item
        return nb, (item.get('text') if isinstance(item, dict) else None) or (title(nb) if (nbs/nb).exists() else nb)
    res = []
    for item in yaml.safe_load(path.read_text())['website']['sidebar']['contents']:
        if isinstance(item, dict) and 'section' in item: res.append((item['section'], [entry(i) for i in item['contents']]))
        else: res.append((None, [entry(item)]))
    return res

notebooks = sorted(p.relative_to(nbs).as_posix() for p in nbs.rglob('*.ipynb') if not any(s.startswith(('.', '_')) for s in p.relative_to(nbs).parts))

def sidebar_html(sidebar, current):
    "The `sidebar` (from `sidebar_sections`) for the page of notebook `current`, with links relative to that page."
    up = '../' * current.count('/')
    out = ['<nav class="hidfd-sidebar"><ul>']
    for section, items in sidebar:
        if section: out.append(f'<li class="section">{html.escape(section)}<ul>')
        for nb, text in items:
            if nb not in notebooks: continue
            cls = ' class="current"' if nb == current else ''
            out.append(f'<li><a{cls} href="{up}{page_name(nb)}">{html.escape(text)}</a></li>')
        if section: out.append('</ul></li>')
    out.append('</ul></nav>')
    return ''.join(out)

STYLE = ('<style>.hidfd-sidebar{position:fixed;top:0;left:0;width:230px;height:100%;overflow:auto;padding:1em;font:14px sans-serif;'
         'background:#f7f7f7;border-right:1px solid #ddd;box-sizing:border-box}.hidfd-sidebar ul{list-style:none;padding-left:.6em}'
         '.hidfd-sidebar .section{font-weight:bold;margin-top:.8em}.hidfd-sidebar .section li{font-weight:normal}'
         '.hidfd-sidebar a.current{font-weight:bold}body{margin-left:240px!important}</style>')

def main():
    problems = []
    sidebar = sidebar_sections()
    listed = [nb for _, items in sidebar for nb, _ in items]
    for nb in sorted(set(notebooks) - set(listed)): problems.append(f"{nb} is not in nbs/sidebar.yml: add it to the section it belongs to.")
    for nb in sorted(set(listed) - set(notebooks)): problems.append(f"nbs/sidebar.yml lists {nb}, which does not exist: remove or rename it.")
    for nb in sorted({nb for nb in listed if listed.count(nb) > 1}): problems.append(f"nbs/sidebar.yml lists {nb} more than once.")

    refresh_quarto_yml()
    nbdev.doclinks._build_modidx()
    proc_nbs(nbs, n_workers=1, force=True)
    shutil.rmtree(site, ignore_errors=True)
    hide = Config(); hide.TagRemovePreprocessor.update(enabled=True, remove_input_tags={'remove_input'})
    exporter, rendered = HTMLExporter(config=hide), {}   # one exporter for every page: no process per page
    for nb in notebooks:
        proc = root/'_proc'/nb
        d = json.loads(proc.read_text())
        d.get('metadata', {}).pop('execution', None)   # nbconvert rejects this key
        for c in d['cells'][:1]:   # Quarto's front matter becomes the page's title and summary, as Quarto shows them
            fm = yaml.safe_load(''.join(c['source']).strip().strip('-')) if c['cell_type'] == 'raw' and ''.join(c['source']).startswith('---') else None
            if isinstance(fm, dict) and 'title' in fm:
                c.update(cell_type='markdown', source=f"# {fm['title']}" + (f"\n\n> {fm['description']}" if fm.get('description') else ''))
        for c in d['cells']:   # cells Quarto shows without their code (`#| echo: false`, e.g. nbdev's show_doc)
            if c['cell_type'] == 'code' and re.search(r'^#\|\s*echo:\s*false', ''.join(c['source']), re.M):
                c.setdefault('metadata', {}).setdefault('tags', []).append('remove_input')
            for o in c.get('outputs', []):   # Pandoc link attributes ({target="_blank" ...}) mean nothing to nbconvert's markdown
                if 'text/markdown' in o.get('data', {}):
                    o['data']['text/markdown'] = re.sub(r'(\]\([^)]*\))\{[^}]*\}', r'\1', ''.join(o['data']['text/markdown']))
        proc.write_text(json.dumps(d))
        errs = [o for c in d['cells'] for o in c.get('outputs', []) if o.get('output_type') == 'error']
        if errs: problems.append(f"{nb}: a stored output is an error: {errs[0].get('ename')}: {errs[0].get('evalue')}")
        try: page, _ = exporter.from_notebook_node(nbformat.reads(json.dumps(d), as_version=4))
        except Exception as e: problems.append(f"{nb}: nbconvert failed: {e}"); continue
        page = page.replace('</head>', STYLE + '</head>', 1)
        page = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + sidebar_html(sidebar, nb), page, count=1)
        dest = site/page_name(nb)
        dest.parent.mkdir(parents=True, exist_ok=True); dest.write_text(page)
        rendered[page_name(nb)] = nb
    (site/'pages.json').write_text(json.dumps(rendered, indent=1))   # page -> notebook, for scripts/check_pages.py

    for page in sorted(site.rglob('*.html')):   # links between pages: relative .html links must lead to a page
        for href in re.findall(r'href="([^"#:?]+\.html)(?:#[^"]*)?"', page.read_text()):
            if not (page.parent/href).resolve().is_file():
                problems.append(f"{page.relative_to(site)} links to {href}, which is not a page of the site.")
    print(f"{len(rendered)} pages rendered in {site}, with the sidebar of nbs/sidebar.yml")
    if problems: sys.exit('\n'.join(dict.fromkeys(problems)))

if __name__ == '__main__': main()
