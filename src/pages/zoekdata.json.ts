import type { APIRoute } from 'astro';
import { searchData } from '../lib/search-data.ts';

/** Vocabulary, typo targets and suggestions for the searches (see src/lib/search-data.ts). */
export const GET: APIRoute = async () => new Response(JSON.stringify(await searchData()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
