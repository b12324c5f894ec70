/**
 * Node options the language server process is started with (by the VS Code client, the tests and the benchmark).
 * V8 lets its young generation grow to 32 MiB, sized for programs that keep much of what they allocate; this server
 * allocates a syntax tree per keystroke and drops it, so a 1 MiB semi-space costs a few more, cheaper, scavenges
 * and keeps about 30 MiB less resident. --expose-gc lets the server collect when typing pauses (lsp/idleCollector.ts).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--expose-gc'];
