import { z } from 'zod';

/**
 * Minimal sociale-kaart entry. The sociale-kaart work replaces this with the full HSDS 3.0 shape;
 * pages only rely on `name`, `description` and `url`.
 */
export const organisationSchema = z.object({
  name: z.string().min(2),
  description: z.string().min(10),
  url: z.url().optional(),
});
