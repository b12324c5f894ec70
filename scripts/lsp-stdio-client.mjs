// A minimal LSP client over stdio for the benchmark: starts any language server as a command, frames JSON-RPC with
// Content-Length headers, matches answers to requests, waits for notifications, and answers the requests servers
// send their client (workspace/configuration by section, registrations, refreshes) as an editor would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export class LspClient {
  /**
   * @param {string[]} command the program and its arguments
   * @param {{ configuration?: (section: string | undefined) => unknown, cwd?: string }} options
   */
  constructor(command, { configuration = () => null, cwd } = {}) {
    this.configuration = configuration;
    this.child = spawn(command[0], command.slice(1), { stdio: 'pipe', cwd });
    this.pid = this.child.pid;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.stderr = '';
    this.exited = null;
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code) => {
      this.exited = code ?? -1;
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code}): ${this.stderr.slice(-500)}`));
      this.pending.clear();
    });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The params of the next notification `method` that matches `predicate` (notifications are not kept otherwise). */
  waitFor(method, predicate = () => true, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const waiter = { method, predicate, resolve };
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

  receive(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      const length = Number(match?.[1] ?? 0);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      let result = null;
      if (message.method === 'workspace/configuration') result = message.params.items.map((item) => this.configuration(item.section) ?? null);
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    const waiter = this.waiters.find((w) => w.method === message.method && w.predicate(message.params));
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(message.params);
    }
  }

  /** Resident memory of the server process now, and its peak (MiB), from /proc. */
  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
  }

  /** CPU time the server process has used so far (user + system, ms), from /proc. */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  async shutdown() {
    if (this.exited === null) {
      await Promise.race([this.request('shutdown', null).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    }
    await new Promise((resolve) => {
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
