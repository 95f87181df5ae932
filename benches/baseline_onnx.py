"""Contestant (b): what a researcher would write in Python with finsent's own ONNX model.

pySBD sentence splitting, HF `tokenizers`, `onnxruntime` with length-sorted batches of 32
(per chunk of 256 articles), mean sentence score per article, `json` output to stdout.
Usage: baseline_onnx.py ARCHIVE.jsonl MODEL_DIR [--threads N]
"""

import argparse
import json
import sys

import numpy as np
import onnxruntime as ort
import pysbd
from tokenizers import Tokenizer


def main():
    p = argparse.ArgumentParser()
    p.add_argument("archive")
    p.add_argument("model")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    config = json.load(open(f"{args.model}/config.json"))
    prefix = config["domain_prefix"].get(config["default_domain"], "")
    tok = Tokenizer.from_file(f"{args.model}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(max_length=config["max_length"])
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    session = ort.InferenceSession(f"{args.model}/{config['onnx']}", options, providers=["CPUExecutionProvider"])
    segmenter = pysbd.Segmenter(language="en", clean=False)
    labels = config["labels"]
    out = sys.stdout

    def flush(articles):
        sentences = [(i, s) for i, a in enumerate(articles) for s in ([a.get("title")] if a.get("title") else []) + segmenter.segment(a["body"])]
        ids = [e.ids for e in tok.encode_batch([prefix + s for _, s in sentences])]
        order = sorted(range(len(ids)), key=lambda k: len(ids[k]))
        probs = np.zeros((len(ids), 3), dtype=np.float32)
        for start in range(0, len(order), 32):
            batch = order[start : start + 32]
            width = max(len(ids[k]) for k in batch)
            x = np.zeros((len(batch), width), dtype=np.int64)
            m = np.zeros_like(x)
            for r, k in enumerate(batch):
                x[r, : len(ids[k])] = ids[k]
                m[r, : len(ids[k])] = 1
            logits = session.run(None, {"input_ids": x, "attention_mask": m})[0]
            e = np.exp(logits - logits.max(1, keepdims=True))
            probs[batch] = e / e.sum(1, keepdims=True)
        scores = probs[:, labels.index("positive")] - probs[:, labels.index("negative")]
        per_article = [[] for _ in articles]
        for (i, _), sc in zip(sentences, scores):
            per_article[i].append(float(sc))
        for a, sc in zip(articles, per_article):
            out.write(json.dumps({"id": a["id"], "score": sum(sc) / max(len(sc), 1), "sentences": len(sc)}) + "\n")

    chunk = []
    for line in open(args.archive, encoding="utf-8"):
        chunk.append(json.loads(line))
        if len(chunk) == 256:
            flush(chunk)
            chunk = []
    if chunk:
        flush(chunk)


if __name__ == "__main__":
    main()
