/**
 * socket.io-client types the answers of `socket.timeout(ms)` loosely: `emitWithAck` resolves to `any`, and an
 * `emit` callback's error looks always present (it is null when the answer came in time). So the islands pass
 * `err: Error | null` to `emit`, and wait for an answer with `ackWithin`, which the event map checks:
 *
 *   const ack = await ackWithin<Ack<{ id: string; seq: number }>>((done) => s.timeout(ms).emit('message:send', payload, done));
 *
 * It rejects when no answer came in time, as `emitWithAck` does.
 */
export function ackWithin<T>(emit: (done: (err: Error | null, answer: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    emit((err, answer) => {
      if (err) reject(err);
      else resolve(answer);
    });
  });
}
