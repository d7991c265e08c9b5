import { describe, expect, test } from 'vitest';
import { KdfGate } from '../../chat-server/questions/kdf-gate.ts';
import { defined } from '../support/defined.ts';

describe('KDF gate', () => {
  test('runs at most `concurrency` at once, queues `queue` more, and refuses the rest at once', async () => {
    const gate = new KdfGate(2, 1);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<string>((resolve) => {
        running++;
        most = Math.max(most, running);
        releases.push(() => {
          running--;
          resolve('klaar');
        });
      });
    const runs = [gate.run(task), gate.run(task), gate.run(task)];
    expect(await gate.run(task)).toBeNull(); // two running, one waiting: the fourth is refused
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(2);
    defined(releases.shift(), 'a running task')();
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(2); // the waiting one started
    for (const release of releases.splice(0)) release();
    expect(await Promise.all(runs)).toEqual(['klaar', 'klaar', 'klaar']);
    expect(most).toBe(2);
    expect(await gate.run(async () => 'weer')).toBe('weer');
  });
});
