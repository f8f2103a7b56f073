/**
 * 小测验“先预测，再揭晓”（`quiz=1`，issue #12 §2）的中文文本，`quiz.` 命名空间；
 * 键与 quiz.en.ts 相同。Merged as `quiz: quizZh` into zh.ts.
 */
import type { quizEn } from './quiz.en';

export const quizZh: Record<keyof typeof quizEn, string> = {
  title: '小测验：掩码允许哪些格子？',
  intro: '在批次样本 {{batch}}、头 {{head}} 上（{{rows}} 个查询 × {{cols}} 个键），涂出你认为掩码允许的格子，然后按“揭晓”。',
  masks: '掩码：{{masks}}。',
  how: '鼠标：点击或拖动。触屏：点按或拖动。键盘：先聚焦网格；方向键移动，空格键切换，Shift + 方向键延伸。',
  padded_one: '灰色的那一行是填充的查询：不计分。填充的键属于答案的一部分。',
  padded_other: '灰色的 {{count}} 行是填充的查询：不计分。填充的键属于答案的一部分。',
  painted_one: '已涂为允许：{{count}} 个格子',
  painted_other: '已涂为允许：{{count}} 个格子',
  reveal: '揭晓',
  tryAgain: '再试一次',
  clear: '清除',
  answer: '你的答案',
  mask: '掩码',
  cellSaid: '查询 {{query}}（q = {{q}}），键 {{key}}（k = {{k}}）：{{answer}}',
  answerLabel: '你的答案，{{rows}} × {{cols}} 个格子：1 = 允许。方向键移动，空格键切换，Shift + 方向键延伸。',
  scoredLabel: '你的答案（已评分）：✓ 正确，✗ 错误',
  maskLabel: '掩码，{{rows}} × {{cols}} 个格子：1 = 允许',
  right_one: '{{count}} 个格子中答对 {{right}} 个',
  right_other: '{{count}} 个格子中答对 {{right}} 个',
  falseAllowed_one: '{{count}} 个标为允许但实际被屏蔽',
  falseAllowed_other: '{{count}} 个标为允许但实际被屏蔽',
  falseBlocked_one: '{{count}} 个标为屏蔽但实际允许',
  falseBlocked_other: '{{count}} 个标为屏蔽但实际允许',
  score: '{{right}}；{{falseAllowed}}，{{falseBlocked}}',
  allRight: '全部正确！',
  legendAllowed: '你涂为允许',
  legendBlocked: '你留为屏蔽',
  legendRight: '正确',
  legendWrong: '错误（加框）',
  whyAllowed: '为什么查询 {{row}} 可以关注键 {{col}}',
  whyBlocked: '为什么查询 {{row}} 不能关注键 {{col}}',
  whyHint: '指向任一网格中的格子（或点按，或用方向键移到该格），即可查看原因。',
  hidden: '揭晓测验之前隐藏。',
  hiddenPresent: '揭晓测验之前隐藏：测验在“掩码”这一步。',
  pending: '正在计算掩码…',
};
