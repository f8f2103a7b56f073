/**
 * The formula of each pipeline step, as TeX for KaTeX, with the scenario's own numbers (dK, τ,
 * c, which mask terms are on). Pure; every formula is checked to typeset in tests/unit.
 * Source: Vaswani et al. 2017, eq. 1 (scaled dot-product attention); Press et al. 2022 (ALiBi);
 * Gemma 2 (soft-capping); DESIGN.md §1 (masking by selection, fully masked rows).
 */
import type { PipelineStep } from '../state/scenario';

/** What the formulas depend on. */
export interface FormulaContext {
  dK: number;
  dV: number;
  /** Softmax temperature τ (1 = standard). */
  temperature: number;
  alibi: boolean;
  /** Soft-cap c; 0 = off. */
  softcap: number;
  /** Keys from another sequence (cross-attention, encoder–decoder). */
  cross: boolean;
  /** The mask's terms that are on. */
  causal: 'bottom-right' | 'top-left' | null;
  /**
   * Bottom-right causal counts this batch item's real lengths and positions (`causallen=real` in a
   * padded batch, issue #11 §3): k̂ ≤ q̂ + Lk_real − Lq_real, positions from the first real token.
   */
  realLengths: boolean;
  keyPadding: boolean;
  /** Extra masks, a custom formula or painted cells are part of the mask. */
  extra: boolean;
  /** The words inside the formulas (\text{…}), in the UI's language. */
  words: FormulaWords;
}

/** Words typeset inside formulas; the UI passes them translated (lesson.words.*). */
export interface FormulaWords {
  token: string;
  target: string;
  source: string;
  notPadding: string;
  otherMasks: string;
  /** Subscript of the real lengths (L_k^real). */
  real: string;
  /** Where q̂, k̂ count from: the first real token. */
  realPositions: string;
}

/** A number for a formula: up to 3 decimals, trailing zeros dropped. */
export function texNumber(x: number): string {
  return String(Number(x.toFixed(3)));
}

/** The TeX of `step`'s formula. */
export function stepFormula(step: PipelineStep, c: FormulaContext): string {
  switch (step) {
    case 'tokens':
      return String.raw`x_i = E[\text{${escapeText(c.words.token)}}_i] + \mathrm{PE}(i)`;
    case 'qkv':
      return c.cross
        ? lines(
          String.raw`Q = X_{\text{${escapeText(c.words.target)}}} W_Q`,
          String.raw`K = X_{\text{${escapeText(c.words.source)}}} W_K,\;\; V = X_{\text{${escapeText(c.words.source)}}} W_V`,
          String.raw`d_K = ${c.dK}`,
        )
        : lines(String.raw`Q = X W_Q`, String.raw`K = X W_K,\;\; V = X W_V`, String.raw`d_K = ${c.dK}`);
    case 'scores':
      return lines(String.raw`S = Q K^{\top}`, String.raw`S_{qk} = \sum_{i=1}^{d_K} Q_{qi}\, K_{ki}`);
    case 'scaled':
      return scaledFormula(c);
    case 'logits':
      return logitsFormula(c);
    case 'mask':
      return maskFormula(c);
    case 'masked':
      return String.raw`\tilde Z_{qk} = \begin{cases} ${logitsOf(c)}_{qk} & M_{qk} = 1 \\ -\infty & M_{qk} = 0 \end{cases}`;
    case 'weights':
      return lines(
        String.raw`A_{qk} = \frac{e^{\tilde Z_{qk} - m_q}}{\sum_{k'} e^{\tilde Z_{qk'} - m_q}}`,
        String.raw`m_q = \max_{k:\,M_{qk}=1} ${logitsOf(c)}_{qk}`,
        String.raw`\textstyle\sum_{k'} M_{qk'} = 0 \;\Rightarrow\; A_{qk} = 0`,
      );
    case 'output':
      return lines(String.raw`O = A V`, String.raw`O_{q} = \sum_{k} A_{qk} V_{k}, \quad d_V = ${c.dV}`);
  }
}

