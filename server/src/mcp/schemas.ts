// The tools' input schemas: published in tools/list and enforced with ajv before a tool runs.
const text = (description: string) => ({ type: 'string', description }) as const;
const count = (description: string) => ({ type: 'integer', minimum: 1, description }) as const;
const megabytes = (description: string) => ({ type: 'integer', minimum: 1, description }) as const;

export const CHECK_INPUT = {
  type: 'object',
  properties: {
    text: text('The configuration file content.'),
    fileName: text(
      'The file name, which tells the format: *.json (EMR JSON, a cluster request, CloudFormation, EMR on EKS or Serverless), ' +
        '*.yaml or *.yml (the same shapes in YAML), spark-defaults.conf, *.conf or *.properties (Spark properties). It is also the "path" in ' +
        'the report. Without it only JSON is recognised by its content, and the report names the file "input".',
    ),
    release: text('EMR release label (for example emr-7.13.0) for a text without a ReleaseLabel.'),
    instanceType: text('Core node instance type to size against when the text does not describe its cluster (for example r5.12xlarge).'),
    instanceCount: count('Number of core nodes, with instanceType (default 1).'),
    taskInstanceType: text('Task node instance type, with instanceType.'),
    taskInstanceCount: count('Number of task nodes.'),
    rules: {
      type: 'object',
      description: 'Severity per rule ID or name, as in .emrsparkrc.json: off, info, warning or error.',
      additionalProperties: { enum: ['off', 'info', 'warning', 'error'] },
    },
  },
  required: ['text'],
  additionalProperties: false,
} as const;

export const SIZE_INPUT = {
  type: 'object',
  properties: {
    instanceType: text('Core node instance type, for example r5.12xlarge.'),
    instanceCount: count('Number of core nodes (default 1).'),
    taskInstanceType: text('Task node instance type.'),
    taskInstanceCount: count('Number of task nodes.'),
    method: { enum: ['yarn', 'guide'], description: 'yarn (default) fits what YARN has on each node; guide reproduces the published method and says what really fits.' },
    release: text('EMR release label, for example emr-7.13.0.'),
    deployMode: { enum: ['cluster', 'client'], description: 'Where the driver runs (default cluster: in a YARN container).' },
    yarnMemoryMb: megabytes("yarn.nodemanager.resource.memory-mb, when it is not EMR's default for the instance type."),
    maxAllocationMb: megabytes('yarn.scheduler.maximum-allocation-mb.'),
    minAllocationMb: megabytes('yarn.scheduler.minimum-allocation-mb.'),
  },
  required: ['instanceType'],
  additionalProperties: false,
} as const;

export const EXPLAIN_INPUT = {
  type: 'object',
  properties: { rule: text('A rule ID such as SZ002, or its name such as executors-do-not-fit-node.') },
  required: ['rule'],
  additionalProperties: false,
} as const;
