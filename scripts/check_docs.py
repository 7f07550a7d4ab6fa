"""Offline docs check: process the notebooks as `nbdev_docs` would, render every page to HTML with nbconvert,
and fail on any cell error. Quarto is not needed; pages land in _site/ (open them in a browser to look)."""
import json, shutil, subprocess, sys
from pathlib import Path
import nbdev.doclinks
from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar
from nbdev.serve import proc_nbs

cfg = get_config()
root, site = cfg.config_path, cfg.config_path/'_site'
refresh_quarto_yml()
nbdev.doclinks._build_modidx()
nbdev_sidebar.__wrapped__(path=cfg.nbs_path)
proc_nbs(cfg.nbs_path, n_workers=1, force=True)
shutil.rmtree(site, ignore_errors=True)
problems, pages = [], 0
for nb in sorted((root/'_proc').rglob('*.ipynb')):
    d = json.loads(nb.read_text())
    d.get('metadata', {}).pop('execution', None)   # nbconvert rejects this key
    nb.write_text(json.dumps(d))
    errs = [o for c in d['cells'] for o in c.get('outputs', []) if o.get('output_type') == 'error']
    if errs: problems.append(f"{nb.relative_to(root)}: {errs[0].get('ename')}: {errs[0].get('evalue')}")
    out = site/nb.parent.relative_to(root/'_proc')
    r = subprocess.run([sys.executable, '-m', 'nbconvert', '--to', 'html', '--output-dir', str(out), str(nb)], capture_output=True, text=True)
    if r.returncode: problems.append(f"{nb.relative_to(root)}: nbconvert failed: {r.stderr.strip().splitlines()[-1]}")
    else: pages += 1
print(f"{pages} pages rendered in {site}")
if problems: sys.exit('\n'.join(problems))
