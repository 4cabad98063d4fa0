"""gsm_nightly: the nightly flow of the batch layer, rankings -> insights -> publish.

The same steps, under the same names, as the local Spring Batch job `gsm batch nightly`
(orchestration/src/main/java/dev/gsm/orchestration/jobs/NightlyJob.java). Triggered on schedule, or
by `gsm airflow trigger-nightly` through the REST API with conf {"season", "data_root", "night"}.

- rankings, insights: Spark jobs of batch-jobs through spark-submit (EMR Serverless or any cluster
  reachable from the worker). Each is a pure function of the master dataset up to its watermark:
  a retry writes the same version, so retries are safe.
- publish: the Spring Batch publish job (orchestration module): the current leaderboards version
  into DynamoDB global-rankings and a ready Redis generation. It has its own job repository, so a
  retry continues after the last committed chunk.

Airflow Variables: gsm_data_root, gsm_season, gsm_spark_jar, gsm_orchestration_cp, gsm_job_repo,
gsm_redis_url, gsm_spark_submit_args.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

DAG_ID = "gsm_nightly"

# conf of a triggered run wins over the Variables; `night` defaults to the run's logical date.
SEASON = "{{ dag_run.conf.get('season') or var.value.gsm_season }}"
DATA_ROOT = "{{ dag_run.conf.get('data_root') or var.value.gsm_data_root }}"
NIGHT = "{{ dag_run.conf.get('night') or ds }}"

SPARK_STEP = (
    "spark-submit {{ var.value.get('gsm_spark_submit_args', '') }} "
    "--class dev.gsm.batch.cli.GsmBatchCli {{ var.value.gsm_spark_jar }} "
    "batch {step} --data-root " + DATA_ROOT + " --season " + SEASON
)

PUBLISH = (
    "java -cp {{ var.value.gsm_orchestration_cp }} dev.gsm.orchestration.cli.GsmOrchestrateCli "
    "publish --data-root " + DATA_ROOT + " --season " + SEASON + " "
    "--job-repo {{ var.value.gsm_job_repo }} --redis-url {{ var.value.gsm_redis_url }}"
)

default_args = {
    "owner": "gsm",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    "depends_on_past": False,
}

with DAG(
    dag_id=DAG_ID,
    description="gsm nightly batch: rankings -> insights -> publish",
    schedule="0 2 * * *",  # 02:00 UTC, after the archiver's last checkpoint of the day
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,  # two nights must never publish at once
    default_args=default_args,
    tags=["gsm", "batch"],
    doc_md=__doc__,
) as dag:
    rankings = BashOperator(
        task_id="rankings",
        bash_command=SPARK_STEP.format(step="rankings"),
        execution_timeout=timedelta(hours=2),
        sla=timedelta(hours=2),
    )
    insights = BashOperator(
        task_id="insights",
        bash_command=SPARK_STEP.format(step="insights"),
        execution_timeout=timedelta(hours=2),
        sla=timedelta(hours=3),
    )
    publish = BashOperator(
        task_id="publish",
        bash_command=PUBLISH,
        execution_timeout=timedelta(hours=1),
        # The serving stores must hold the night's views by 05:00 UTC.
        sla=timedelta(hours=3),
        env={"GSM_NIGHT": NIGHT},
        append_env=True,
    )

    rankings >> insights >> publish
