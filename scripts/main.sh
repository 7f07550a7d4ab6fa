#!/usr/bin/env bash
# The main job on its embedded default: train a ResNet-20 teacher on Fashion-MNIST and print its test accuracy.
# Extra arguments go to hidfd_train_teacher (see `hidfd_train_teacher --help`). Rerunning continues an interrupted run.
source "$(dirname "$0")/setup.sh"
hidfd_train_teacher --resume "$@"
