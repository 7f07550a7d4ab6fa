"""Can the benchmark's generator draw more varied images? The GAN of the `fashion_mnist` grid's recommended cell at
600 collected images (or --budget; seed 0, or --seed), trained as that cell trains it (`hidfd.bench`), once as it is and
once with each change below (a variety term of `GenerationConfig`, or a longer run), measured on the grid's validation
images only (never the test split). The grid's GAN stops at 800 iterations, where the generator's average (EMA) starts;
a longer variant starts it where it stops too, so every variant is its last generator.

    python bench/variety.py                       # every variant; GANs already trained in --runs are reused
    python bench/variety.py --variants base,ms    # some of them
    python bench/variety.py --variants base,long_1600_ms_0.1 --seed 1   # on another draw of collected images and GAN
    python bench/variety.py --variants base,long_1600_ms_0.1 --budget 60   # from 60 collected images
    python bench/variety.py --variants '' --budget 600 --seed 0   # the collected images' own numbers only

Writes bench/results/variety/<variant>.json (the generation report's numbers, the settings, the GAN's cost) and
<variant>_samples.png (the GAN's last sample grid: 8 fixed noise vectors per class row), both named <variant>-<b>img
for a budget b other than 600 and <variant>-seed<n> (last) for a seed other than 0, and variety.md, the table. Each JSON
also holds the collected images' own precision, recall, density and coverage against the same validation images
(`collected`), which a synthetic set's are to be read against; collected.json keeps them for every budget and seed
measured (key `<budget>-<seed>`), with or without variants."""
import json, platform, shutil, sys, time
from dataclasses import replace
from pathlib import Path
import torch
from fastcore.script import call_parse
from hidfd.bench import _held_out, _synthetic, _gan_dir, bench_config, cell_config
from hidfd.config import update_config
from hidfd.core import atomic_save
from hidfd.data import collect
from hidfd.generation import REPORT_KEYS, prdc, teacher_features
from hidfd.train import load_model

CELL = ('hidfd_recommended', 600, 0)
VARIANTS = {   # name: (what it changes, the settings it changes)
    'base': ('the grid\'s generator', {}),
    'mmd': ('+ feature matching (MMD² of teacher features, weight 1)', {'generation.lambda_mmd': 1.}),
    'ms': ('+ mode seeking (weight 1)', {'generation.lambda_ms': 1.}),
    'ms_0.1': ('+ mode seeking (weight 0.1)', {'generation.lambda_ms': .1}),
    'mmd_0.1': ('+ feature matching (weight 0.1)', {'generation.lambda_mmd': .1}),
    'long_1600': ('twice the iterations (1,600)', {'generation.iterations': 1600, 'generation.ema_start': 1600}),
    'long_3200': ('four times the iterations (3,200)', {'generation.iterations': 3200, 'generation.ema_start': 3200}),
    'long_1600_ms_0.1': ('1,600 iterations + mode seeking (weight 0.1)',
                         {'generation.iterations': 1600, 'generation.ema_start': 1600, 'generation.lambda_ms': .1}),
    'adc_ramp': ('class conditioning of D ramped in over 400 iterations', {'generation.adc_ramp': 400}),
    'd_steps_2': ('two D steps per G step', {'generation.d_steps': 2}),
}
KEYS = ('agreement', 'balance_kl', 'precision', 'recall', 'density', 'coverage', 'frechet_distance')

def table(rows:list)->str:
    "A markdown table of the variants' numbers."
    md = '| variant | collected | seed | ' + ' | '.join(KEYS) + ' | GAN CPU (s) |\n' + '|---' * (len(KEYS) + 4) + '|\n'
    line = lambda r: (f"| {VARIANTS[r['variant']][0]} | {r.get('budget', 600)} | {r.get('seed', 0)} | "
                      + ' | '.join(f"{r[k]:.3f}" for k in KEYS))
    return md + ''.join(line(r) + f" | {r['gan_cpu_s']:.0f} |\n" for r in rows)

@call_parse
def main(variants:str=','.join(VARIANTS), # comma-separated names of VARIANTS
         budget:int=600, # collected images (a budget of the grid)
         seed:int=0, # the cell's seed: its draw of collected images, its GAN's and its student's
         runs:str='bench/runs', # GAN folders (the grid's own: `base` is the GAN its cell uses)
         out:str='bench/results/variety'): # results folder
    names = [n for n in variants.split(',') if n]
    for name in names:
        if name not in VARIANTS: sys.exit(f"error: no variant {name!r}; choose from {', '.join(VARIANTS)}.")
    torch.set_num_threads(1)
    # the grid's generator of 600 images at every budget: the benchmark itself takes the varied one at 60 since it led
    bench = replace(bench_config('fashion_mnist'), generator={}, generator_budgets=None)
    if budget not in bench.budgets: sys.exit(f"error: the grid has no budget {budget}; choose from {bench.budgets}.")
    if not Path(bench.teacher).is_file():
        sys.exit(f"error: no teacher at {bench.teacher!r}; train one with `bash scripts/main.sh`.")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    teacher = load_model(bench.teacher, device='cpu')
    cell = (CELL[0], budget, seed)
    grid = cell_config(bench, cell)
    data = grid.data
    pool, valid = _held_out(data.dataset, data.root, bench.valid_size)
    collected = collect(pool, teacher, n=cell[1], seed=seed, device='cpu')
    tag = lambda name: name + (f'-{budget}img' if budget != 600 else '') + (f'-seed{seed}' if seed else '')
    # the validation images `_synthetic` reports on
    real = valid.subset(torch.arange(min(len(valid), grid.generation.report_size)))
    fr, _ = teacher_features(teacher, real, device='cpu')
    fc, _ = teacher_features(teacher, collected, device='cpu')
    own = {k: v for k, v in prdc(fr, fc, 5).items() if k in KEYS}   # the collected images against the same images
    kept = json.loads((out/'collected.json').read_text()) if (out/'collected.json').exists() else {}
    kept[f'{budget}-{seed}'] = dict(own, n=len(collected), real=len(real), k=5)
    atomic_save(json.dumps(dict(sorted(kept.items())), indent=1).encode(), out/'collected.json')   # earlier keys kept
    print('collected', {k: round(v, 3) for k, v in own.items()}, flush=True)
    for name in names:
        config = update_config(grid, VARIANTS[name][1])
        t0 = time.perf_counter()
        _, rep = _synthetic(config, teacher, collected, Path(runs), valid, 'cpu', False)
        gan = _gan_dir(Path(runs), config)
        shutil.copyfile(sorted((gan/'samples').glob('iter_*.png'))[-1], out/f'{tag(name)}_samples.png')
        rep.update(variant=name, budget=budget, seed=seed, collected=own, settings=VARIANTS[name][1], gan=gan.name,
                   machine=platform.machine(), command=' '.join(['python', 'bench/variety.py'] + sys.argv[1:]))
        (out/f'{tag(name)}.json').write_text(json.dumps(rep, indent=1))
        print(name, {k: round(rep[k], 3) for k in REPORT_KEYS if k in rep}, f'{time.perf_counter() - t0:.0f} s',
              flush=True)
    rows = [json.loads(f.read_text()) for n in VARIANTS for f in [out/f'{n}.json', *sorted(out.glob(f'{n}-*.json'))]
            if f.exists()]
    (out/'variety.md').write_text(table(rows))
    print(table(rows))
