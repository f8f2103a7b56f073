/**
 * The URL key of each Scenario field and the short tokens of enum values, read from the settings
 * table (settings.ts), on their own so that warnings (warnings.ts) can name a link's limits
 * without importing the codec.
 */

import type { Scenario } from './scenario';
import { SETTING_FIELDS, settingOf } from './settings';

/** The URL key of each Scenario field (short, stable; see docs/url-format.md). */
export const URL_KEYS: Readonly<Record<keyof Scenario, string>> = Object.freeze(
  Object.fromEntries(SETTING_FIELDS.map((field) => [field, settingOf(field).key])) as Record<keyof Scenario, string>,
);

/** Enum values written as a shorter token in the URL: Scenario value → URL token. */
export const TOKENS: Partial<Record<keyof Scenario, ReadonlyMap<string, string>>> = Object.fromEntries(
  SETTING_FIELDS.flatMap((field) => {
    const row = settingOf(field);
    return row.kind === 'enum' && row.tokens ? [[field, new Map(Object.entries(row.tokens))]] : [];
  }),
);
