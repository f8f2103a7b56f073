/**
 * "Why is this cell blocked?": the mask's composition evaluated at the hovered cell, as a small
 * tree — AND / OR / NOT nodes and the labelled terms, each with its value at the cell — showing
 * only the terms that decide the outcome, the blocking ones highlighted. Leaves show their formula.
 */
import { useT } from './i18n/useT';
import type { CellExplanation, ExplainedNode } from '../engine/mask';

export function WhyTree({ explanation }: { explanation: CellExplanation }) {
  return (
    <ul className="why-tree" data-testid="why-tree">
      <WhyNode node={explanation.tree} />
    </ul>
  );
}

function WhyNode({ node }: { node: ExplainedNode }) {
  const { t } = useT();
  const { expr } = node;
  // Table cells are numbers used as truth values (≠ 0 = true).
  const truth = typeof node.value === 'number' && (expr.kind === 'lookup' || expr.kind === 'label') ? node.value !== 0 : node.value;
  const value = truth === true ? '✓' : truth === false ? '✗' : String(truth);
  const isTerm = expr.kind === 'label' || !isComposite(node);
  const blocking = node.decisive && truth === false && isTerm;
  const className = `${blocking ? 'blocking' : ''} ${truth === false ? 'false' : truth === true ? 'true' : ''}`;
  let title: string;
  /** A leaf's formula, shown as code. */
  let formula: string | null = null;
  let kids: ExplainedNode[] = [];
  if (expr.kind === 'label') {
    title = t(`terms.${expr.label}`, { defaultValue: expr.label });
    const inner = node.children[0];
    kids = inner && isComposite(inner) ? inner.children : [];
    if (inner && !isComposite(inner)) formula = inner.text;
    else if (inner?.expr.kind === 'logical') title = `${title} (${t(`labels.logic.${inner.expr.op}`)})`;
  } else if (expr.kind === 'conditional') {
    // c ? a : b: show only the branch that was taken (painted cells use this form).
    const taken = node.children[0]?.value ? node.children[1] : node.children[2];
    return taken ? <WhyNode node={taken} /> : null;
  } else if (expr.kind === 'logical') {
    title = t(`labels.logic.${expr.op}`);
    kids = node.children;
  } else if (expr.kind === 'not') {
    title = t('labels.logic.not');
    kids = node.children;
  } else {
    title = '';
    formula = node.text;
  }
  return (
    <li className={className}>
      <span className="why-value" aria-label={typeof truth === 'boolean' ? t(truth ? 'hover.true' : 'hover.false') : String(truth)}>
        {value}
      </span>{' '}
      {title}
      {title && formula !== null && t('status.colon')}
      {formula !== null && <code>{formula}</code>}
      {kids.length > 0 && (
        <ul>
          {kids.filter((child) => child.decisive).map((child, i) => (
            <WhyNode key={i} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

function isComposite(node: ExplainedNode): boolean {
  return node.expr.kind === 'logical' || node.expr.kind === 'not' || node.expr.kind === 'label';
}
