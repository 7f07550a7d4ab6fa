"""Measures of how the code reads: exported cell sizes, long lines, semicolon chains, module sizes, chapters with outputs.

Run from the repository root: `python scripts/code_stats.py` (or `--json`). Reads `nbs/` and `hidfd/`; changes nothing."""
import io, json, statistics, sys, tokenize
from pathlib import Path

def exported_cells(nbs:Path=Path('nbs')):
    "Line counts of every exported code cell, and the names of chapters whose code cells keep no output."
    sizes, silent = [], []
    for p in sorted(nbs.glob('[0-9]*.ipynb')):
        cells = json.loads(p.read_text())['cells']
        code = [c for c in cells if c['cell_type'] == 'code']
        for c in code:
            src = ''.join(c['source'])
            if src.startswith(('#| export', '#|export', '#| exports')): sizes.append(len(src.rstrip('\n').split('\n')) - 1)
        if not any(c.get('outputs') for c in code): silent.append(p.stem)
    return sizes, silent

def semicolons(text:str)->int:
    "Statements chained with `;` (tokens, so strings and comments do not count)."
    return sum(t.type == tokenize.OP and t.string == ';' for t in tokenize.generate_tokens(io.StringIO(text).readline))

def stats()->dict:
    sizes, silent = exported_cells()
    q = statistics.quantiles(sizes, n=20)
    mods = {p.name: p.read_text() for p in sorted(Path('hidfd').glob('*.py')) if p.name not in ('_modidx.py', '__init__.py')}
    lines = [l for t in mods.values() for l in t.split('\n')]
    long = sum(len(l) > 120 for l in lines)
    return dict(exported_cells=len(sizes), cell_lines_median=statistics.median(sizes), cell_lines_p95=q[18],
                cell_lines_max=max(sizes), library_lines=len(lines), lines_over_120=long,
                lines_over_120_pct=round(100 * long / len(lines), 1),
                semicolon_chains=sum(semicolons(t) for t in mods.values()),
                module_lines={k: len(t.split('\n')) for k, t in mods.items()}, chapters_without_outputs=silent)

if __name__ == '__main__':
    s = stats()
    if '--json' in sys.argv: print(json.dumps(s, indent=1))
    else:
        for k, v in s.items(): print(f'{k}: {v}')
