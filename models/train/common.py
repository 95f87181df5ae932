"""Data loading, domain tags and ONNX scoring shared by train.py and evaluate.py."""

import json
import time
from pathlib import Path

import numpy as np

LABELS = ["negative", "neutral", "positive"]
LABEL_ID = {name: i for i, name in enumerate(LABELS)}

# The sources label sentiment differently (investor-view press-release sentences, bullish/bearish
# tweets, headline-level entity sentiment), so each training text carries a short tag naming its
# domain. At inference finsent prepends the tag of the domain it scores (news by default).
DOMAIN_PREFIX = {"news": "news | ", "tweet": "tweet | ", "headline": "headline | "}

# Target-aware input: "what is the sentiment toward E in T?" is asked as the domain tag, the
# target's name and a bar, then the text with each mention of the target marked in place:
#   "headline | Nissan | Toyota rose 4% while << Nissan >> slumped 9%"
# (marking the mention in place matters far more than the prefix: ../shared/notes).
TARGET_FORMAT = {"prefix": "{target} | ", "open": "<< ", "close": " >>"}


def mark_target(text, target):
    """`text` with every case-insensitive occurrence of `target` marked, after the target prefix.
    A target that does not occur in the text is still named in the prefix."""
    import re

    marked = re.sub(re.escape(target), lambda m: TARGET_FORMAT["open"] + m.group(0) + TARGET_FORMAT["close"], text, flags=re.I)
    return TARGET_FORMAT["prefix"].format(target=target) + marked


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fpb_with_agreement(data_dir, split):
    """(text, label, agreement level: all, 75, 66 or 50 per cent of annotators)."""
    rows = read_jsonl(Path(data_dir) / "financial_phrasebank" / f"{split}.jsonl")
    return [(r["text"], r["label"], r["agree"]) for r in rows]


def fpb(data_dir, split, all_agree=False):
    return [(t, l) for t, l, agree in fpb_with_agreement(data_dir, split) if not all_agree or agree == "all"]


def tfns(data_dir, split):
    rows = read_jsonl(Path(data_dir) / "twitter_financial_news_sentiment" / f"{split}.jsonl")
    return [(r["text"], r["label"]) for r in rows]


def sentfin_headlines(data_dir, split):
    """Headlines whose entities all share one label become headline-level examples."""
    rows = read_jsonl(Path(data_dir) / "sentfin" / f"{split}.jsonl")
    out = []
    for r in rows:
        labels = set(r["entities"].values())
        if len(labels) == 1:
            out.append((r["text"], labels.pop()))
    return out


def sentfin_entities(data_dir, split):
    """(headline, entity, label, whether the headline's entities disagree) per entity label."""
    rows = read_jsonl(Path(data_dir) / "sentfin" / f"{split}.jsonl")
    out = []
    for r in rows:
        disagree = len(set(r["entities"].values())) > 1
        out += [(r["text"], entity, label, disagree) for entity, label in r["entities"].items()]
    return out


def fiqa_targets(data_dir, split):
    """(text, target, label, domain) per FiQA target; label from the target's own score with
    the dataset's thresholds (>= 0.1 positive, <= -0.1 negative)."""
    rows = read_jsonl(Path(data_dir) / "fiqa_2018_task1" / f"{split}.jsonl")
    band = lambda s: "positive" if s >= 0.1 else "negative" if s <= -0.1 else "neutral"
    return [
        (r["text"], target, band(score), "headline" if r["source"] == "headline" else "tweet")
        for r in rows
        for target, score in r["targets"].items()
    ]


def real_targets(reuters_dir, folder=Path(__file__).resolve().parent / "real_targets", first=None):
    """(paragraph, company as written, label) per company of the Reuters-21578 paragraphs in
    real_targets/ (labels by annotators under models/companies/fresh/GUIDELINE.md), the text
    rebuilt from the Reuters files in `reuters_dir` and checked by its sha1; with `first`,
    only the first `first` labelled paragraphs."""
    import hashlib
    import sys

    sys.path.insert(0, str(folder.parents[1] / "companies" / "fresh"))
    from build_paragraphs import norm_reuters, reuters_docs

    candidates = {r["id"]: r for r in read_jsonl(folder / "candidates.jsonl")}
    bodies = {}
    need = {r["doc"] for r in candidates.values()}
    for newid, _, body in reuters_docs(str(reuters_dir)):
        if newid in need:
            bodies[newid] = body
    out = []
    for row in read_jsonl(folder / "labels.jsonl")[:first]:
        c = candidates[row["id"]]
        text = norm_reuters(bodies[c["doc"]][c["start"] : c["end"]])
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != c["sha1"]:
            raise ValueError(f"{row['id']}: text differs from its sha1")
        for company in row["companies"]:
            if company["name"] and company["name"].lower() in text.lower():
                out.append((text, company["name"], company["label"]))
    return out


