/**
 * The settings panels' scenario (ui/useViewless.ts): a change of what is looked at (head, batch
 * item, step, inspected row) keeps it; a change of any setting does not.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';
import { VIEW_FIELDS, viewlessKey } from '../../src/ui/useViewless';

const changed = (patch: Partial<Scenario>) => viewlessKey({ ...DEFAULT_SCENARIO, ...patch }) !== viewlessKey(DEFAULT_SCENARIO);

describe('viewlessKey', () => {
  test('the head, batch item, step and inspected row on screen leave it unchanged', () => {
    expect(changed({ viewBatch: 1, viewHead: 3, step: 'mask', row: 2 })).toBe(false);
  });

  test('every other field of the scenario changes it', () => {
    const others = (Object.keys(DEFAULT_SCENARIO) as (keyof Scenario)[]).filter((k) => !VIEW_FIELDS.includes(k));
    expect(others.length).toBeGreaterThan(20);
    for (const field of others) {
      const value = DEFAULT_SCENARIO[field];
      const other = typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : `${String(value)}x`;
      expect([field, changed({ [field]: other })]).toEqual([field, true]);
    }
  });
});
