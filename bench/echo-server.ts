/**
 * The floor for the chat benchmark: a bare Socket.IO server with the chat's path, namespaces and
 * message shape, and nothing else. A `message:send` (with ack) goes out exactly as the chat sends it:
 * to the other side of the pair AND back to the sender's own room (the chat shows every message to
 * both ends, the sender's copy included). No store, no validation, no rate limits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false, cookie: false });
io.engine.on('connection', (raw: { request: unknown }) => {
  raw.request = null;
});
let seq = 0;
io.of('/jongeren').on('connection', (socket) => {
  const pair = (socket.handshake.auth as { pair?: string }).pair ?? '';
  if (pair) void socket.join(`y:${pair}`);
  socket.on('message:send', (payload: { text: string }, ack: (r: unknown) => void) => {
    const message = { seq: ++seq, id: String(seq), at: Date.now(), from: 'youth', text: payload.text };
    io.of('/jongeren').to(`y:${pair}`).emit('message', message);
    io.of('/medewerkers').to(`c:${pair}`).emit('message', { conversationId: pair, message });
    ack({ ok: true, id: message.id, seq: message.seq });
  });
});
io.of('/medewerkers').on('connection', (socket) => {
  const pair = (socket.handshake.auth as { pair?: string }).pair ?? '';
  void socket.join(`c:${pair}`);
  socket.on('message:send', (payload: { conversationId: string; text: string }, ack: (r: unknown) => void) => {
    const message = { seq: ++seq, id: String(seq), at: Date.now(), from: 'counsellor', name: 'Bench', text: payload.text };
    io.of('/jongeren').to(`y:${payload.conversationId}`).emit('message', message);
    io.of('/medewerkers').to(`c:${payload.conversationId}`).emit('message', { conversationId: payload.conversationId, message });
    ack({ ok: true, id: message.id, seq: message.seq });
  });
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ event: 'server.listening', port: (http.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
