/**
 * Node options the language server process is started with (by the VS Code client, the tests and the benchmark).
 * V8 lets its young generation grow to 16 MiB a semi-space, sized for programs that keep much of what they allocate;
 * this server allocates a model per keystroke and drops it. 1 MiB kept about 30 MiB less resident, but once the
 * server kept reports across keystrokes (analysis/entryChecks.ts) the many small scavenges took more than the memo
 * saved (1,990-line file: 6-8 ms a keystroke, 4.4-4.9 ms with 16 MiB). Since the server collects its young
 * generation in the pause after each answer (lsp/idleCollector.ts), a keystroke rarely fills it, and 4 MiB costs
 * nothing on that file against 8 while keeping 10-12 MiB less resident (side by side, twice); the 20,506-line file's
 * median rose 6 %, and 2 MiB made it 20 % slower. --expose-gc lets the server collect when typing pauses.
 * --v8-pool-size=1: one helper thread for V8's background work instead of four. Each helper that marks a large heap
 * leaves its own malloc arena behind, which the C library does not give back: after the bench's JSON documents the
 * server stayed 8-15 MiB smaller (127-133 MiB, against 134-148), and keystroke times side by side did not move
 * beyond the noise (2 cores; a heap this small gains little from more marking threads).
 * --compact-on-every-full-gc: the model entries kept across keystrokes (formats/shapes/configurations.ts) live among
 * the dead models of earlier keystrokes, and V8 compacts only the emptiest pages, so the old space stayed a quarter
 * larger than what was live (53 MiB for 40). Compacting every full collection kept it to what is live: 16-22 MiB less
 * resident after the bench documents. The cost, side by side in three runs: on the 1,990-line file the keystroke
 * median rose 0-8 % and the p95 by 1-2.5 ms (to 11.3-14.5 ms), as a compaction lengthens the full collections
 * that typing sets off; on the 20,506-line file neither rose.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4', '--expose-gc', '--v8-pool-size=1', '--compact-on-every-full-gc'];
