/**
 * Preloaded into benchmark servers (`node --expose-gc --import ./bench/probe.ts …`): on an IPC
 * message 'probe' it collects garbage and answers with memory and CPU use of this process.
 */
process.on('message', (message) => {
  if (message !== 'probe') return;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  process.send?.({ rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, cpuMs: (cpu.user + cpu.system) / 1000 });
});
process.channel?.unref();
