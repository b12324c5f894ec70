// A small LSP client over stdio for tests: Content-Length framing, requests with ids, notifications,
// and answers to the requests the server sends (configuration, registration, applyEdit).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_NODE_OPTIONS } from '../../server/src/serverProcess';
import { repoRoot } from '../helpers';

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

export interface HarnessOptions {
  /** Client capabilities; push diagnostics unless textDocument.diagnostic is given. */
  capabilities?: Record<string, unknown>;
  rootUri?: string | null;
  /** The `emrSpark` settings the server gets when it asks for them. */
  settings?: unknown;
}

export class LspHarness {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiters: { method: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly appliedEdits: unknown[] = [];
  stderr = '';
  settings: unknown;
  exited: number | null = null;

  constructor(private readonly options: HarnessOptions = {}) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code) => (this.exited = code ?? -1));
  }

  async initialize(): Promise<Record<string, unknown>> {
    const result = (await this.request('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      workspaceFolders: this.options.rootUri ? [{ uri: this.options.rootUri, name: 'root' }] : null,
      capabilities: this.options.capabilities ?? { workspace: { configuration: true } },
    })) as Record<string, unknown>;
    this.notify('initialized', {});
    return result;
  }

  writeRaw(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  /** The server's process id (to read its memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the params of the next notification (already received or to come) matching the predicate. */
  waitFor<T = unknown>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    const seen = this.notifications.find((n) => n.method === method && predicate(n.params as T));
    if (seen) {
      this.notifications.splice(this.notifications.indexOf(seen), 1);
      return Promise.resolve(seen.params as T);
    }
    return new Promise<T>((resolve, reject) => {
      const waiter = { method, predicate: predicate as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void };
      this.waiters.push(waiter);
      setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          reject(new Error(`no ${method} within ${timeoutMs} ms`));
        }
      }, timeoutMs).unref();
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      const length = Number(match?.[1] ?? 0);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id as number);
      this.pending.delete(message.id as number);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
      return;
    }
    if (message.id !== undefined && message.method) {
      let result: unknown = null;
      if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: unknown[] }).items;
        result = items.map(() => this.settings);
      } else if (message.method === 'workspace/applyEdit') {
        this.appliedEdits.push((message.params as { edit: unknown }).edit);
        result = { applied: true };
      }
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method) {
      const waiter = this.waiters.find((w) => w.method === message.method && w.predicate(message.params));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message.params);
      } else this.notifications.push({ method: message.method, params: message.params });
    }
  }

  async shutdown(): Promise<void> {
    if (this.exited === null) {
      await this.request('shutdown', null).catch(() => undefined);
      this.notify('exit', null);
    }
    await new Promise<void>((resolve) => {
      if (this.exited !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  message: string;
  severity?: number;
  source?: string;
  codeDescription?: { href: string };
  relatedInformation?: unknown[];
  data?: unknown;
}

export function label(d: Diag): string {
  return `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
}

/** Applies LSP text edits (line/character ranges) to a text. */
export function applyLspEdits(text: string, edits: { range: Diag['range']; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
