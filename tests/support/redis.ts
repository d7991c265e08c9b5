/**
 * A throwaway redis-server for tests and benchmarks: 127.0.0.1 on a free port, no disk persistence
 * (`--save '' --appendonly no`), in its own temporary folder. Fails loudly when redis-server is not
 * installed: tests never skip silently (CI installs it, see .ci/run).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';

export interface TestRedis {
  url: string;
  port: number;
  /** Sends one command with a fresh connection (CLIENT PAUSE, FLUSHALL, CONFIG GET …). */
  command(args: string[]): Promise<unknown>;
  stop(): Promise<void>;
}

export const REDIS_SERVER = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export function assertRedisInstalled(): void {
  const check = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) {
    throw new Error(
      `redis-server is needed for the Redis tests but was not found (${REDIS_SERVER}). Install it (Debian: apt-get install redis-server) or set REDIS_SERVER_BIN.`,
    );
  }
}

export async function startRedis(options: { extraArgs?: string[] } = {}): Promise<TestRedis> {
  assertRedisInstalled();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cjg-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...(options.extraArgs ?? [])];
  const child: ChildProcess = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `redis://127.0.0.1:${port}`;

  const command = async (commandArgs: string[]) => {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => {});
    await client.connect();
    try {
      return await client.sendCommand(commandArgs);
    } finally {
      await client.close().catch(() => client.destroy());
    }
  };

  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server stopped at start:\n${output}`);
    try {
      const pong: unknown = await command(['PING']);
      if (pong === 'PONG') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    url,
    port,
    command,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
