// `emr-spark-lint mcp`: the MCP server over stdin/stdout. The rule pages are built into the bundle (see esbuild.mjs),
// so the server reads no file at all.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import ruleDocs from 'emr-spark-config:rule-docs';
import { createMcpServer } from './server';

export async function serveMcpOverStdio(): Promise<void> {
  await createMcpServer(ruleDocs).connect(new StdioServerTransport());
}
