"""Stage-1 benchmark: teacher-guided GAN on 600 collected Fashion-MNIST images, full method and ablations.

    python bench/generation.py                       # every configuration, cached per configuration
    python bench/generation.py --configs full --iterations 200

Needs the teacher of `hidfd_train_teacher --dataset fashion_mnist --arch resnet20` (bash scripts/main.sh).
Writes bench/results/generation_<config>.json, bench/results/generation.md and a sample grid per configuration."""
import json, time
from pathlib import Path
import torch
from fastcore.script import call_parse
from hidfd.core import peak_memory_mb
from hidfd.data import collect, get_dataset
from hidfd.generation import generation_report, synthesize, train_generator
from hidfd.train import load_model, teacher_dir

CONFIGS = {
    'full': {},
    'no_transfer': dict(feature_transfer=False),
    'no_blending': dict(feature_blending=False),
    'no_smoothing': dict(smoothing=False),
    'plain_discriminator': dict(teacher_discriminator=False),
}

@call_parse
def main(configs:str='full,no_transfer,no_blending,no_smoothing,plain_discriminator', # comma-separated names
         n:int=600, # collected images (random, from the train split)
         iterations:int=1500, # GAN iterations per configuration
         bs:int=64, # batch size
         ch:int=16, # GAN width
         n_synthetic:int=5000, # images synthesized for the report
         out:str='bench/results', # results folder
         runs:str='runs/generation', # GAN run folders (checkpoints; not committed)
         seed:int=0, device:str=None, force:bool=False):
    out, runs = Path(out), Path(runs)
    out.mkdir(parents=True, exist_ok=True)
    teacher = load_model(teacher_dir('fashion_mnist', 'resnet20')/'latest.pt', device=device)
    train, test = get_dataset('fashion_mnist', 'train'), get_dataset('fashion_mnist', 'test')
    collected = collect(train, teacher, n=n, strategy='random', seed=seed, device=device)
    heldout = test.subset(torch.arange(2000))
    for name in configs.split(','):
        path = out/f'generation_{name}.json'
        if path.exists() and not force: print(f'{name}: cached'); continue
        t0 = time.perf_counter()
        run = train_generator(teacher, collected, iterations=iterations, bs=bs, ch=ch, out_dir=runs/name, resume=True, seed=seed,
                              device=device, **CONFIGS[name])
        wall = time.perf_counter() - t0
        syn = synthesize(run['generator'], n_synthetic, collected.info, seed=seed, device=device)
        rep = generation_report(teacher, syn, heldout, run['history'], device=device)
        rep.pop('figures')['samples'].savefig(out/f'generation_{name}_samples.png', dpi=80)
        rep.update(config=name, iterations=iterations, bs=bs, ch=ch, n_collected=n, wall_time_s=wall,
                   gan_time_s=sum(r['time'] for r in run['history']), peak_memory_mb=peak_memory_mb(device),
                   collected_agreement=collected.record.get('agreement'))
        path.write_text(json.dumps(rep, indent=2))
        print(name, {k: rep[k] for k in ('agreement', 'balance_kl', 'frechet_distance', 'gan_time_s')})
    rows = [json.loads((out/f'generation_{c}.json').read_text()) for c in CONFIGS if (out/f'generation_{c}.json').exists()]
    md = ['| configuration | agreement | balance KL | teacher-feature FD | GAN time (s) |', '|---|---|---|---|---|']
    md += [f"| {r['config']} | {r['agreement']:.3f} | {r['balance_kl']:.4f} | {r['frechet_distance']:.2f} | {r['gan_time_s']:.0f} |" for r in rows]
    (out/'generation.md').write_text('\n'.join(md) + '\n')
    print('\n'.join(md))
