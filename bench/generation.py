"""Stage-1 benchmark: the generator trained on a few collected Fashion-MNIST images, every discriminator design with and
without DiffAugment, the paper's ablations of the recommended recipe, and that recipe on ten times fewer images.

    python bench/generation.py                                  # every configuration; finished ones are kept
    python bench/generation.py --configs teacher,resnet_aug     # some of them
    python bench/generation.py --configs projected --force      # one of them again
    python bench/generation.py --show                           # what each configuration changes

The teacher is bench/teachers/fashion_mnist-resnet20.pt (ResNet-20, 94.02% test accuracy; `bash scripts/main.sh` trains it).
The collected set is drawn at random from the training split (seed 0) and labelled by the teacher. Each GAN's 5,000 synthetic
images are measured against 5,000 held-out images of the training split that were never collected; a second, disjoint
5,000 held-out images and the collected images themselves are measured the same way, as references. Recipes are chosen on
these numbers, never on the test split. Every configuration shares the CPU base below (batch, widths, no EMA lag) and trains
for at most about ten minutes on two CPU cores; its iterations are set so.
Writes bench/results/generation/<config>.json, <config>_samples.png (8 samples of each class) and generation.md.
An interrupted configuration resumes from its last checkpoint in --runs."""
import json, platform, sys, time
from pathlib import Path
import torch
from fastcore.script import call_parse
from hidfd.core import peak_memory_mb
from hidfd.data import collect, get_dataset
from hidfd.generation import generation_report, synthesize, train_generator
from hidfd.train import load_model

BASE = dict(bs=64, ch=16, g_mults=(4, 4, 2, 1), d_mults=(1, 2, 4, 4), lr=2e-4, ema_start=10**9, checkpoint_every=100)
RECOMMENDED = dict(discriminator='projected', bs=32, iterations=800)   # the best design below, on held-out images
CONFIGS = {   # name: (collected images, train_generator's settings beyond BASE)
    'teacher': (600, dict(discriminator='teacher', iterations=700)),
    'teacher_aug': (600, dict(discriminator='teacher', diff_augment='color,translation,cutout', iterations=600)),
    'teacher_mmd': (600, dict(discriminator='teacher', lambda_mmd=1., iterations=700)),
    'resnet': (600, dict(discriminator='resnet', bs=32, iterations=1000)),
    'resnet_aug': (600, dict(discriminator='resnet', bs=32, diff_augment='color,translation,cutout', iterations=1000)),
    'projected': (600, dict(RECOMMENDED)),
    'projected_aug': (600, dict(RECOMMENDED, diff_augment='color,translation,cutout')),
    'projected_no_transfer': (600, dict(RECOMMENDED, feature_transfer=False)),
    'projected_no_blending': (600, dict(RECOMMENDED, feature_blending=False)),
    'projected_no_smoothing': (600, dict(RECOMMENDED, smoothing=False)),
    'projected_60': (60, dict(RECOMMENDED)),
}
NAMES = {'teacher': 'teacher', 'teacher_aug': 'teacher + DiffAugment', 'teacher_mmd': 'teacher + feature matching',
         'resnet': 'resnet', 'resnet_aug': 'resnet + DiffAugment', 'projected': '**projected** (recommended)',
         'projected_aug': 'projected + DiffAugment', 'projected_no_transfer': 'projected, no transfer',
         'projected_no_blending': 'projected, no blending', 'projected_no_smoothing': 'projected, no smoothing',
         'projected_60': 'projected, 60 images'}
KEYS = ('agreement', 'balance_kl', 'precision', 'recall', 'density', 'coverage', 'frechet_distance', 'intra_class_fd')

def settings(name:str)->dict:
    "`train_generator`'s settings of configuration `name`."
    return {**BASE, **CONFIGS[name][1]}

def heldout(train, collected, n:int=5000, seed:int=0):
    "Two disjoint sets of `n` training images that were not collected: the reference the synthetic set is measured against, and a second one."
    keep = torch.ones(len(train), dtype=torch.bool)
    keep[torch.tensor(collected.record['indices'])] = False
    rest = keep.nonzero().flatten()
    rest = rest[torch.randperm(len(rest), generator=torch.Generator().manual_seed(seed + 1))]
    return train.subset(rest[:n].sort().values), train.subset(rest[n:2 * n].sort().values)

