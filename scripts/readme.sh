#!/usr/bin/env bash
# README.md is generated from nbs/index.ipynb (nbdev_readme needs Quarto; nbconvert's markdown gives the same page offline).
cd "$(dirname "$0")/.." && .venv/bin/jupyter nbconvert --to markdown --log-level=ERROR --stdout nbs/index.ipynb > README.md
