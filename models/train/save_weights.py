"""Commits-ready copy of a run's last epoch weights: the model's state in fp16 from
`BUILD/epoch-checkpoint.pt`, split into parts under 95 MB in `checkpoints/`, named
`OUT-epoch-N.part-K.pt` (OUT: the model directory name the run exports to). `train.py
--resume` starts from them when the build directory's full checkpoint is not there (a new
machine): weights only, the optimizer's moments start afresh.

  save_weights.py BUILD OUT_NAME      e.g. save_weights.py build/accurate finsent-mpnet-v3
"""

import sys
from pathlib import Path

import torch

LIMIT = 95 << 20


def main():
    build, name = Path(sys.argv[1]), sys.argv[2]
    state = torch.load(build / "epoch-checkpoint.pt", weights_only=False)
    weights = {k: v.half() if v.is_floating_point() else v for k, v in state["model"].items()}
    out = Path(__file__).resolve().parent / "checkpoints"
    out.mkdir(exist_ok=True)
    for old in out.glob(f"{name}-epoch-*.part-*.pt"):
        old.unlink()
    parts, current, size = [], {}, 0
    for key, value in weights.items():
        nbytes = value.numel() * value.element_size()
        if current and size + nbytes > LIMIT:
            parts.append(current)
            current, size = {}, 0
        current[key] = value
        size += nbytes
    parts.append(current)
    for i, part in enumerate(parts):
        path = out / f"{name}-epoch-{state['epoch']}.part-{i}.pt"
        torch.save(part, path)
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
