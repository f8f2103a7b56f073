/**
 * The English left on a page in Chinese: every visible text node, the accessible names and
 * tooltips of visible elements (aria-label, title, placeholder, alt) and the document title,
 * reduced to the Latin-script words that are English prose.
 *
 * What is not English prose, by rule rather than by a list of words:
 * - elements that say so: <code>, <kbd>, <pre>, <samp>, KaTeX (.katex), translate="no", an
 *   element whose lang is not Chinese (lang="en": a paper's title, the language picker's
 *   "English"), and what the user typed (<textarea>, <input>);
 * - formulas written as calls, `name(…)` with balanced parentheses (where(mask, logits, −∞),
 *   Attention(Q, K, V)): math, whose words are its symbols;
 * - words shaped as code or symbols: with a digit, `_`, `.` or `/` inside (float32, is_causal,
 *   jax.nn), camelCase (PyTorch, FlashAttention, WebGL, NaN), all capitals (JSON, GPU, SDPA, KV),
 *   and single letters (q, k, b, h, W, P: variables);
 * - authors cited by name: a capitalised word before 等 or "et al." (Press 等，2022);
 * - the words of the text the test typed (token text: the user's own words), and the pad token;
 * - ALLOWED_NAMES below: product and library names that are not shaped as code, the keys of the
 *   keyboard as printed on them, a unit, and the function names of the formula language.
 */
import type { Page } from 'playwright-core';

/** Names that stay in Latin script in Chinese text: each is a product, library, model or formula function. */
export const ALLOWED_NAMES: readonly string[] = [
  'Maskscope', // the app
  'softmax', 'tanh', 'floor', 'abs', 'min', 'max', 'true', 'false', // functions and literals of the formulas
  'Lq', 'Lk', // the query and key lengths
  'Keras', 'Flax', 'Hugging', 'Face', 'Transformers', 'Transformer', 'Longformer', 'Mistral', 'Gemma', 'Llama', // libraries and models
  'Esc', 'Ctrl', 'Shift', 'Enter', 'Space', 'Tab', // keys, as printed on the keyboard
  'ms', // unit
];

/** One piece of English, and where it was found. */
export interface EnglishFound {
  word: string;
  where: string;
}

/**
 * The English words visible on the page now, with where each was found (the element's tag and
 * the start of its text).
 * @param typed the text the test typed (its words are the user's tokens, allowed).
 */
export async function visibleEnglish(page: Page, typed: string): Promise<EnglishFound[]> {
  const pieces = await page.evaluate(() => {
    const SKIP = 'code, kbd, pre, samp, .katex, [translate="no"], textarea, input, script, style, noscript';
    const foreign = (el: Element) => {
      const withLang = el.closest('[lang]');
      return withLang !== null && withLang !== document.documentElement && !withLang.getAttribute('lang')!.startsWith('zh');
    };
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const out: { text: string; where: string }[] = [{ text: document.title, where: 'document.title' }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent ?? '';
      if (!el || !/[A-Za-z]/.test(text) || el.closest(SKIP) || foreign(el) || !shown(el)) continue;
      out.push({ text, where: `${el.tagName.toLowerCase()}: ${text.trim().slice(0, 80)}` });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (el.closest(SKIP) && !el.matches('textarea, input') || foreign(el) || !shown(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const text = el.getAttribute(name);
        if (text && /[A-Za-z]/.test(text)) out.push({ text, where: `${el.tagName.toLowerCase()}@${name}: ${text.slice(0, 80)}` });
      }
    }
    return out;
  });
  const allowed = new Set([...ALLOWED_NAMES, ...(typed.match(/[A-Za-z]+/g) ?? []), 'pad']);
  return pieces.flatMap(({ text, where }) => englishWords(text).filter((w) => !allowed.has(w)).map((word) => ({ word, where })));
}

/** The words of `text` that read as English prose (see the rules above), formulas taken out. */
export function englishWords(text: string): string[] {
  const words = withoutCalls(text).replace(/[A-Z][a-z]+(?: et al\.|(?= 等))/g, ' ').match(/[A-Za-z][\w./#-]*[\w]|[A-Za-z]/g) ?? [];
  return words.filter((word) => !isCodeShaped(word));
}

function isCodeShaped(word: string): boolean {
  return word.length === 1 || /[\d_./#]/.test(word) || /[a-z][A-Z]/.test(word) || /^[A-Z]{2,}s?$/.test(word) || /^[A-Z][a-z]?[A-Z]/.test(word);
}

/** The text with every call `name(…)` (balanced parentheses) replaced by a space. */
function withoutCalls(text: string): string {
  let out = text;
  for (;;) {
    const match = /[A-Za-z_][\w.]*\(/.exec(out);
    if (!match) return out;
    let depth = 0;
    let end = match.index + match[0].length - 1;
    for (; end < out.length; end++) {
      if (out[end] === '(') depth++;
      else if (out[end] === ')' && --depth === 0) break;
    }
    out = `${out.slice(0, match.index)} ${out.slice(end + 1)}`;
  }
}
