"""Digests of what the training loops produce at a tiny scale on the CPU: one `fit`, one GAN, one DAFL run, one `hidfd run`.

Two versions of the library train bit-identical models when they print the same digests. Run from the repository root:
`python scripts/fingerprints.py [OUT.json]` (one thread, a few minutes). Loss values are printed as well, to the last bit."""
import hashlib, json, sys, tempfile
from pathlib import Path
import torch

torch.set_num_threads(1)
from hidfd.baselines import train_dafl
from hidfd.data import collect, dataset_info, get_dataset
from hidfd.generation import load_generator, synthesize, train_generator
from hidfd.models import get_model
from hidfd.config import preset, update_config
from hidfd.pipeline import run
from hidfd.train import fit

TEACHER = 'bench/teachers/fashion_mnist-resnet20.pt'

def digest(state:dict)->str:
    "SHA-256 of a state dict's names, shapes, dtypes and bytes."
    h = hashlib.sha256()
    for k, v in state.items():
        if torch.is_tensor(v):
            v = v.detach().cpu().contiguous()
            h.update(f'{k}{tuple(v.shape)}{v.dtype}'.encode())
            h.update(v.reshape(-1).view(torch.uint8).numpy().tobytes())
    return h.hexdigest()[:16]

def losses(history:list)->list:
    "Every logged number but the clocks and speeds, as exact hex floats."
    skip = ('time', 'cpu_time', 'images_per_s')
    return [{k: float(v).hex() for k, v in r.items() if k not in skip and isinstance(v, (int, float))} for r in history]

def main(out=None):
    res, train = {}, get_dataset('fashion_mnist', 'train')
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        torch.manual_seed(0)
        model = get_model('resnet8', 10, 1)
        history = fit(model, train.subset(torch.arange(512)), steps=8, log_every=4, bs=64, lr=0.05, sched='onecycle',
                      out_dir=tmp/'fit', seed=3, progress=False, device='cpu')
        res['fit'] = dict(model=digest(model.state_dict()), history=losses(history))
        teacher = get_model('resnet8', 10, 1).eval()
        collected = collect(train.subset(torch.arange(2000)), teacher, n=100, seed=0)
        r = train_generator(teacher, collected, iterations=6, bs=16, ch=8, discriminator='projected', out_dir=tmp/'gan',
                            checkpoint_every=3, seed=1, progress=False, device='cpu')
        G = load_generator(tmp/'gan', device='cpu')
        syn = synthesize(G, 32, collected.info, seed=2, device='cpu')
        res['gan'] = dict(generator=digest(G.state_dict()), synthetic=digest({'x': syn.images, 'y': syn.labels}),
                          history=losses(r['history']))
        torch.manual_seed(1)
        student = get_model('resnet8', 10, 1)
        r = train_dafl(teacher, student, dataset_info('fashion_mnist'), iterations=6, bs=16, checkpoint_every=3,
                       out_dir=tmp/'dafl', seed=4, progress=False, device='cpu')
        res['dafl'] = dict(student=digest(r['model'].state_dict()), history=losses(r['history']))
        tiny = update_config(preset('fashion_mnist_quick'), {
            'teacher.checkpoint': TEACHER, 'data.n_collected': 128, 'data.test_size': 300, 'generation.iterations': 6,
            'generation.bs': 16, 'generation.ch': 8, 'generation.n_synthetic': 64, 'generation.report_size': 100,
            'distill.epochs': 1, 'distill.repeat': 2})
        rep = run(tiny, tmp/'run', device='cpu', progress=False)
        from hidfd.distill import load_student
        res['run'] = dict(student=digest(load_student(tmp/'run'/'student', device='cpu').state_dict()),
                          accuracy=float(rep['student_accuracy']).hex())
    text = json.dumps(res, indent=1)
    print(text)
    if out: Path(out).write_text(text + '\n')

if __name__ == '__main__': main(*sys.argv[1:])
