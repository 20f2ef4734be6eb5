"""Speed of the audit: warm in process, as a whole ``audit`` command, and the vocabulary's load.

Sizes from the issue: a 220-character headline, a 2,600-character About, 50 skills and a
5,000-character job description. Targets: the warm audit under 100 ms (median); the whole
``profile-helper audit`` process within 1.6x a bare script that runs YAKE on the same text;
the broad vocabulary loaded in under 50 ms and growing resident memory by under 80 MB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from profile_helper.core.audit.run import audit
from profile_helper.core.audit.yake_phrases import yake_keywords
from tests.benchmarks.harness import Result, alternate_processes, median_seconds, process_env

HEADLINE = (
    "Senior Data Engineer | Python · AWS · dbt · Kafka | I build reliable data platforms that "
    "fintech analysts trust, from ingestion to dashboards, and mentor the engineers who run them "
    "across Europe"
)
PARAGRAPH = (
    "I build data platforms that analysts trust. Over 8 years I have led teams of 5 engineers, "
    "cut pipeline costs by 40% and moved 200 TB from on-premise Hadoop to Snowflake on AWS. "
    "I work in Python, SQL, dbt and Airflow, and I care about tests, lineage and documentation.\n\n"
)
SKILLS = (
    "Python, SQL, AWS, Kafka, dbt, Airflow, Spark, Docker, Kubernetes, Terraform, Snowflake, "
    "PostgreSQL, Redshift, Tableau, Looker, Git, CI/CD, Jenkins, Linux, Bash, Scala, Java, Go, "
    "Pandas, NumPy, Machine learning, Data modelling, ETL, Data warehousing, Data governance, "
    "Data quality, GDPR, Agile, Scrum, Jira, Confluence, Stakeholder management, Mentoring, "
    "Leadership, Communication, BigQuery, GCP, Azure, Databricks, Flink, Elasticsearch, Redis, "
    "MongoDB, REST APIs, Microservices"
)
JOB_PARAGRAPH = (
    "We are looking for a Senior Data Engineer to join our platform team in Berlin. You will "
    "design and build batch and streaming pipelines with Python, Spark and Kafka on AWS, model "
    "data in dbt and Snowflake, and run everything with Terraform, Docker and Kubernetes. "
    "You have experience with CI/CD, data quality, GDPR and ISO 27001 controls, and you "
    "communicate clearly with analysts and product managers.\n"
)


def inputs() -> tuple[str, str, str, str]:
    about = (PARAGRAPH * 20)[:2600]
    job = (JOB_PARAGRAPH * 20)[:5000]
    assert len(HEADLINE) <= 220 and len(SKILLS.split(",")) == 50
    return HEADLINE, about, SKILLS, job


BARE_YAKE = """
import sys, yake
text = open(sys.argv[1], encoding="utf-8").read()
extractor = yake.KeywordExtractor(lan="en", n=3, dedup_func="jaro", dedup_lim=0.7, top=30)
extractor.extract_keywords(text)
"""
# Loads the vocabulary in a fresh process: its load time and how much resident memory it adds.
VOCABULARY_LOAD = """
import time
from profile_helper.core.audit import taxonomy
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss_mb()
start = time.perf_counter()
tax = taxonomy.load_taxonomy()
tax.lookup("forklift"); tax.field_of_title("registered nurse")
elapsed = time.perf_counter() - start
print(elapsed, rss_mb() - before)
"""


def whole_process(runs: int = 9) -> Result:
    """The ``audit`` command as a whole process against a bare YAKE script on the same job."""
    headline, about, skills, job = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text in (("headline", headline), ("about", about), ("skills", skills)):
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / "job.txt").write_text(job, encoding="utf-8")
        script = folder / "bare_yake.py"
        script.write_text(BARE_YAKE, encoding="utf-8")
        ours, bare = alternate_processes(
            [
                [sys.executable, "-m", "profile_helper", "--data-dir", str(folder / "data"),
                 "audit", "--headline-file", str(folder / "headline.txt"),
                 "--about-file", str(folder / "about.txt"),
                 "--skills-file", str(folder / "skills.txt"),
                 "--job-file", str(folder / "job.txt"), "--format", "json"],
                [sys.executable, str(script), str(folder / "job.txt")],
            ],
            runs,
        )  # fmt: skip
    return Result(
        "audit: whole `audit` process",
        ours * 1000,
        "ms",
        bare * 1000,
        "bare YAKE script",
        "<= 1.6x",
        ours / bare <= 1.6,
        f"{runs} alternated runs after a warm-up",
    )


def vocabulary_load(runs: int = 9) -> list[Result]:
    """The broad vocabulary's load in fresh processes: time and resident memory added."""
    times, memory = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", VOCABULARY_LOAD],
            env=process_env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(out[0]))
        memory.append(float(out[1]))
    load, grown = statistics.median(times), statistics.median(memory)
    return [
        Result("audit: vocabulary load", load * 1000, "ms", target="< 50 ms", ok=load < 0.05,
               note=f"{runs} fresh processes"),
        Result("audit: memory added by the vocabulary", grown, "MB", target="< 80 MB",
               ok=grown < 80, note="resident size after the load minus before"),
    ]  # fmt: skip


def run(runs: int = 21) -> list[Result]:
    headline, about, skills, job = inputs()
    audit(headline, about, skills, job)  # warm: imports, word lists, vocabulary
    yake_keywords(job)
    full = median_seconds(lambda: audit(headline, about, skills, job), runs)
    yake_only = median_seconds(lambda: yake_keywords(job), runs)
    return [
        Result(
            "audit: full audit, warm",
            full * 1000,
            "ms",
            yake_only * 1000,
            "YAKE alone on the job",
            "< 100 ms",
            full < 0.1,
            f"{runs} runs; headline {len(headline)}, About {len(about)}, 50 skills, job {len(job)}",
        ),
        whole_process(),
        *vocabulary_load(),
    ]
