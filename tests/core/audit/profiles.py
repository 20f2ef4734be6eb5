"""A good profile and a job it fits, shared by the audit tests."""

GOOD_HEADLINE = "Data Engineer | Python, Kafka and AWS | I build data platforms analysts trust"

GOOD_ABOUT = """\
I build data platforms that analysts trust, for fintech teams that need answers by 9 am.

Over eight years I have designed batch and streaming pipelines in Python, Kafka and Spark on AWS, \
modelled data in dbt and Snowflake, and automated the infrastructure with Terraform and \
Kubernetes. Airflow schedules it; SQL is where I start every question. Last year I cut our \
pipeline costs by 40% and brought the nightly load from 6 hours to 50 minutes.

I led a team of 5 engineers through a move from on-premise Hadoop to the cloud, with no lost data \
and a day of downtime. I write tests and documentation first, and I mentor new engineers.

What I bring to a team: pipelines with tests and alerts from day one, data contracts that \
analysts can read, and on-call runbooks that a new colleague can follow at 3 am. I like to pair \
with analysts and product managers on the questions behind a dashboard before I write a line.

Outside work I teach SQL to career changers at a local meetup, twice a month.

If you are hiring for a data platform role in Europe, message me: I reply within a day.
"""

GOOD_SKILLS = """Python
SQL
Apache Kafka
Apache Spark
AWS
dbt
Snowflake
Terraform
Kubernetes
Airflow"""

JOB = """Data Engineer (m/f/d) at Northwind in Hamburg.

You will build batch and streaming pipelines with Python, Spark and Kafka on AWS, model data with
dbt in Snowflake, and automate infrastructure with Terraform and Kubernetes. You know SQL well and
have worked with Airflow.
"""
