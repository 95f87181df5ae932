#!/usr/bin/env python3
"""Fetches libonnxruntime.so for finsent from the `onnxruntime` wheel on PyPI, by package name.

Usage: fetch_onnxruntime.py DEST_DIR

Runs `pip download --no-deps --only-binary=:all: onnxruntime==VERSION` (VERSION is the
checkout's ONNXRUNTIME_VERSION) into a temporary directory, takes
`onnxruntime/capi/libonnxruntime.so.VERSION` out of the wheel, checks its sha256 and moves it into DEST_DIR atomically, with ONNX Runtime's licence files beside it
(LICENSE and ThirdPartyNotices.txt, which a bundle ships). The library is the same in every
cp3xx wheel and needs no Python to load. `cargo build` runs this script (build.rs) with the
cache directory ~/.cache/finsent/onnxruntime/VERSION (or under $XDG_CACHE_HOME); run it by
hand only to fill or repair a cache. Exits non-zero with a message on failure.
"""

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

# The release finsent is built for, written once for the crate, this script and the package.
VERSION = (Path(__file__).resolve().parent.parent / "ONNXRUNTIME_VERSION").read_text().strip()
LIBRARY = f"libonnxruntime.so.{VERSION}"
# sha256 of the library inside the manylinux wheels of each release, by machine.
SHA256 = {
    "1.31.1": {"x86_64": "fc44112fbe06d7d689c57e11d3862031f64711007e4ee020f8eed5185fd2c1d3"},
}
# ONNX Runtime's licence and the notices of the code it includes, from the same wheel.
LICENCES = ["LICENSE", "ThirdPartyNotices.txt"]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dest = Path(sys.argv[1])
    target = dest / LIBRARY
    if target.is_file() and all((dest / name).is_file() for name in LICENCES):
        print(target)
        return
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest) as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
               f"onnxruntime=={VERSION}", "-d", tmp]
        result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            sys.exit(f"pip download onnxruntime=={VERSION} failed:\n{result.stdout}")
        wheels = list(Path(tmp).glob("onnxruntime-*.whl"))
        if not wheels:
            sys.exit(f"pip download produced no onnxruntime wheel in {tmp}")
        member = f"onnxruntime/capi/{LIBRARY}"
        licences = [f"onnxruntime/{name}" for name in LICENCES]
        with zipfile.ZipFile(wheels[0]) as wheel:
            for needed in [member, *licences]:
                if needed not in wheel.namelist():
                    sys.exit(f"{wheels[0].name} has no {needed} (is this a Linux machine?)")
            extracted = Path(wheel.extract(member, tmp))
            notices = [Path(wheel.extract(name, tmp)) for name in licences]
        expected = SHA256.get(VERSION, {}).get(os.uname().machine)
        if expected and sha256(extracted) != expected:
            sys.exit(f"{member} from {wheels[0].name} does not have the expected sha256 {expected}")
        for notice in notices:
            os.replace(notice, dest / notice.name)
        os.replace(extracted, target)
    print(target)


if __name__ == "__main__":
    main()
