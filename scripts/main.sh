#!/usr/bin/env bash
# The main job: the whole of HiDFD on Fashion-MNIST with the fashion_mnist_quick preset (a ResNet-20 teacher trained here,
# 600 collected images, the teacher-guided GAN, a ResNet-8 student), about 17 minutes on a 2-core CPU; prints the results table.
# Extra arguments go to `hidfd run`, e.g. `bash scripts/main.sh --set distill.epochs=20`. Rerunning resumes the run folder.
source "$(dirname "$0")/setup.sh"
hidfd run --preset fashion_mnist_quick "$@"
