/**
 * The whole mask as a small tree: AND / OR / NOT nodes and the labelled terms (causal, key
 * padding, catalogue masks, the custom formula, painted cells), leaves as formulas. It changes as
 * the controls above it change; the read-out shows the same tree evaluated at one cell.
 */
import { useT } from './i18n/useT';
import { formatExpr, type MaskExpr } from '../engine/mask';

export function CompositionTree({ expr }: { expr: MaskExpr }) {
  const { t } = useT();
  return (
    <div className="composition" data-testid="composition">
      <span className="why-title">{t('mask.composition')}</span>
      <ul className="why-tree">
        <Node expr={expr} />
      </ul>
    </div>
  );
}

function Node({ expr }: { expr: MaskExpr }) {
  const { t } = useT();
  const name = (label: string) => t(`terms.${label}`, { defaultValue: label });
  if (expr.kind === 'label') {
    const inner = expr.expr;
    if (inner.kind === 'logical' || inner.kind === 'not' || inner.kind === 'label' || inner.kind === 'conditional') {
      return (
        <li>
          {name(expr.label)}
          <ul>
            <Node expr={inner} />
          </ul>
        </li>
      );
    }
    return (
      <li>
        {name(expr.label)}: <code>{formatExpr(inner)}</code>
      </li>
    );
  }
  if (expr.kind === 'logical' || expr.kind === 'not') {
    const kids = expr.kind === 'not' ? [expr.arg] : expr.args;
    return (
      <li>
        <b>{t(`labels.logic.${expr.kind === 'not' ? 'not' : expr.op}`)}</b>
        <ul>
          {kids.map((kid, i) => (
            <Node key={i} expr={kid} />
          ))}
        </ul>
      </li>
    );
  }
  if (expr.kind === 'conditional') {
    return (
      <li>
        <code>{formatExpr(expr.test)}</code> ?
        <ul>
          <Node expr={expr.then} />
          <Node expr={expr.else} />
        </ul>
      </li>
    );
  }
  return (
    <li>
      <code>{formatExpr(expr)}</code>
    </li>
  );
}