def table(rows:list)->str:
    "A markdown table of results, with the real-image references of the first 600-image row."
    head = ('| configuration | collected | iterations | agreement | balance KL | precision | recall | density | coverage '
            '| teacher-feature FD | intra-class FD | GAN time (s) |\n' + '|---' * 12 + '|\n')
    line = lambda name, n, it, r, t: (f"| {name} | {n} | {it} | " + ' | '.join(
        f"{r[k]:.3f}" if k in r else '' for k in KEYS) + f" | {t} |\n")
    md = head + ''.join(line(NAMES.get(r['config'], r['config']), r['n_collected'], r['iterations'], r,
                             f"{r['gan_time_s']:.0f}") for r in rows)
    first = {}   # the first row of each collected-set size gives that set's references
    for r in rows: first.setdefault(r['n_collected'], r)
    for i, r in enumerate(first.values()):
        refs = (('heldout', 'real images (a second held-out set)'),) * (i == 0) + (('collected', f"the {r['n_collected']} collected images"),)
        for ref, label in refs: md += line(label, r['references'][ref]['n'], '', r['references'][ref], '')
    return md

@call_parse
def main(configs:str=','.join(CONFIGS), # comma-separated names of CONFIGS
         n_synthetic:int=5000, # images synthesized and held out
         teacher:str='bench/teachers/fashion_mnist-resnet20.pt', # teacher checkpoint
         out:str='bench/results/generation', # results folder
         runs:str='runs/generation', # GAN run folders (checkpoints; not committed)
         seed:int=0, device:str=None, force:bool=False,
         show:bool=False): # print the configurations and exit
    names = configs.split(',')
    for name in names:
        if name not in CONFIGS: sys.exit(f"error: no configuration {name!r}; choose from {', '.join(CONFIGS)}.")
    if show:
        for name in CONFIGS: print(f"{name}: {CONFIGS[name][0]} collected images, {settings(name)}")
        return
    out, runs, tpath = Path(out), Path(runs), Path(teacher)
    if not tpath.is_file(): sys.exit(f"error: no teacher at {str(tpath)!r}; train one with `bash scripts/main.sh` or pass --teacher.")
    out.mkdir(parents=True, exist_ok=True)
    model = load_model(tpath, device=device)
    train = get_dataset('fashion_mnist', 'train')
    for name in names:
        path = out/f'{name}.json'
        if path.exists() and not force: print(f'{name}: already in {path}'); continue
        n, kw = CONFIGS[name][0], settings(name)
        collected = collect(train, model, n=n, strategy='random', seed=seed, device=device)
        real, second = heldout(train, collected, n_synthetic, seed)
        run_dir = runs/name
        if force and run_dir.exists():
            for f in run_dir.rglob('*'):
                if f.is_file(): f.unlink()
        t0 = time.perf_counter()
        run = train_generator(model, collected, out_dir=run_dir, resume=True, seed=seed, device=device, **kw)
        wall = time.perf_counter() - t0
        syn = synthesize(run['generator'], n_synthetic, collected.info, seed=seed, device=device)
        rep = generation_report(model, syn, real, run['history'], references={'heldout': second, 'collected': collected}, device=device)
        figs = rep.pop('figures')
        figs['samples'].savefig(out/f'{name}_samples.png', dpi=70)
        rep.update(config=name, settings={k: v for k, v in kw.items()}, iterations=kw['iterations'], n_collected=n, seed=seed,
                   wall_time_s=wall, gan_time_s=sum(r['time'] for r in run['history']), peak_memory_mb=peak_memory_mb(device),
                   collected_agreement=collected.record.get('agreement'), teacher=str(tpath.name),
                   device=str(next(run['generator'].parameters()).device), machine=f"{platform.machine()}, {torch.get_num_threads()} threads",
                   torch=torch.__version__, history=run['history'], command=' '.join(['python', 'bench/generation.py'] + sys.argv[1:]))
        path.write_text(json.dumps(rep, indent=1, default=list))
        print(name, {k: round(rep[k], 4) for k in KEYS + ('gan_time_s',)}, flush=True)
    rows = [json.loads((out/f'{c}.json').read_text()) for c in CONFIGS if (out/f'{c}.json').exists()]
    if rows:
        (out/'generation.md').write_text(table(rows))
        print(table(rows))
