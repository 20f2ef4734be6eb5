"""Speed of a full audit, warm and in process, against YAKE alone on the same job text.

Sizes from the issue: a 220-character headline, a 2,600-character About, 50 skills and a
5,000-character job description. The audit must take under 100 ms (median).
"""

from __future__ import annotations

from profile_helper.core.audit.extract import yake_keywords
from profile_helper.core.audit.run import audit
from tests.benchmarks.harness import Result, median_seconds

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
        )
    ]
