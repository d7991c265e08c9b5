import { describe, expect, test } from 'vitest';
import { chatConfigFromEnv, dataDirFromEnv, defaultChatConfig } from '../../chat-server/config.ts';

describe('chat configuration from the environment', () => {
  test('without variables: the defaults', () => {
    expect(chatConfigFromEnv({})).toEqual(defaultChatConfig());
    expect(dataDirFromEnv('/srv/cjg', {})).toBe('/srv/cjg/data');
    expect(dataDirFromEnv('/srv/cjg', { CJG_DATA_DIR: '/var/lib/cjg' })).toBe('/var/lib/cjg');
  });

  test('each variable sets its own setting, in the unit the README gives', () => {
    const config = chatConfigFromEnv({
      CJG_CHAT_ALWAYS_OPEN: '1',
      CJG_CHAT_QUEUE_CAP: '40',
      CJG_CHAT_RESUME_MINUTES: '3',
      CJG_CHAT_COUNSELLOR_GRACE_SECONDS: '90',
      CJG_CHAT_MAX_PER_COUNSELLOR: '2',
      CJG_CHAT_ORIGINS: ' https://a.example , ,https://b.example',
      CJG_TRUST_PROXY: '1',
      CJG_CHAT_CONNECTIONS_PER_NETWORK: '500',
    });
    expect(config).toMatchObject({
      alwaysOpen: true,
      queueCap: 40,
      resumeWindowMs: 180_000,
      counsellorGraceMs: 90_000,
      maxConversationsPerCounsellor: 2,
      extraOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: 1,
      connectionsPerNetwork: { burst: 500, perSecond: 500 },
    });
    // "0" switches off; a proxy setting must be a number of hops.
    expect(chatConfigFromEnv({ CJG_CHAT_ALWAYS_OPEN: '0', CJG_TRUST_PROXY: '0' })).toMatchObject({ alwaysOpen: false, trustProxy: 0 });
    expect(() => chatConfigFromEnv({ CJG_TRUST_PROXY: 'yes' })).toThrow(/CJG_TRUST_PROXY/);
  });

  test.each([
    ['CJG_CHAT_QUEUE_CAP', 'veel'],
    ['CJG_CHAT_QUEUE_CAP', '0'],
    ['CJG_CHAT_RESUME_MINUTES', '-1'],
    ['CJG_CHAT_COUNSELLOR_GRACE_SECONDS', 'Infinity'],
    ['CJG_CHAT_MAX_PER_COUNSELLOR', 'twee'],
    ['CJG_CHAT_CONNECTIONS_PER_NETWORK', '-3'],
  ])('a bad %s ("%s") is refused with an error naming it', (name, value) => {
    expect(() => chatConfigFromEnv({ [name]: value })).toThrow(name);
  });

  test('an empty variable counts as not set', () => {
    expect(chatConfigFromEnv({ CJG_CHAT_QUEUE_CAP: '' }).queueCap).toBe(defaultChatConfig().queueCap);
  });
});
