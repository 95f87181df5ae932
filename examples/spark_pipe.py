#!/usr/bin/env python3
"""Score a JSON Lines archive with finsent under Spark, through RDD.pipe.

  python examples/spark_pipe.py ARCHIVE.jsonl OUTPUT_DIR [--finsent PATH] [--master local[2]]

Each partition's lines go to one `finsent score -` process on its standard input; finsent
writes exactly one JSON line per input line, in order (an error record for a line it cannot
score), so the output RDD lines up with the input. finsent exits 1 when some records
failed; those are in the output as error records, so the exit status is not checked here
and the line counts are compared instead. In the output `source.path` is `-` and
`source.line` counts lines within the partition: give every record an `id`.
"""

import argparse
import os
import shutil

from pyspark.sql import SparkSession


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("archive")
    p.add_argument("output", help="directory Spark writes part files into (must not exist)")
    p.add_argument("--finsent", default=shutil.which("finsent") or "target/release/finsent")
    p.add_argument("--master", default="local[2]")
    p.add_argument("--partitions", type=int, default=2)
    args = p.parse_args()
    finsent = os.path.abspath(args.finsent)
    spark = SparkSession.builder.master(args.master).appName("finsent").getOrCreate()
    try:
        lines = spark.sparkContext.textFile(os.path.abspath(args.archive), minPartitions=args.partitions)
        # One worker thread per finsent process: Spark already runs a task per core.
        command = f"{finsent} score - --input-format jsonl --quiet -j 1"
        scored = lines.pipe(command, checkCode=False)
        scored.saveAsTextFile(os.path.abspath(args.output))
        n_in, n_out = lines.count(), spark.sparkContext.textFile(os.path.abspath(args.output)).count()
        print(f"{n_in} input lines, {n_out} output records")
        if n_in != n_out:
            raise SystemExit("finsent did not return one record per line: see the executor logs")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
