# Set up everything hidfd needs on a fresh machine; sourced by scripts/main.sh and scripts/test.sh.
# Creates or reuses .venv, installs the pinned torch/torchvision and hidfd (editable, with its dev extra),
# and makes sure Fashion-MNIST is available offline.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TORCH_PIN="torch==2.14.1 torchvision==0.29.1"
PY=${PYTHON:-python3}
say() { echo "[setup] $*" >&2; }

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
  say "hidfd needs Python 3.9 or newer; install it and set PYTHON=/path/to/python3."; exit 1
fi
if [ ! -x .venv/bin/python ]; then say "creating .venv"; "$PY" -m venv .venv; fi
VPY=.venv/bin/python
if ! $VPY -c 'import torch, torchvision; assert (torch.__version__.split("+")[0], torchvision.__version__.split("+")[0]) == ("2.14.1", "0.29.1")' 2>/dev/null; then
  say "installing $TORCH_PIN (several GB the first time)"
  $VPY -m pip install -q --disable-pip-version-check $TORCH_PIN 2>&1 | grep -v "^WARNING: Location" || true
  $VPY -c 'import torch, torchvision' || { say "torch/torchvision did not install; see the pip output above."; exit 1; }
fi
stamp=.venv/.hidfd-installed
if [ ! -f $stamp ] || [ settings.ini -nt $stamp ] || [ setup.py -nt $stamp ]; then
  say "installing hidfd (editable, with the dev extra)"
  $VPY -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
  $VPY -c 'import hidfd, nbdev' || { say "hidfd did not install; see the pip output above."; exit 1; }
  touch $stamp
fi

# Fashion-MNIST: the Debian package when apt and root are there, else torchvision's download, else say how.
if ! $VPY -c 'from hidfd.data import get_dataset; get_dataset("fashion_mnist", "test")' 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    say "installing Fashion-MNIST (Debian package dataset-fashion-mnist)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist) >/dev/null 2>&1 || true
  fi
  if ! $VPY -c 'from hidfd.data import get_dataset; get_dataset("fashion_mnist", "test")' 2>/dev/null; then
    say "downloading Fashion-MNIST with torchvision"
    $VPY -c 'from hidfd.data import get_dataset; [get_dataset("fashion_mnist", s, download=True) for s in ("train", "test")]' 2>/dev/null || {
      say "Fashion-MNIST is not available: install the Debian package dataset-fashion-mnist, or put its four idx .gz files in a folder and set HIDFD_DATA to it."; exit 1; }
  fi
fi
export PATH="$PWD/.venv/bin:$PATH"
