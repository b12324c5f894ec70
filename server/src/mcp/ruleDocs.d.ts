// Provided by esbuild.mjs at build time: every docs/rules/<ID>.md, keyed by rule ID.
declare module 'emr-spark-config:rule-docs' {
  const docs: Readonly<Record<string, string>>;
  export default docs;
}
