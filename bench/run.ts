/**
 * `npm run bench`: every benchmark, bounded in time and count, against 127.0.0.1 only.
 * `npm run bench -- site` or `-- chat` runs one part.
 */
import { fileURLToPath } from 'node:url';
import { runSiteBench } from './site.ts';
import { writeResults } from './report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv[2];
const results: Record<string, unknown> = {};

if (!only || only === 'site') results['site'] = await runSiteBench(root);

const file = writeResults(root, 'latest', results);
process.stdout.write(`\nResults written to ${file}\n`);
