// The Model Context Protocol face of the engine: the tools check, size and explain over the official SDK's Server.
// The low-level Server with JSON Schemas (checked by ajv, which the engine bundles anyway) instead of McpServer with
// zod keeps the SDK's share of the package small: McpServer pulls in two zod versions and their locales (~450 KB).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { version } from '../../../package.json';
import { CHECK_INPUT, EXPLAIN_INPUT, SIZE_INPUT } from './schemas';
import { checkTool, explainTool, sizeTool, ToolInputError, type CheckInput, type SizeInput } from './tools';

interface ToolDefinition {
  tool: Tool;
  validate: ValidateFunction;
  run(args: Record<string, unknown>): CallToolResult;
}

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

function jsonResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: JSON.parse(text) as Record<string, unknown> };
}

function errorResult(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

function argumentProblem(error: ErrorObject | undefined): string {
  if (!error) return 'rejected';
  if (error.keyword === 'additionalProperties' && error.instancePath === '') return `unknown argument "${String(error.params.additionalProperty)}"`;
  return `${error.instancePath || 'arguments'} ${error.message}`;
}

function toolDefinitions(ruleDocs: Readonly<Record<string, string>>): ToolDefinition[] {
  const ajv = new Ajv({ allErrors: false, strict: true });
  const define = (tool: Tool, run: ToolDefinition['run']): ToolDefinition => ({ tool, run, validate: ajv.compile(tool.inputSchema) });
  return [
    define(
      {
        name: 'check',
        title: 'Check an EMR or Spark configuration',
        description:
          'Lints the text of an Amazon EMR configuration JSON (a Configurations array or a cluster request) or a Spark spark-defaults.conf. ' +
          'Returns the JSON of `emr-spark-lint check --format json`: findings with rule IDs, severities, messages, 1-based ranges and fixes as text edits, ' +
          'and the sizing of the cluster. JSON that is not an EMR configuration comes back with "recognized": false and no findings.',
        inputSchema: CHECK_INPUT as unknown as Tool['inputSchema'],
        annotations: READ_ONLY,
      },
      (args) => jsonResult(checkTool(args as unknown as CheckInput)),
    ),
    define(
      {
        name: 'size',
        title: 'Plan Spark executors for an EMR cluster',
        description:
          'Plans Spark executors for an EMR cluster exactly in MiB, from the memory YARN has on each node. Returns the JSON of ' +
          '`emr-spark-lint size --format json`: container size, executors per node, instances, parallelism, the heap split and the spark-defaults properties to set.',
        inputSchema: SIZE_INPUT as unknown as Tool['inputSchema'],
        annotations: READ_ONLY,
      },
      (args) => jsonResult(sizeTool(args as unknown as SizeInput)),
    ),
    define(
      {
        name: 'explain',
        title: 'Explain a rule',
        description: 'Returns the documentation page of a rule (Markdown): what it catches, why it matters, an example and how to fix it.',
        inputSchema: EXPLAIN_INPUT as unknown as Tool['inputSchema'],
        annotations: READ_ONLY,
      },
      (args) => {
        const page = explainTool(args.rule as string, ruleDocs);
        return { content: [{ type: 'text', text: page.text }], structuredContent: { id: page.rule.id, name: page.rule.name, severity: page.rule.severity, url: page.url } };
      },
    ),
  ];
}

/** An MCP server with the tools check, size and explain; `ruleDocs` maps rule IDs to their doc pages. */
export function createMcpServer(ruleDocs: Readonly<Record<string, string>>): Server {
  const server = new Server(
    { name: 'emr-spark-lint', version },
    {
      capabilities: { tools: {} },
      instructions:
        'Checks Amazon EMR configurations and Spark spark-defaults.conf text against Spark, YARN and EMR rules, and sizes Spark executors against the memory ' +
        'YARN has on each EMR node. Call check before submitting a configuration, size to plan executors, explain to read a rule.',
    },
  );
  const tools = toolDefinitions(ruleDocs);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map((t) => t.tool) }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const definition = tools.find((t) => t.tool.name === request.params.name);
    if (!definition) return errorResult(`unknown tool "${request.params.name}"; the tools are ${tools.map((t) => t.tool.name).join(', ')}`);
    const args = request.params.arguments ?? {};
    if (!definition.validate(args)) return errorResult(`invalid arguments for ${definition.tool.name}: ${argumentProblem(definition.validate.errors?.[0])}`);
    try {
      return definition.run(args);
    } catch (error) {
      if (error instanceof ToolInputError) return errorResult(error.message);
      return errorResult(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return server;
}
