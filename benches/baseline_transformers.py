"""Contestant (c): how most people score financial sentiment today: a BERT-base classifier
(FinBERT's architecture: 12 layers, 768 wide, 3-class head) through the `transformers`
pipeline("text-classification") with batch size 32, on pySBD sentences. The weights are
randomly initialised (only speed is measured); the vocabulary is finsent's uncased BERT
one. Usage: baseline_transformers.py ARCHIVE.jsonl TOKENIZER_JSON [--threads N]
"""

import argparse
import json
import sys

import pysbd
import torch
from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast, pipeline


def main():
    p = argparse.ArgumentParser()
    p.add_argument("archive")
    p.add_argument("tokenizer")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = BertForSequenceClassification(BertConfig(num_labels=3)).eval()
    tokenizer = PreTrainedTokenizerFast(tokenizer_file=args.tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                        cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    classify = pipeline("text-classification", model=model, tokenizer=tokenizer, device=-1, top_k=None)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    for line in open(args.archive, encoding="utf-8"):
        a = json.loads(line)
        sentences = ([a["title"]] if a.get("title") else []) + segmenter.segment(a["body"])
        results = classify(sentences, batch_size=32, truncation=True, max_length=128)
        sys.stdout.write(json.dumps({"id": a["id"], "sentences": len(results)}) + "\n")


if __name__ == "__main__":
    main()
