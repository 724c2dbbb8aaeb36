/// <reference types="astro/client" />
/**
 * Content collections.
 *
 * The articles live outside `src/`, in the top-level `content/docs/` folder, as two mirrored
 * trees `content/docs/zh-cn/` and `content/docs/en/` with the same file names. Starlight's own
 * `docsLoader()` only reads `src/content/docs/`, so the `docs` collection uses Astro's `glob`
 * loader pointed at `content/docs`; the entry ids (`zh-cn/saddle-points`, `en/index`, …) start
 * with the locale, which is how Starlight assigns each entry to a locale.
 *
 * Files whose name starts with `_` are skipped, as Starlight's loader does, so partials can sit
 * next to articles.
 */
// The reference above gives plain `tsc` the `astro:content` module without a prior `astro sync`.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        /** One sentence on what a scheduler page's class does, shown on its gallery card. */
        summary: z.string().optional(),
      }),
    }),
  }),
};
