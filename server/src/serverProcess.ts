/**
 * Node options the language server process is started with (by the VS Code client, the tests and the benchmark).
 * V8 lets its young generation grow to 16 MiB a semi-space, sized for programs that keep much of what they allocate;
 * this server allocates a model per keystroke and drops it. 1 MiB kept about 30 MiB less resident, but once the
 * server kept reports across keystrokes (analysis/entryChecks.ts) the many small scavenges took more than the memo
 * saved (1,990-line file: 6-8 ms a keystroke, 4.4-4.9 ms with 16 MiB); 8 MiB gives 4.9 ms at the same resident
 * memory as 1 MiB with the memo. --expose-gc lets the server collect when typing pauses (lsp/idleCollector.ts).
 * --v8-pool-size=1: one helper thread for V8's background work instead of four. Each helper that marks a large heap
 * leaves its own malloc arena behind, which the C library does not give back: after the bench's JSON documents the
 * server stayed 8-15 MiB smaller (127-133 MiB, against 134-148), and keystroke times side by side did not move
 * beyond the noise (2 cores; a heap this small gains little from more marking threads).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=8', '--expose-gc', '--v8-pool-size=1'];
