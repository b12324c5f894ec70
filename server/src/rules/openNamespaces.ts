/**
 * Prefixes under which Spark, its plugins or the user's own code define keys freely
 * (Hadoop pass-through, environment variables, catalogs, connectors), so an unlisted key is not a typo.
 */
export const OPEN_SPARK_NAMESPACES: readonly string[] = [
  'spark.hadoop.',
  'spark.hive.',
  'spark.executorEnv.',
  'spark.yarn.appMasterEnv.',
  'spark.yarn.executorEnv.',
  'spark.sql.catalog.',
  'spark.metrics.conf.',
  'spark.ssl.',
  'spark.rapids.',
  'spark.databricks.',
  'spark.delta.',
  'spark.sql.iceberg.',
  'spark.cassandra.',
  'spark.mongodb.',
  'spark.es.',
  'spark.openlineage.',
  'spark.datasource.',
  'spark.emr.',
  'spark.kubernetes.',
  'spark.driver.resource.',
  'spark.executor.resource.',
  'spark.task.resource.',
  'spark.yarn.tags',
];

export function inOpenNamespace(key: string): boolean {
  return OPEN_SPARK_NAMESPACES.some((prefix) => key.startsWith(prefix));
}