def fiqa(data_dir, split):
    rows = read_jsonl(Path(data_dir) / "fiqa_2018_task1" / f"{split}.jsonl")
    return [(r["text"], r["label"], "headline" if r["source"] == "headline" else "tweet") for r in rows]


def dev_sets(data_dir, challenge=False):
    """Every dev split with the domain its texts are scored in: name -> (domain, [(text, label)]);
    with `challenge`, also the hand-written challenge sets in challenge/ (never trained on)."""
    sets = {
        "fpb": ("news", fpb(data_dir, "dev")),
        "fpb_all_agree": ("news", fpb(data_dir, "dev", all_agree=True)),
        "tfns": ("tweet", tfns(data_dir, "dev")),
        "sentfin_headlines": ("headline", sentfin_headlines(data_dir, "dev")),
    }
    entities = sentfin_entities(data_dir, "dev")
    sets["sentfin_entities"] = ("headline", [(mark_target(t, e), l) for t, e, l, _ in entities])
    sets["sentfin_entities_disagree"] = ("headline", [(mark_target(t, e), l) for t, e, l, d in entities if d])
    if challenge:
        # Headlines naming one entity, scored as `finsent score` scores a unit (news domain):
        # as a plain sentence, and toward its entity. Which is better decides whether score
        # asks single-company units about their company.
        single = [(t, e, l) for t, e, l, _ in entities if sum(1 for x in entities if x[0] == t) == 1]
        sets["sentfin_single_entity_plain_news"] = ("news", [(t, l) for t, _, l in single])
        sets["sentfin_single_entity_target_news"] = ("news", [(mark_target(t, e), l) for t, e, l in single])
    challenge = Path(__file__).resolve().parent / "challenge" if challenge else Path("/nonexistent")
    if (challenge / "direction.jsonl").exists():
        sets["challenge_direction"] = ("news", [(r["text"], r["label"]) for r in read_jsonl(challenge / "direction.jsonl")])
    if (challenge / "targets.jsonl").exists():
        rows = read_jsonl(challenge / "targets.jsonl")
        sets["challenge_targets"] = ("news", [(mark_target(r["text"], r["target"]), r["label"]) for r in rows])
    fiqa_rows = fiqa(data_dir, "dev")
    sets["fiqa_headlines"] = ("headline", [(t, l) for t, l, d in fiqa_rows if d == "headline"])
    sets["fiqa_posts"] = ("tweet", [(t, l) for t, l, d in fiqa_rows if d == "tweet"])
    return sets


def load_tokenizer(path, max_length):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(max_length=max_length)
    return tok


def macro_f1(confusion):
    f1s = []
    for k in range(3):
        tp = confusion[k, k]
        precision = tp / max(confusion[:, k].sum(), 1)
        recall = tp / max(confusion[k, :].sum(), 1)
        f1s.append(0.0 if tp == 0 else 2 * precision * recall / (precision + recall))
    return float(np.mean(f1s))


def metrics(gold, pred, rounds=1000, seed=0):
    """Accuracy, macro-F1, their 95 % bootstrap intervals (`rounds` resamples of the texts,
    percentile method) and the confusion matrix (rows gold, columns predicted, LABELS order)."""
    gold = np.asarray(gold)
    pred = np.asarray(pred)
    cells = gold * 3 + pred
    confusion = np.bincount(cells, minlength=9).reshape(3, 3)
    samples = np.random.default_rng(seed).integers(0, len(cells), size=(rounds, len(cells)))
    accuracy = [(gold[idx] == pred[idx]).mean() for idx in samples]
    f1 = [macro_f1(np.bincount(cells[idx], minlength=9).reshape(3, 3)) for idx in samples]
    interval = lambda values: [round(float(v), 4) for v in np.percentile(values, [2.5, 97.5])]
    return {
        "n": int(len(gold)),
        "accuracy": float((gold == pred).mean()),
        "accuracy_ci95": interval(accuracy),
        "macro_f1": macro_f1(confusion),
        "macro_f1_ci95": interval(f1),
        "confusion": confusion.tolist(),
    }


