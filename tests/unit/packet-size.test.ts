/**
 * Review 14 F8: a frame over MAX_PACKET_BYTES closes the socket without a Dutch answer. The chat's own
 * screens can never send one: the composers stop at MAX_MESSAGE_LENGTH characters and the handover note
 * at MAX_HANDOVER_NOTE_LENGTH, and even the costliest characters in JSON (a control character or a lone
 * surrogate, escaped as \uXXXX: 6 bytes) keep the largest such packet under the limit. Only a hand-made
 * client can hit it, and that gets no Dutch sentence. This test keeps the promise when a limit changes.
 */
import { Encoder, PacketType } from 'socket.io-parser';
import { describe, expect, test } from 'vitest';
import { MAX_HANDOVER_NOTE_LENGTH, MAX_MESSAGE_LENGTH, MAX_PACKET_BYTES } from '../../shared/protocol/limits.ts';
import { checkComposer } from '../../src/lib/chat-format.ts';

/** Bytes on the wire of an event with an acknowledgement, as socket.io-client encodes it. */
function packetBytes(nsp: string, data: unknown[]): number {
  const packets: unknown[] = new Encoder().encode({ type: PacketType.EVENT, nsp, id: 999_999, data });
  return Buffer.byteLength(String(packets[0]), 'utf8');
}

const ID = 'A'.repeat(64);
const costliest = ['\u0000', '\uD800', '😀', '€'];

describe('the largest message the screens allow fits in one packet', () => {
  test('the measure is real: the 20,000-character message of the review does not fit', () => {
    expect(packetBytes('/jongeren', ['message:send', { text: 'a'.repeat(20_000) }])).toBeGreaterThan(MAX_PACKET_BYTES);
  });

  test.each(costliest)('a message of %j up to the composer limit', (ch) => {
    const longest = ch.repeat(MAX_MESSAGE_LENGTH);
    // The composer counts code points: this is the most it lets through.
    const text = Array.from(longest).slice(0, MAX_MESSAGE_LENGTH).join('');
    expect(checkComposer(text, MAX_MESSAGE_LENGTH).tooLong).toBe(false);
    expect(packetBytes('/jongeren', ['message:send', { text, clientId: ID }])).toBeLessThan(MAX_PACKET_BYTES);
    expect(packetBytes('/medewerkers', ['message:send', { conversationId: ID, text, clientId: ID }])).toBeLessThan(MAX_PACKET_BYTES);
  });

  test.each(costliest)('a handover note of %j up to its limit', (ch) => {
    const note = Array.from(ch.repeat(MAX_HANDOVER_NOTE_LENGTH)).slice(0, MAX_HANDOVER_NOTE_LENGTH).join('');
    expect(packetBytes('/medewerkers', ['conversation:transfer', { conversationId: ID, to: 'x'.repeat(40), note }])).toBeLessThan(MAX_PACKET_BYTES);
  });
});
