"""Stage-1 benchmark: the teacher-guided GAN on 600 collected Fashion-MNIST images, the full method and its ablations.

    python bench/generation.py                                   # every configuration; finished ones are kept
    python bench/generation.py --configs full --iterations 200   # one configuration, shorter
    python bench/generation.py --configs full --force            # run it again

The teacher is bench/teachers/fashion_mnist-resnet20.pt: the weights that `bash scripts/main.sh` trains (ResNet-20, 15 epochs,
94.02% test accuracy, reached again to the last digit by a second run on another machine), kept here so that a rerun needs no hour of teacher
training. `--teacher PATH` takes any checkpoint written by `fit` or `hidfd_train_teacher`.
Every configuration shares the collected set, seed, schedule and width; each ablation turns one part of the full method off,
and `anti_collapse` adds the two optional remedies for mode collapse (DiffAugment and the mode-seeking loss).
Writes bench/results/generation_<config>.json, a sample grid per configuration, and bench/results/generation.md.
An interrupted configuration resumes from its last checkpoint in --runs."""
import json, platform, sys, time
from pathlib import Path
import torch
from fastcore.script import call_parse
from hidfd.core import peak_memory_mb
from hidfd.data import collect, get_dataset
from hidfd.generation import generation_report, synthesize, train_generator
from hidfd.train import load_model

CONFIGS = {                                         # changes to train_generator's defaults, which are the paper's full method
    'full': {},
    'no_transfer': dict(feature_transfer=False),
    'no_blending': dict(feature_blending=False),
    'no_smoothing': dict(smoothing=False),
    'plain_discriminator': dict(teacher_discriminator=False),
    'anti_collapse': dict(diff_augment=True, lambda_ms=1.0),
}
NAMES = {'full': 'full method', 'no_transfer': 'without feature transfer', 'no_blending': 'without feature blending',
         'no_smoothing': 'without frequency smoothing', 'plain_discriminator': 'plain conv. discriminator',
         'anti_collapse': 'full + DiffAugment + mode seeking'}

def table(rows:list)->str:
    "A markdown table of benchmark rows."
    md = ['| configuration | agreement | balance KL | teacher-feature FD | intra-class FD | diversity | GAN time (s) |',
          '|---|---|---|---|---|---|---|']
    md += [f"| {NAMES.get(r['config'], r['config'])} | {r['agreement']:.3f} | {r['balance_kl']:.4f} | {r['frechet_distance']:.3f} | "
           f"{r['intra_class_fd']:.3f} | {r['diversity']:.3f} | {r['gan_time_s']:.0f} |" for r in rows]
    return '\n'.join(md) + '\n'

@call_parse
def main(configs:str=','.join(CONFIGS), # comma-separated names of CONFIGS
         n:int=600, # collected images (random, from the train split)
         iterations:int=500, # GAN iterations per configuration
         bs:int=64, # batch size
         ch:int=16, # GAN width
         n_synthetic:int=5000, # images synthesized for the report
         teacher:str='bench/teachers/fashion_mnist-resnet20.pt', # teacher checkpoint
         out:str='bench/results', # results folder
         runs:str='runs/generation', # GAN run folders (checkpoints; not committed)
         seed:int=0, device:str=None, force:bool=False):
    out, runs = Path(out), Path(runs)
    out.mkdir(parents=True, exist_ok=True)
    for name in configs.split(','):
        if name not in CONFIGS: sys.exit(f"error: no configuration {name!r}; choose from {', '.join(CONFIGS)}.")
    tpath = Path(teacher)
    model = load_model(tpath, device=device)
    train, test = get_dataset('fashion_mnist', 'train'), get_dataset('fashion_mnist', 'test')
    collected = collect(train, model, n=n, strategy='random', seed=seed, device=device)
    heldout = test.subset(torch.arange(2000))
    for name in configs.split(','):
        path = out/f'generation_{name}.json'
        if path.exists() and not force: print(f'{name}: already in {path}'); continue
        run_dir = runs/name
        if force and run_dir.exists():
            for f in run_dir.rglob('*'):
                if f.is_file(): f.unlink()
        t0 = time.perf_counter()
        run = train_generator(model, collected, iterations=iterations, bs=bs, ch=ch, out_dir=run_dir, resume=True, seed=seed,
                              device=device, **CONFIGS[name])
        wall = time.perf_counter() - t0
        syn = synthesize(run['generator'], n_synthetic, collected.info, seed=seed, device=device)
        rep = generation_report(model, syn, heldout, run['history'], device=device)
        figs = rep.pop('figures')
        figs['samples'].savefig(out/f'generation_{name}_samples.png', dpi=70)
        rep.update(config=name, settings=CONFIGS[name], iterations=iterations, bs=bs, ch=ch, n_collected=n,
                   seed=seed, wall_time_s=wall, gan_time_s=sum(r['time'] for r in run['history']),
                   peak_memory_mb=peak_memory_mb(device), collected_agreement=collected.record.get('agreement'),
                   teacher=str(tpath.name), device=str(next(run['generator'].parameters()).device),
                   machine=f"{platform.machine()}, {torch.get_num_threads()} threads", torch=torch.__version__,
                   history=run['history'], command=' '.join(['python', 'bench/generation.py'] + sys.argv[1:]))
        path.write_text(json.dumps(rep, indent=1))
        print(name, {k: round(rep[k], 4) for k in ('agreement', 'balance_kl', 'frechet_distance', 'intra_class_fd', 'diversity', 'gan_time_s')}, flush=True)
    rows = [json.loads((out/f'generation_{c}.json').read_text()) for c in CONFIGS if (out/f'generation_{c}.json').exists()]
    (out/'generation.md').write_text(table(rows))
    print(table(rows))
