/**
 * Preloaded into a real chat node (`node --import tests/support/shifted-clock.ts chat-server/main.ts`)
 * to run it at another time of the week: `Date.now()` starts at CJG_TEST_NOW (ISO 8601) and moves on
 * with real time. Production code is untouched; only this test process's clock is shifted.
 */
const target = Date.parse(process.env['CJG_TEST_NOW'] ?? '');
if (Number.isNaN(target)) throw new Error('CJG_TEST_NOW must be an ISO 8601 instant');
const realNow = Date.now.bind(Date);
const offset = target - realNow();
Date.now = () => realNow() + offset;