/** The symbol of the logits: Z when a modifier makes them differ from the scaled scores Ŝ, else Ŝ itself. */
function logitsOf(c: FormulaContext): string {
  return c.alibi || c.softcap > 0 ? 'Z' : String.raw`\hat S`;
}

function scaledFormula(c: FormulaContext): string {
  const root = Math.sqrt(c.dK);
  if (c.temperature === 1) {
    return lines(String.raw`\hat S = \frac{Q K^{\top}}{\sqrt{d_K}}`, String.raw`= \frac{S}{\sqrt{${c.dK}}} \approx \frac{S}{${texNumber(root)}}`);
  }
  const tau = texNumber(c.temperature);
  return lines(String.raw`\hat S = \frac{Q K^{\top}}{\tau \sqrt{d_K}}`, String.raw`= \frac{S}{${tau} \cdot \sqrt{${c.dK}}} \approx \frac{S}{${texNumber(c.temperature * root)}}`);
}

function logitsFormula(c: FormulaContext): string {
  const bias = String.raw`\hat S_{qk} - m_h \,\lvert q + L_k - L_q - k \rvert`;
  const cap = texNumber(c.softcap);
  if (c.alibi && c.softcap > 0) return lines(String.raw`Z_{qk} = ${cap} \tanh\!\big(B_{qk} / ${cap}\big)`, String.raw`B_{qk} = ${bias}`);
  if (c.alibi) return lines(String.raw`Z_{qk} = ${bias}`, String.raw`m_h = 2^{-8(h+1)/H}`);
  if (c.softcap > 0) return String.raw`Z = c \tanh(\hat S / c), \quad c = ${cap}`;
  return String.raw`Z = \hat S`;
}

function maskFormula(c: FormulaContext): string {
  const terms: string[] = [];
  if (c.causal === 'bottom-right' && c.realLengths) terms.push(realCausalTerm(c.words.real));
  if (c.causal === 'bottom-right' && !c.realLengths) terms.push(String.raw`[\,k \le q + L_k - L_q\,]`);
  if (c.causal === 'top-left') terms.push(String.raw`[\,k \le q\,]`);
  if (c.keyPadding) terms.push(String.raw`[\,k\ \text{${escapeText(c.words.notPadding)}}\,]`);
  if (c.extra) terms.push(String.raw`[\,\text{${escapeText(c.words.otherMasks)}}\,]`);
  const real = c.causal === 'bottom-right' && c.realLengths;
  const rule = maskRule(terms);
  return real ? lines(rule, String.raw`\hat q, \hat k:\ \text{${escapeText(c.words.realPositions)}}`) : rule;
}

/** M_qk = the terms, one per line joined by ∧. */
function maskRule(terms: string[]): string {
  if (terms.length <= 1) return String.raw`M_{qk} = ${terms[0] ?? '1'}`;
  const [first, ...rest] = terms;
  return String.raw`\begin{aligned} M_{qk} = {} & ${first} ${rest.map((term) => String.raw`\\ \land\; & ${term}`).join(' ')} \end{aligned}`;
}

/** Bottom-right causal over a batch item's real tokens: [ k̂ ≤ q̂ + Lk^real − Lq^real ]. */
function realCausalTerm(real: string): string {
  const sub = String.raw`^{\text{${escapeText(real)}}}`;
  return String.raw`[\,\hat k \le \hat q + L_k${sub} - L_q${sub}\,]`;
}

/** Lines of a formula, centred one under the other (narrow enough for a projector's side column). */
function lines(...parts: string[]): string {
  return String.raw`\begin{gathered} ${parts.join(String.raw` \\ `)} \end{gathered}`;
}

/** Text safe inside \text{…}: TeX's special characters written as text commands. */
export function escapeText(text: string): string {
  const commands: Record<string, string> = { '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };
  return text.replace(/[\\{}$&#^_%~]/g, (ch) => commands[ch] ?? `\\${ch}`);
}
