/**
 * A real chat node as a child process (`node chat-server/main.ts`, the same Node as the tests),
 * on 127.0.0.1 and a free port, optionally on Redis. Used by the failover tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ChatNode {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every log line so far (JSON, privacy-safe by construction). */
  logs: string[];
  /** SIGKILL: no goodbye, no disconnect handlers, like a crashed machine. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChatNodeOptions {
  dataDir: string;
  redisUrl?: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Script to run instead of chat-server/main.ts (benchmark servers). */
  script?: string;
  /** Open an IPC channel (the benchmark's memory/CPU probe answers on it). */
  ipc?: boolean;
}

export async function startChatNode(options: ChatNodeOptions): Promise<ChatNode> {
  const distDir = mkdtempSync(join(tmpdir(), 'cjg-node-dist-'));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? join(root, 'chat-server', 'main.ts')], {
    cwd: root,
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CJG_SKIP_BUILD: '1',
      CJG_DIST_DIR: distDir,
      CJG_DATA_DIR: options.dataDir,
      CJG_CHAT_ALWAYS_OPEN: '1',
      // A throwaway "Stel je vraag" server key, so no node writes secrets/vragen.key into the repository.
      CJG_QUESTIONS_KEY: randomBytes(32).toString('base64'),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    },
  });
  const logs: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chat node did not start within 15 s:\n${logs.join('\n')}\n${stderr}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        logs.push(line);
        const parsed = JSON.parse(line) as { event?: string; port?: number };
        if (parsed.event === 'server.listening' && parsed.port) {
          clearTimeout(timer);
          resolve(parsed.port);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chat node exited (${code}) before listening:\n${logs.join('\n')}\n${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    logs,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
