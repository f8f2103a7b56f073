import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { TFunction } from 'i18next';
import i18next from '../../src/ui/i18n';
import { en } from '../../src/ui/i18n/en';
import { memoKey, memoT } from '../../src/ui/i18n/memoT';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
const plainKeys = [...new Set(keys(en).map((k) => k.replace(/_(one|other|zero|two|few|many)$/, '')))];

describe('memoKey', () => {
  it('keeps a call with plain options, each option name and type in its key', () => {
    expect(memoKey('a.b', undefined, -1)).toBe('a.b');
    expect(memoKey('a.b', { count: 3 }, 0)).not.toBe(memoKey('a.b', { count: '3' }, 0));
    expect(memoKey('a.b', { count: 3 }, 0)).not.toBe(memoKey('a.b', { total: 3 }, 0));
    expect(memoKey('a.b', { count: 3 }, 0)).not.toBe(memoKey('a.b', undefined, -1));
    expect(memoKey('a.b', 'default', 0)).not.toBe(memoKey('a.b', undefined, -1));
  });

  it('refuses array keys, object or function options, returnObjects and extra arguments', () => {
    expect(memoKey(['a', 'b'], undefined, -1)).toBeNull();
    expect(memoKey('a', { name: { x: 1 } }, 0)).toBeNull();
    expect(memoKey('a', { fn: () => 1 }, 0)).toBeNull();
    expect(memoKey('a', { returnObjects: true }, 0)).toBeNull();
    expect(memoKey('a', 'default', 1)).toBeNull();
  });
});

describe('memoT', () => {
  for (const lng of ['en', 'zh']) {
    it(`gives the same strings as i18next's t in ${lng}, for every key, with and without a count`, () => {
      const t = i18next.getFixedT(lng);
      const memo = memoT(t, lng);
      fc.assert(
        fc.property(fc.constantFrom(...plainKeys), fc.option(fc.integer({ min: 0, max: 20 })), fc.string({ maxLength: 6 }), (key, count, name) => {
          const options = count === null ? undefined : { count, name };
          const expected = t(key, options as never);
          expect(memo(key, options as never)).toBe(expected);
          expect(memo(key, options as never)).toBe(expected); // from the cache
        }),
        { numRuns: 300 },
      );
    });
  }

  it('asks i18next once per distinct call and language; other calls always go through', () => {
    const base = i18next.getFixedT('en');
    const spy = vi.fn((...args: unknown[]) => (base as unknown as (...a: unknown[]) => unknown)(...args));
    const memo = memoT(spy as unknown as TFunction, 'en-test');
    memo('app.title');
    memo('app.title');
    memo('input.moreTokens', { count: 4 });
    memo('input.moreTokens', { count: 4 });
    expect(memo('input.moreTokens', { count: 5 })).toBe('… and 5 more');
    expect(spy).toHaveBeenCalledTimes(3);
    memo('app.title', { returnObjects: true } as never);
    memo('app.title', { returnObjects: true } as never);
    expect(spy).toHaveBeenCalledTimes(5);
    const zh = memoT(i18next.getFixedT('zh'), 'zh-test');
    expect(zh('input.moreTokens', { count: 4 })).toBe(i18next.getFixedT('zh')('input.moreTokens', { count: 4 }));
    expect(zh('input.moreTokens', { count: 4 })).not.toBe(memo('input.moreTokens', { count: 4 }));
  });
});
