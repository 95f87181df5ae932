"""Times one training step (forward, backward, AdamW) of the accurate tier's encoder in fp32
and under bf16 autocast, alternating, in one run: the figure behind `train.py --bf16`.

  step_time.py [--base mpnet] [--threads 2] [--rounds 3] [--batch 32] [--length 48]

Prints each round's seconds per step and the medians; the inputs are random token ids.
"""

import argparse
import statistics
import time

import torch

import train


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", choices=sorted(train.BASES), default="mpnet")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--steps", type=int, default=3, help="timed steps per round and setting")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--length", type=int, default=48)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    train.BASE["name"] = args.base
    model = train.Classifier("cls")
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    ids = torch.randint(1000, 20000, (args.batch, args.length))
    mask = torch.ones_like(ids)
    labels = torch.randint(0, 3, (args.batch,))

    def step(bf16):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            logits = model(ids, mask)
        loss = torch.nn.functional.cross_entropy(logits.float(), labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

    step(False)
    step(True)
    times = {"fp32": [], "bf16": []}
    for _ in range(args.rounds):
        for name in times:
            start = time.perf_counter()
            for _ in range(args.steps):
                step(name == "bf16")
            times[name].append((time.perf_counter() - start) / args.steps)
            print(f"{name}: {times[name][-1]:.2f} s/step", flush=True)
    fp32, bf16 = statistics.median(times["fp32"]), statistics.median(times["bf16"])
    print(f"median fp32 {fp32:.2f} s/step, bf16 {bf16:.2f} s/step, ratio {fp32 / bf16:.2f} "
          f"({args.base}, batch {args.batch} x {args.length}, {args.threads} threads)")


if __name__ == "__main__":
    main()
