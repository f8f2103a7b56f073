/**
 * The quiz's score in words (QuizControls.scoreText), English and Chinese: each kind of mistake is
 * said as what the student did and what the mask does, a kind not made is not named, and a
 * perfect answer says so.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { scoreText } from '../../src/ui/QuizControls';
import { quizKey, scoreQuiz } from '../../src/ui/quizScore';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';

const cells = (rows: string) => Uint8Array.from(rows.replace(/\s+/g, ''), Number);
/** Causal 3 × 3: the lower triangle allowed, no padded query. */
const CAUSAL = quizKey(cells('100 110 111'), 3, 3, [0, 0, 0]);

async function tOf(lng: 'en' | 'zh') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, zh: { translation: zh } }, lng, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as Parameters<typeof scoreText>[1];
}
const say = async (lng: 'en' | 'zh', answer: string) => scoreText(scoreQuiz(cells(answer), CAUSAL), await tOf(lng));

describe('scoreText', () => {
  it('both kinds of mistake: the painted-allowed ones first, each with its own count and verb agreement', async () => {
    // (0,1) painted allowed but blocked; (2,0), (2,1) left blocked but allowed
    expect(await say('en', '110 110 001')).toBe('6 of 9 cells right; 1 you painted allowed is blocked by the mask, 2 you left blocked are allowed by the mask');
    expect(await say('zh', '110 110 001')).toBe('9 个格子中答对 6 个；1 个你标为允许的格子被掩码屏蔽，2 个你留作屏蔽的格子被掩码允许');
  });

  it('one kind only: the other is not named (no "0 … are …")', async () => {
    expect(await say('en', '111 111 111')).toBe('6 of 9 cells right; 3 you painted allowed are blocked by the mask');
    expect(await say('en', '000 000 000')).toBe('3 of 9 cells right; 6 you left blocked are allowed by the mask');
    expect(await say('zh', '000 000 000')).not.toContain('0 个');
  });

  it('no mistake: the count and "All right!"', async () => {
    expect(await say('en', '100 110 111')).toBe('9 of 9 cells right. All right!');
    expect(await say('zh', '100 110 111')).toBe('9 个格子中答对 9 个。全部正确！');
  });
});
