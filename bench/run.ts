/**
 * `npm run bench`: every benchmark, bounded in time and count, against 127.0.0.1 only.
 * `npm run bench -- site`, `-- search`, `-- chat`, `-- login` or `-- vraag` runs one part; `-- chat --waiting=200 --counsellors=20 --seconds=5`
 * is a quick chat run (see bench/chat.ts).
 */
import { fileURLToPath } from 'node:url';
import { runSiteBench } from './site.ts';
import { runSearchBench } from './search.ts';
import { chatBenchOptions, runChatBench } from './chat.ts';
import { runLoginBench } from './login-burst.ts';
import { writeResults } from './report.ts';
import { runVraagBench, vraagBenchOptions } from './vraag.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv[2];
const results: Record<string, unknown> = {};

if (!only || only === 'site') results['site'] = await runSiteBench(root);
if (!only || only === 'search') results['search'] = await runSearchBench(root);
if (!only || only === 'chat') results['chat'] = await runChatBench(chatBenchOptions(process.argv.slice(3)));
if (!only || only === 'login') results['login'] = await runLoginBench(process.argv.slice(3));
if (!only || only === 'vraag') results['vraag'] = await runVraagBench(vraagBenchOptions(process.argv.slice(3)));

const file = writeResults(root, 'latest', results);
process.stdout.write(`\nResults written to ${file}\n`);
