#!/usr/bin/env python3
"""Score a JSON Lines archive with finsent under Spark, through RDD.pipe.

On a cluster, ship the bundle (scripts/bundle.sh) to every executor:

  spark-submit --archives finsent-VERSION-linux-x86_64.tar.gz#finsent \\
      examples/spark_pipe.py ARCHIVE.jsonl OUTPUT_DIR

Spark unpacks the archive into each executor's working directory as `finsent/`, and each
partition's lines go to one `./finsent/finsent score - -j 1` process there. Without an
archive named `#finsent` (`--archives` or `--bundle`), the script runs in `local[2]` with
the binary given by `--finsent` (every executor then shares the driver's file system).

finsent writes exactly one JSON line per input line, in order (an error record for a line it
cannot score), so the output RDD lines up with the input. finsent exits 1 when some records
failed; those are in the output as error records, so the exit status is not checked here and
the line counts are compared instead. In the output `source.path` is `-` and `source.line`
counts lines within the partition: give every record an `id`. Stories (`story`,
`novelty`) are left null here, as a partition cannot see the others: run `finsent stories
ARCHIVE.jsonl` once over the whole archive and join its records on `id`.
"""

import argparse
import os
import re
import shutil

from pyspark.sql import SparkSession

# The name the bundle is unpacked under in each executor's working directory.
ALIAS = "finsent"


def local_path(path):
    """An absolute path for a local file; a path with a scheme (hdfs:, s3a:) as it is."""
    return path if re.match(r"[a-z][a-z0-9+.-]*:", path) else os.path.abspath(path)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("archive")
    p.add_argument("output", help="directory Spark writes part files into (must not exist)")
    p.add_argument("--bundle", help="a finsent bundle (.tar.gz) to ship, as spark-submit --archives BUNDLE#finsent does")
    p.add_argument("--finsent", default=shutil.which("finsent") or "target/release/finsent",
                   help="the finsent binary when no bundle is shipped (every executor must see this path)")
    p.add_argument("--master", help="Spark master [default: spark-submit's, else local[2]]")
    p.add_argument("--partitions", type=int, default=2)
    args = p.parse_args()

    builder = SparkSession.builder.appName("finsent")
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not started by spark-submit
        builder = builder.master("local[2]")
    if args.bundle:
        builder = builder.config("spark.archives", f"{os.path.abspath(args.bundle)}#{ALIAS}")
    spark = builder.getOrCreate()
    archives = spark.sparkContext.getConf().get("spark.archives", "")
    shipped = any(a.endswith(f"#{ALIAS}") for a in archives.split(","))
    finsent = f"./{ALIAS}/finsent" if shipped else os.path.abspath(args.finsent)
    try:
        sc = spark.sparkContext
        lines = sc.textFile(local_path(args.archive), minPartitions=args.partitions)
        # One finsent thread per task: Spark already runs one task per executor core. A
        # partition sees only its own articles, so its stories would be partial: they come
        # from `finsent stories` over the whole archive, joined on id.
        command = f"{finsent} score - --input-format jsonl --quiet -j 1 --no-stories"
        scored = lines.pipe(command, checkCode=False)
        scored.saveAsTextFile(local_path(args.output))
        n_in, n_out = lines.count(), sc.textFile(local_path(args.output)).count()
        print(f"{n_in} input lines, {n_out} output records ({sc.master}, finsent: {finsent})")
        if n_in != n_out:
            raise SystemExit("finsent did not return one record per line: see the executor logs")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