class OnnxScorer:
    """Scores texts with an exported model the way finsent does: length-sorted batches, real attention mask."""

    def __init__(self, model_path, tokenizer, threads=2):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.tokenizer = tokenizer

    def encode(self, texts):
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def run_batch(self, id_lists):
        width = max(len(ids) for ids in id_lists)
        input_ids = np.zeros((len(id_lists), width), dtype=np.int64)
        mask = np.zeros_like(input_ids)
        for row, ids in enumerate(id_lists):
            input_ids[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(input_ids)
        logits = self.session.run(["logits"], feeds)[0]
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        return exp / exp.sum(axis=1, keepdims=True)

    def probs(self, texts, batch_size=32, sort=True):
        ids = self.encode(texts)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i])) if sort else list(range(len(ids)))
        out = np.zeros((len(ids), 3), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self.run_batch([ids[i] for i in chunk])
        return out

    def throughput(self, texts, batch_size=32, repeats=3):
        """Median sentences/s over `repeats` passes (tokenizing included)."""
        rates = []
        for _ in range(repeats):
            start = time.perf_counter()
            self.probs(texts, batch_size)
            rates.append(len(texts) / (time.perf_counter() - start))
        return float(np.median(rates))

    def batch_invariance(self, texts, batch_size=32):
        """Each text scored alone vs inside sorted, padded batches: max |Δprob| and label flips."""
        batched = self.probs(texts, batch_size)
        alone = np.concatenate([self.run_batch([ids]) for ids in self.encode(texts)])
        delta = float(np.abs(batched - alone).max())
        flips = int((batched.argmax(1) != alone.argmax(1)).sum())
        return {"n": len(texts), "max_abs_delta_prob": delta, "label_flips": flips}


def with_temperature(probs, temperature):
    """softmax(logits / T) from softmax(logits): p^(1/T), renormalised."""
    scaled = np.power(np.clip(probs, 1e-12, 1.0), 1.0 / temperature)
    return scaled / scaled.sum(1, keepdims=True)


def calibration(gold, probs, bins=10):
    """Expected calibration error (`bins` equal-width confidence bins) and how the confident
    predictions fare: the share of texts at >= 0.95 confidence, their accuracy, and the share
    of all texts (and of all errors) that are wrong at >= 0.95."""
    gold = np.asarray(gold)
    confidence = probs.max(1)
    right = probs.argmax(1) == gold
    ece = 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    for low, high in zip(edges[:-1], edges[1:]):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            ece += inside.mean() * abs(right[inside].mean() - confidence[inside].mean())
    sure = confidence >= 0.95
    wrong_sure = sure & ~right
    return {
        "ece": round(float(ece), 4),
        "share_at_0.95": round(float(sure.mean()), 4),
        "accuracy_at_0.95": round(float(right[sure].mean()), 4) if sure.any() else None,
        "wrong_at_0.95_share_of_texts": round(float(wrong_sure.mean()), 4),
        "wrong_at_0.95_share_of_errors": round(float(wrong_sure.sum() / max(1, (~right).sum())), 4),
    }


def fit_temperature(gold, probs):
    """The temperature (0.5 to 6, step 0.05) that minimises the negative log-likelihood."""
    gold = np.asarray(gold)
    grid = np.arange(0.5, 6.0001, 0.05)
    nll = [-np.log(with_temperature(probs, t)[np.arange(len(gold)), gold]).mean() for t in grid]
    return round(float(grid[int(np.argmin(nll))]), 2)


# The dev splits each domain's temperature is fitted on.
CALIBRATION_SETS = {"news": ["fpb"], "tweet": ["tfns"], "headline": ["sentfin_headlines", "sentfin_entities"]}


def domain_dev(scorer, sets, tags, domain):
    """Gold labels and probabilities of a domain's calibration splits."""
    rows = [row for name in CALIBRATION_SETS[domain] for row in sets[name][1]]
    probs = scorer.probs([(DOMAIN_PREFIX[domain] if tags else "") + t for t, _ in rows])
    return np.array([LABEL_ID[l] for _, l in rows]), probs


def fit_temperatures(scorer, sets, tags):
    """One temperature per domain, fitted on that domain's dev splits."""
    return {domain: fit_temperature(*domain_dev(scorer, sets, tags, domain)) for domain in CALIBRATION_SETS}


def cross_fit_temperatures(scorer, sets, tags, seed=0):
    """Per domain, two folds: (temperature fitted on one random half, ECE of the other half
    raw, ECE calibrated)."""
    out = {}
    for domain in CALIBRATION_SETS:
        gold, probs = domain_dev(scorer, sets, tags, domain)
        order = np.random.default_rng(seed).permutation(len(gold))
        halves = [order[: len(order) // 2], order[len(order) // 2 :]]
        out[domain] = []
        for fit, test in [(halves[0], halves[1]), (halves[1], halves[0])]:
            t = fit_temperature(gold[fit], probs[fit])
            raw = calibration(gold[test], probs[test])["ece"]
            calibrated = calibration(gold[test], with_temperature(probs[test], t))["ece"]
            out[domain].append((t, raw, calibrated))
    return out


def evaluate_sets(scorer, sets, tags=True, temperatures=None):
    """Accuracy, macro-F1 and calibration of each set, each scored in its domain (with that
    domain's temperature from `temperatures`, when given)."""
    report = {}
    for name, (domain, rows) in sets.items():
        texts = [(DOMAIN_PREFIX[domain] if tags else "") + t for t, _ in rows]
        probs = with_temperature(scorer.probs(texts), (temperatures or {}).get(domain, 1.0))
        gold = [LABEL_ID[l] for _, l in rows]
        report[name] = {"domain": domain, **metrics(gold, probs.argmax(1)), "calibration": calibration(gold, probs)}
    return report
