"""The cost of many classes: a 200-class 64x64 GAN of 2 iterations, its synthesis and its report with figures; wall time
and peak memory. Run from the repository root: `python bench/class_cost.py LABEL`."""
import resource, sys, tempfile, time, torch, torch.nn.functional as F
from pathlib import Path
from dataclasses import replace
from hidfd.data import get_dataset, ImageSet
from hidfd.models import get_model
from hidfd.generation import train_generator, synthesize, generation_report, load_generator
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
torch.set_num_threads(2)
fm = get_dataset('fashion_mnist', 'test')
imgs = F.interpolate(fm.images[:800].float(), size=64).round().to(torch.uint8).expand(-1, 3, -1, -1).contiguous()
info = replace(fm.info, channels=3, size=64, classes=tuple(f'c{i}' for i in range(200)), mean=(0.5,) * 3,
               std=(0.5,) * 3)
collected = ImageSet(imgs[:400], torch.arange(200).repeat(2), info)
real = ImageSet(imgs[400:], torch.arange(200).repeat(2), info)
torch.manual_seed(0)
teacher = get_model('resnet8', 200, 3).eval()
out = Path(tempfile.mkdtemp())
t0 = time.perf_counter()
train_generator(teacher, collected, iterations=2, bs=32, ch=16, checkpoint_every=2, log_every=1, out_dir=out,
                device='cpu', progress=False)
syn = synthesize(load_generator(out, device='cpu'), 400, info, device='cpu')
rep = generation_report(teacher, syn, real, device='cpu')
for f in rep['figures'].values(): f.savefig(out/'fig.png', dpi=80); plt.close(f)
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{sys.argv[1]}: {time.perf_counter() - t0:.1f} s, peak {peak_mb:.0f} MB")
