/**
 * `npm run test:html`: every built page through the W3C Nu Html Checker (vnu-jar), in one JVM
 * for all files. Zero errors allowed; warnings are not reported.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { distFiles } from './dist-files.ts';

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

function java(): string {
  const home = process.env['JAVA_HOME'];
  const candidate = home ? join(home, 'bin', 'java') : 'java';
  const probe = spawnSync(candidate, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    process.stderr.write(
      'De HTML-controle heeft Java 11 of nieuwer nodig (Debian: apt-get install default-jre-headless). / ' +
        'The HTML check needs Java 11 or newer (Debian: apt-get install default-jre-headless).\n',
    );
    process.exit(2);
  }
  return candidate;
}

const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');
const pages = distFiles('.html');
const started = Date.now();
const run = spawnSync(java(), ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) throw run.error;
// vnu writes its JSON report to stderr.
const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
const errors = report.messages.filter((m) => m.type !== 'info');
for (const m of errors) {
  const file = m.url ? relative(process.cwd(), new URL(m.url).pathname) : '?';
  process.stdout.write(
    `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}\n`,
  );
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (errors.length > 0) {
  process.stdout.write(`\n${errors.length} HTML-fout(en) in ${new Set(errors.map((m) => m.url)).size} van ${pages.length} pagina's (${seconds} s).\n`);
  process.exit(1);
}
process.stdout.write(`HTML: ${pages.length} pagina's zonder fouten (Nu Html Checker, ${seconds} s).\n`);
