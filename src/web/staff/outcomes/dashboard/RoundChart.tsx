import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/outcomes/schemas/dashboards.ts';

const WIDTH = 360;
const HEIGHT = 180;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/**
 * The mean overall score by round, returnees (solid line, circles) beside residents (dashed line, squares), as an
 * inline SVG: no chart library. The same figures are in the table below it, which is what a screen reader reads;
 * the chart is described once by its label.
 */
export function RoundChart({ byRound }: { byRound: Dashboard['byRound'] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const points = (who: 'returnees' | 'residents') =>
    byRound
      .map((round, index) => ({ index, value: round.outcomes.find((o) => o.outcome === 'composite')?.[who] ?? null }))
      .filter((point): point is { index: number; value: number } => point.value !== null);
  const x = (index: number) =>
    PAD.left + (byRound.length <= 1 ? 0 : (index * (WIDTH - PAD.left - PAD.right)) / (byRound.length - 1));
  const y = (value: number) => PAD.top + (1 - value) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (list: { index: number; value: number }[]) =>
    list.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const returnees = points('returnees');
  const residents = points('residents');
  if (returnees.length === 0 && residents.length === 0) return null;
  return (
    <figure style={{ margin: 0, maxWidth: WIDTH }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={t('outcomes.dashboard.chart.label')}
        style={{ direction: 'ltr' }}
      >
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#ced4da" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(tick) + 4} fontSize={11} textAnchor="end" fill="#495057">
              {number.format(tick * 100)}
            </text>
          </g>
        ))}
        {byRound.map((round, index) => (
          <text key={round.round} x={x(index)} y={HEIGHT - 8} fontSize={11} textAnchor="middle" fill="#495057">
            {t('outcomes.dashboard.chart.month', { count: round.round })}
          </text>
        ))}
        <path d={line(residents)} fill="none" stroke="#868e96" strokeWidth={2} strokeDasharray="5 4" />
        {residents.map((p) => (
          <rect key={p.index} x={x(p.index) - 4} y={y(p.value) - 4} width={8} height={8} fill="#868e96" />
        ))}
        <path d={line(returnees)} fill="none" stroke="#1c7ed6" strokeWidth={2.5} />
        {returnees.map((p) => (
          <circle key={p.index} cx={x(p.index)} cy={y(p.value)} r={4.5} fill="#1c7ed6" />
        ))}
      </svg>
      <figcaption style={{ fontSize: 13 }}>
        <span style={{ color: '#1c7ed6' }}>● —</span> {t('outcomes.dashboard.returnees')}{' '}
        <span style={{ color: '#868e96' }}>■ - -</span> {t('outcomes.dashboard.residents')}
      </figcaption>
    </figure>
  );
}
