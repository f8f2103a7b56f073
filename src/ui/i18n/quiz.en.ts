/**
 * English strings of the quiz, predict then reveal (`quiz=1`, issue #12 §2), the `quiz.`
 * namespace: QuizPanel.tsx, QuizBoard.tsx, QuizControls.tsx and the covers of the hidden stages.
 * Merged as `quiz: quizEn` into en.ts; keys shared with quiz.zh.ts.
 */
export const quizEn = {
  title: 'Quiz: which cells does the mask allow?',
  intro: 'Paint the cells you think the mask allows, for batch item {{batch}}, head {{head}} ({{rows}} queries × {{cols}} keys), then press Reveal.',
  how: 'Mouse: click or drag. Touch: tap or drag. Keyboard: focus the grid; arrow keys move, Space toggles, Shift + arrows extend.',
  padded_one: 'The greyed row is a padded query: it is not scored. Padded keys are part of the answer.',
  padded_other: 'The {{count}} greyed rows are padded queries: they are not scored. Padded keys are part of the answer.',
  painted_one: '{{count}} cell painted allowed',
  painted_other: '{{count}} cells painted allowed',
  reveal: 'Reveal',
  tryAgain: 'Try again',
  clear: 'Clear',
  answer: 'Your answer',
  mask: 'The mask',
  answerLabel: 'Your answer, {{rows}} × {{cols}} cells: 1 = allowed. Arrow keys move, Space toggles, Shift + arrows extend.',
  scoredLabel: 'Your answer, scored: ✓ right, ✗ wrong',
  maskLabel: 'The mask, {{rows}} × {{cols}} cells: 1 = allowed',
  right_one: '{{right}} of {{count}} cell right',
  right_other: '{{right}} of {{count}} cells right',
  falseAllowed_one: '{{count}} allowed that is blocked',
  falseAllowed_other: '{{count}} allowed that are blocked',
  falseBlocked_one: '{{count}} blocked that is allowed',
  falseBlocked_other: '{{count}} blocked that are allowed',
  score: '{{right}}; {{falseAllowed}}, {{falseBlocked}}',
  allRight: 'All right!',
  legendAllowed: 'you painted allowed',
  legendBlocked: 'you left blocked',
  legendRight: 'right',
  legendWrong: 'wrong (outlined)',
  whyAllowed: 'Why query {{row}} may attend key {{col}}',
  whyBlocked: 'Why query {{row}} may not attend key {{col}}',
  whyHint: 'Point at a cell of either grid (or tap it, or move to it with the arrow keys) to see why.',
  hidden: 'Hidden until the quiz is revealed.',
  pending: 'The mask is being computed…',
};
