"""Open every page of the rendered site (_site/, made by scripts/check_docs.py) in headless Chromium and check that the browser
shows what the notebooks hold: each figure decoded (no broken image), each table there, the sidebar there. A screenshot of each
page goes to checks/pages/ (not committed) to look at. Needs Chromium (Debian package `chromium`; set CHROMIUM to use another)."""
import json, os, re, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
site, proc, shots = root/'_site', root/'_proc', root/'checks'/'pages'
# Pages whose figures and tables are the point of them: fewer than this means their stored outputs were lost.
MINIMUM = {'index.html': dict(tables=3), 'benchmarks.html': dict(images=4, tables=3),
           'tutorials/quick_start.html': dict(images=5, tables=1), 'tutorials/results.html': dict(images=2, tables=3)}
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--hide-scrollbars', '--virtual-time-budget=5000']
PROBE = """<script>window.addEventListener('load', () => {
  const imgs = [...document.images].filter(i => !i.closest('.hidfd-sidebar'));
  const r = {images: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
             broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 60)),
             tables: document.querySelectorAll('table').length, sidebar: document.querySelectorAll('.hidfd-sidebar a').length};
  const pre = document.createElement('pre'); pre.id = 'hidfd-probe'; pre.textContent = JSON.stringify(r); document.body.appendChild(pre);
});</script>"""

def browser():
    "The Chromium to use, or a clear exit."
    exe = os.environ.get('CHROMIUM') or shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
    if not exe: sys.exit("Chromium is not installed: install the Debian package `chromium` (scripts/setup.sh does so as root) or set CHROMIUM to a Chrome binary.")
    return exe

def expected(page, notebooks):
    "Figures and tables the page's notebook (`notebooks`: `_site/pages.json`) holds in its stored outputs and markdown."
    nb = json.loads((proc/notebooks[page.relative_to(site).as_posix()]).read_text())
    images = tables = 0
    for c in nb['cells']:
        texts = [''.join(c['source'])] if c['cell_type'] == 'markdown' else []
        for o in c.get('outputs', []):
            data = o.get('data', {})
            images += any(k.startswith('image/') for k in data)
            texts += [''.join(data.get('text/markdown', '')), ''.join(data.get('text/html', ''))]
        tables += sum(sum('|' in l and re.fullmatch(r'[\s|:-]*-{3,}[\s|:-]*', l) is not None for l in t.splitlines()) + t.count('<table')
                      for t in texts)   # a markdown table has one separator line such as |---|---|
    return images, tables

def chromium(exe, *args, **kwargs):
    "Run headless Chromium with its own throw-away profile, so that several can run at once."
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([exe, *FLAGS, f'--user-data-dir={profile}', *args], capture_output=True, timeout=120, **kwargs)

def probe(exe, page, shot):
    "What Chromium shows of `page`: decoded and broken images, tables, sidebar links; its screenshot goes to `shot`."
    html = page.read_text().replace('</body>', PROBE + '</body>', 1)
    with tempfile.NamedTemporaryFile('w', suffix='.html', dir=page.parent, delete=False) as f: f.write(html)
    try:   # one browser for both; the screenshot also shows the probe's line where the page ends
        r = chromium(exe, '--window-size=1280,2400', f'--screenshot={shot}', '--dump-dom', Path(f.name).as_uri(),
                     text=True)
        m = re.search(r'<pre id="hidfd-probe">(.*?)</pre>', r.stdout, re.S)
        if not m: return None
        return json.loads(m.group(1).replace('&quot;', '"').replace('&amp;', '&'))
    finally: os.unlink(f.name)

def check(exe, page, notebooks, n_pages):
    "The problems Chromium shows on `page`, and a line saying what it found; a screenshot lands in `shots`."
    name, problems = page.relative_to(site).as_posix(), []
    shot = shots/(name.replace('/', '__')[:-5] + '.png')
    shot.unlink(missing_ok=True)
    got = probe(exe, page, shot)
    if got is None: return [f"{name}: Chromium did not load the page."], f"{name}: not loaded"
    images, tables = expected(page, notebooks)
    need = MINIMUM.get(name, {})
    want_images, want_tables = max(images, need.get('images', 0)), max(tables, need.get('tables', 0))
    if got['broken']: problems.append(f"{name}: {len(got['broken'])} image(s) do not display, e.g. {got['broken'][0]}")
    if got['images'] < want_images: problems.append(f"{name}: {got['images']} figures shown, {want_images} expected.")
    if got['tables'] < want_tables: problems.append(f"{name}: {got['tables']} tables shown, {want_tables} expected.")
    if got['sidebar'] < n_pages: problems.append(f"{name}: the sidebar has {got['sidebar']} links, {n_pages} expected.")
    if not shot.exists() or shot.stat().st_size < 10_000: problems.append(f"{name}: no screenshot was taken.")
    return problems, f"{name}: {got['images']} figures, {got['tables']} tables, {got['sidebar']} sidebar links"

def main():
    if not (site/'index.html').exists(): sys.exit("No rendered site in _site/: run scripts/check_docs.py first.")
    exe, problems = browser(), []
    notebooks = json.loads((site/'pages.json').read_text())
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted(site.rglob('*.html'))
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:   # one Chromium per core
        for found, line in pool.map(lambda page: check(exe, page, notebooks, len(pages)), pages):
            problems += found
            print(line)
    print(f"{len(pages)} pages opened in Chromium; screenshots in {shots}")
    if problems: sys.exit('\n'.join(problems))

if __name__ == '__main__': main()
