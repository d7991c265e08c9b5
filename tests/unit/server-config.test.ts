import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigError, ENV_NAMES, chatConfigFromEnv, readEnv, serverConfigFromEnv, unknownEnvNames } from '../../chat-server/config.ts';
import { DEFAULT_RETENTION_DAYS } from '../../chat-server/indicators/recorder.ts';
import { DEFAULT_QUEUE_CAP } from '../../shared/protocol/limits.ts';

/** Variable names in the first column of the README's `| variable | default | what |` tables. */
function readmeVariables(): Set<string> {
  const names = new Set<string>();
  let inTable = false;
  for (const line of readFileSync('README.md', 'utf8').split('\n')) {
    if (/^\| variable \|/.test(line)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable) {
      const first = line.split('|')[1] ?? '';
      for (const [, name] of first.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(name);
    }
  }
  return names;
}

describe('server configuration', () => {
  test('the README documents exactly the variables the server reads', () => {
    const documented = readmeVariables();
    expect(
      [...documented].filter((name) => !ENV_NAMES.includes(name as never)),
      'in the README, not read by chat-server/config.ts',
    ).toEqual([]);
    expect(
      ENV_NAMES.filter((name) => !documented.has(name)),
      'read by chat-server/config.ts, missing in the README',
    ).toEqual([]);
    expect(ENV_NAMES).toEqual(expect.arrayContaining(['PORT', 'HOST', 'REDIS_URL', 'CJG_SKIP_BUILD', 'CJG_DIST_DIR']));
  });

  test('nothing set: the defaults', () => {
    const config = serverConfigFromEnv('/srv/cjg', {});
    expect(config).toMatchObject({ port: 4321, host: '0.0.0.0', distDir: undefined, skipBuild: false, dataDir: '/srv/cjg/data', redis: null });
    expect(config.chat.queueCap).toBe(DEFAULT_QUEUE_CAP);
    expect(config.chat.alwaysOpen).toBe(false);
    expect(config.indicators.retentionDays).toBe(DEFAULT_RETENTION_DAYS);
    // Empty is the same as unset (a `.env` line `CJG_CHAT_QUEUE_CAP=`).
    expect(chatConfigFromEnv({ CJG_CHAT_QUEUE_CAP: '' }).queueCap).toBe(DEFAULT_QUEUE_CAP);
  });

  test('values as an operator writes them', () => {
    const config = serverConfigFromEnv('/srv/cjg', {
      PORT: '8080',
      CJG_SKIP_BUILD: '1',
      CJG_DIST_DIR: '/var/www/cjg',
      CJG_CHAT_ALWAYS_OPEN: 'true',
      CJG_CHAT_QUEUE_CAP: '25',
      CJG_CHAT_RESUME_MINUTES: '2.5',
      CJG_CHAT_ORIGINS: 'https://cjg.example.nl, https://www.cjg.example.nl ,',
      CJG_TRUST_PROXY: '2',
      CJG_INDICATORS_RETENTION_DAYS: '365',
      REDIS_URL: 'rediss://chat:geheim@10.0.0.5:6380',
      CJG_REDIS_STREAM_MAX_AGE_SECONDS: '30',
    });
    expect(config).toMatchObject({ port: 8080, skipBuild: true, distDir: '/var/www/cjg' });
    expect(config.chat).toMatchObject({ alwaysOpen: true, queueCap: 25, resumeWindowMs: 150_000, trustProxy: 2 });
    expect(config.chat.extraOrigins).toEqual(['https://cjg.example.nl', 'https://www.cjg.example.nl']);
    expect(config.indicators.retentionDays).toBe(365);
    expect(config.redis).toMatchObject({ url: 'rediss://chat:geheim@10.0.0.5:6380', prefix: 'cjg:', streamMaxAgeMs: 30_000, streamMaxLen: 2000 });
  });

  test.each([
    ['CJG_CHAT_QUEUE_CAP', 'veertig', /CJG_CHAT_QUEUE_CAP moet een positief getal zijn \(nu: "veertig"\)\. \/ CJG_CHAT_QUEUE_CAP must be a positive number/],
    ['CJG_CHAT_QUEUE_CAP', '-5', /CJG_CHAT_QUEUE_CAP moet een positief getal/],
    ['CJG_CHAT_QUEUE_CAP', 'Infinity', /CJG_CHAT_QUEUE_CAP moet een positief getal/],
    ['CJG_CHAT_RESUME_MINUTES', '0', /CJG_CHAT_RESUME_MINUTES moet een positief getal/],
    ['CJG_INDICATORS_RETENTION_DAYS', 'twee jaar', /CJG_INDICATORS_RETENTION_DAYS moet een heel aantal dagen zijn.*"twee jaar"/],
    ['CJG_INDICATORS_RETENTION_DAYS', '1.5', /CJG_INDICATORS_RETENTION_DAYS moet een heel aantal dagen/],
    [
      'CJG_CHAT_ALWAYS_OPEN',
      'ja',
      /CJG_CHAT_ALWAYS_OPEN moet 1 \(aan\) of 0 \(uit\) zijn \(nu: "ja"\)\. \/ CJG_CHAT_ALWAYS_OPEN must be 1 \(on\) or 0 \(off\)/,
    ],
    ['PORT', '80a', /PORT moet een poortnummer zijn/],
    ['PORT', '70000', /PORT moet een poortnummer zijn/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL moet een redis:\/\/- of rediss:\/\/-adres zijn/],
    ['CJG_CHAT_QUEUE_CAP', '<script>alert(1)</script>', /CJG_CHAT_QUEUE_CAP moet een positief getal zijn \(nu: "<script>alert\(1\)<\/script>"\)/],
  ])('%s=%s stops the server with a message naming it', (name, value, message) => {
    expect(() => readEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => serverConfigFromEnv('/srv', { [name]: value })).toThrow(message);
  });

  test('every bad variable is named at once, one line each', () => {
    const error = (() => {
      try {
        readEnv({ CJG_CHAT_QUEUE_CAP: 'x', CJG_TRUST_PROXY: 'yes', CJG_REDIS_TIMEOUT_MS: '' });
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    expect(error?.message.split('\n')).toHaveLength(2);
    expect(error?.message).toMatch(/CJG_CHAT_QUEUE_CAP[\s\S]*CJG_TRUST_PROXY/);
  });

  test('a misspelt CJG_ variable is reported, other variables are not', () => {
    expect(unknownEnvNames({ CJG_CHAT_QUE_CAP: '10', CJG_CHAT_QUEUE_CAP: '10', PATH: '/bin', E2E_PORT: '1' })).toEqual(['CJG_CHAT_QUE_CAP']);
  });
});
